// JSON shapes of the PIX API as the dashboard and the buyer page receive them (dates as ISO strings).
import type { CredentialField } from "@/lib/pix/credentials";
import { parseAmount } from "@/lib/money";
import type { MessageKey } from "@/lib/i18n/translate";

export type PixStatusName = "pending" | "paid" | "failed" | "refunded" | "disputed" | "awaiting_customer";
export const FINAL_STATUSES: readonly string[] = ["paid", "failed", "refunded", "disputed"];

export type GatewayType = {
  id: string;
  displayName: string;
  capabilities: {
    refund: boolean;
    statusQuery: boolean;
    signedWebhooks: boolean;
    split: boolean;
    webhookRegistration?: boolean;
  };
  minimumCentavos: number;
  amountUnit: "reais" | "centavos";
  fields: CredentialField[];
  statusReadIntervalMs?: number;
  customer?: CustomerRequirements;
  splitLimits?: { maxRecipients: number; maxTotalPercentage: number; minShareExclusiveCentavos?: number } | null;
};

export type BuyerField = "name" | "email" | "document" | "phone";

export type CustomerRequirements = {
  name: boolean;
  email: boolean;
  phone: boolean;
  document: false | "cpf" | "cpf_or_cnpj";
};
export type SplitRuleRow = { recipientId: string; percentage: number };

export type GatewayConfigRow = {
  id: string;
  gateway: string;
  label: string;
  active: boolean;
  priority: number;
  baseUrl: string | null;
  maskedCredentials: Record<string, string | null>;
  webhookUrl: string | null;
  lastVerifiedAt: string | null;
  lastVerifyOk: boolean | null;
  lastError: string | null;
  /** Set when lastError came from a check (POST …/verify): worded in the UI language by verifyErrorText. */
  lastErrorCode?: string | null;
  lastErrorAt: string | null;
  stats: { total: number; paid: number; conversion: number; paidCentavos: number };
  split?: SplitRuleRow[];
  /** Active and verified: only such configs get charges. */
  chargeable?: boolean;
};

export type PixAttemptRow = {
  id: string;
  gateway: string;
  gatewayConfigId?: string | null;
  label?: string | null;
  ok: boolean;
  errorCode: string | null;
  errorMessage: string | null;
  durationMs: number;
  createdAt: string;
};

export type PixRefundRow = {
  id: string;
  amountCentavos: number;
  status: "pending" | "refunded" | "failed";
  reason: string | null;
  failureMessage: string | null;
  createdAt: string;
};

export type PixChargeRow = {
  id: string;
  status: PixStatusName;
  amountCentavos: number;
  description: string;
  orderId?: string | null;
  gateway: string | null;
  gatewayConfigId?: string | null;
  gatewayLabel?: string | null;
  reference: string;
  createdAt: string;
  expiresAt: string | null;
  paidAt: string | null;
  paidAmountCentavos?: number | null;
  refundedCentavos?: number;
  failureCode?: string | null;
  failureMessage?: string | null;
  payUrl?: string;
};

export type PixChargeDetail = PixChargeRow & {
  brCode?: string | null;
  attempts?: PixAttemptRow[];
  refunds?: PixRefundRow[];
  canRefund?: boolean;
  refundableCentavos?: number;
  manualConfirmation?: boolean;
};

/** What the public buyer page renders (no secrets, no customer data). */
export type PublicPixCharge = {
  id: string;
  status: PixStatusName;
  amountCentavos: number;
  description: string;
  storeName: string;
  brCode: string | null;
  qrPngDataUrl: string | null;
  expiresAt: string | null;
  paidAt: string | null;
  gateway: string | null;
  /** Where to send the buyer once paid: the store's success URL with `orderId`; null shows Vitrine's paid state only. */
  paidRedirectUrl?: string | null;
  /** `awaiting_customer` only: what to ask the buyer for; null when no gateway can take the charge now. */
  customerForm?: { fields: BuyerField[]; document: CustomerRequirements["document"] } | null;
  /** Once paid: the PIX end-to-end id (E2E, the bank's proof) and the receipt PDF's path. */
  endToEndId?: string | null;
  receiptPdfUrl?: string | null;
};

/** The polling answer of GET /api/pix/charges/:id. */
export type PixChargePoll = {
  status: PixStatusName;
  amountCentavos: number;
  expiresAt: string | null;
  paidAt: string | null;
  /** When to ask again: when Vitrine may next ask the gateway (its read budget); null once settled. */
  pollAfterSeconds?: number | null;
  /** The QR code exists (false while the charge waits for the buyer's data or is being created). */
  hasCode?: boolean;
  endToEndId?: string | null;
  receiptPdfUrl?: string | null;
};

/** The answer of POST /api/v1/pix/configs/:id/verify. */
export type VerifyResult = {
  ok: boolean;
  code?: string;
  /** The gateway's own words, sanitized server-side (no credentials). */
  reason?: string | null;
  error?: string;
};

const VERIFY_ERROR_CODES = [
  "invalid_credentials",
  "gateway_unavailable",
  "gateway_rejected",
  "webhook_registration_failed",
] as const;

/** A failed check in the UI language; an unknown or missing code is a generic failure. */
export function verifyErrorText(t: (k: MessageKey) => string, code: string | null | undefined): string {
  const known = (VERIFY_ERROR_CODES as readonly string[]).includes(code ?? "");
  return t(`pix.verifyErrors.${known ? code : "check_failed"}` as MessageKey);
}

export const CONFIGS_KEY = ["pix", "configs"] as const;
export const CHARGES_KEY = ["pix", "charges"] as const;
export const chargeKey = (id: string) => ["pix", "charge", id] as const;

/** A list endpoint may answer `{ data: [...] }` or a bare array. */
export function listOf<T>(body: unknown): T[] {
  if (Array.isArray(body)) return body as T[];
  const data = (body as { data?: unknown } | null)?.data;
  return Array.isArray(data) ? (data as T[]) : [];
}

/** A single-object endpoint may wrap it (`{ charge }`, `{ config }`) or not. */
export function objectOf<T>(body: unknown, key: string): T {
  const inner = (body as Record<string, unknown> | null)?.[key];
  return (inner && typeof inner === "object" ? inner : body) as T;
}

const GATEWAY_IDS = ["syncpay", "pushinpay", "paradise", "wiinpay", "atomopay", "bcb", "direct_key"] as const;
const isKnownGateway = (id: string | null | undefined): id is (typeof GATEWAY_IDS)[number] =>
  !!id && (GATEWAY_IDS as readonly string[]).includes(id);

/** The gateway's name in the UI language; an unknown id shows as is. */
export function gatewayName(t: (k: MessageKey) => string, id: string | null | undefined): string {
  if (isKnownGateway(id)) return t(`pix.gateways.${id}` as MessageKey);
  return id ?? "—";
}

export function gatewayBlurb(t: (k: MessageKey) => string, id: string): string | null {
  return isKnownGateway(id) ? t(`pix.gateways.blurb.${id}` as MessageKey) : null;
}

/** A credential field's label in the UI language, else the adapter's English label. */
export function fieldLabel(t: (k: MessageKey) => string, field: Pick<CredentialField, "name" | "label">): string {
  const key = `pix.fields.${field.name}` as MessageKey;
  const text = t(key);
  return text === key ? field.label : text;
}

/** What the seller typed ("12,50", "R$ 1.234,56") → centavos; null unless it is a positive amount. */
export function parseReais(input: string, locale: string): number | null {
  const parsed = parseAmount(input, "BRL", locale);
  return parsed.ok && parsed.minor > 0 ? parsed.minor : null;
}
