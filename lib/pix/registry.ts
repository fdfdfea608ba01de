import "server-only";
import type { CredentialField } from "./credentials";
import { PixGatewayError } from "./errors";
import { instantiateGateway } from "./gateway";
import { atomopay } from "./gateways/atomopay";
import { bcb } from "./gateways/bcb";
import { directKey } from "./gateways/direct-key";
import { paradise } from "./gateways/paradise";
import { pushinpay } from "./gateways/pushinpay";
import { syncpay } from "./gateways/syncpay";
import { wiinpay } from "./gateways/wiinpay";
import type {
  AmountUnit,
  PixAccountReadBudget,
  PixCapabilities,
  PixCustomerRequirements,
  PixGateway,
  PixGatewayDefinition,
  PixGatewayId,
  PixGatewayOptions,
  PixSplitLimits,
} from "./types";

// Adding a gateway: one file in ./gateways and one line here.
const DEFINITIONS = [
  syncpay,
  pushinpay,
  paradise,
  wiinpay,
  atomopay,
  bcb,
  directKey,
] as unknown as PixGatewayDefinition[];

const BY_ID = new Map(DEFINITIONS.map((d) => [d.id, d]));

/** What the seller UI needs to offer a gateway and render its credential form. */
export type PixGatewayInfo = {
  id: PixGatewayId;
  name: string;
  capabilities: PixCapabilities;
  minimumCentavos: number;
  amountUnit: AmountUnit;
  defaultBaseUrl: string;
  statusReadIntervalMs: number;
  accountReadBudget: PixAccountReadBudget | null;
  customer: PixCustomerRequirements;
  splitLimits: PixSplitLimits | null;
  credentialFields: CredentialField[];
};

export function listPixGateways(): PixGatewayInfo[] {
  return DEFINITIONS.map((d) => ({
    id: d.id,
    name: d.displayName,
    capabilities: { ...d.capabilities },
    minimumCentavos: d.minimumCentavos,
    amountUnit: d.amountUnit,
    defaultBaseUrl: d.defaultBaseUrl,
    statusReadIntervalMs: d.statusReadIntervalMs,
    accountReadBudget: d.accountReadBudget ? { ...d.accountReadBudget } : null,
    customer: { ...d.customer },
    splitLimits: d.splitLimits ? { ...d.splitLimits } : null,
    credentialFields: d.credentials.fields.map((f) => ({ ...f })),
  }));
}

export function isPixGatewayId(id: unknown): id is PixGatewayId {
  return typeof id === "string" && BY_ID.has(id as PixGatewayId);
}

export function getPixGatewayDefinition(id: string): PixGatewayDefinition {
  const def = BY_ID.get(id as PixGatewayId);
  if (!def) throw new PixGatewayError("not_supported", `unknown PIX gateway "${id.slice(0, 40)}"`);
  return def;
}

/** A ready gateway for one seller's credentials. Throws invalid_credentials when fields are missing. */
export function createGateway(id: string, credentials: unknown, options: PixGatewayOptions = {}): PixGateway {
  return instantiateGateway(getPixGatewayDefinition(id), credentials, options);
}
