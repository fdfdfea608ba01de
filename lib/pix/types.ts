import type { Logger } from "pino";
import type { CredentialSpec } from "./credentials";
import type { AddressGuard, FetchLike } from "./http";
import type { PixStatus } from "./status";

export type PixGatewayId = "syncpay" | "pushinpay" | "paradise" | "wiinpay" | "atomopay" | "bcb" | "direct_key";

export type PixCapabilities = {
  refund: boolean;
  statusQuery: boolean;
  signedWebhooks: boolean;
  split: boolean;
  /** The gateway needs us to register our webhook URL through its API (BCB `PUT /webhook/{chave}`). */
  webhookRegistration: boolean;
};

export type AmountUnit = "reais" | "centavos";

export type PixCustomer = { name?: string; email?: string; document?: string; phone?: string };

/**
 * The buyer data a gateway refuses to create a charge without (checked before any call; see
 * lib/pix/customer.ts). `document`: a CPF only, or a CPF or CNPJ; false when not asked for.
 */
export type PixCustomerRequirements = {
  name: boolean;
  email: boolean;
  phone: boolean;
  document: false | "cpf" | "cpf_or_cnpj";
};

/**
 * Status reads one gateway account may make per window, over all its charges. The window is at
 * most the gateway's per-charge read interval, so each charge is read at most once in it (see
 * lib/pix/service/read-budget.ts).
 */
export type PixAccountReadBudget = { reads: number; windowMs: number };

/** A share of the charge for another account on the same gateway. */
export type PixSplitRule = { recipientId: string; percentage: number };

/** The split rules a gateway enforces (checked before any call; see lib/pix/split.ts). */
export type PixSplitLimits = {
  maxRecipients: number;
  /** Most of the charge all shares together may take, in percent. */
  maxTotalPercentage: number;
  /** Each share must be MORE than this many centavos (WiinPay: R$ 0,10). */
  minShareExclusiveCentavos?: number;
  /**
   * The credential field holding the config's own account id at the gateway, where the gateway
   * refuses a share to the receiving account itself (WiinPay: `user_id`); see splitToOwnAccount.
   */
  ownAccountCredential?: string;
};

export type CreatePixChargeInput = {
  amountCentavos: number;
  description: string;
  /** Our reference (see newPixReference); BCB uses it as the txid. */
  reference: string;
  customer?: PixCustomer;
  /** Where the gateway should POST status changes (per-tenant URL with a random token). */
  webhookUrl?: string;
  expiresInSeconds?: number;
  split?: PixSplitRule[];
};

export type PixChargeCreated = {
  transactionId: string;
  hash?: string;
  reference: string;
  /** "Pix copia e cola". */
  brCode: string;
  /** A data URL the gateway returned, if any (render our own with lib/pix/qr otherwise). */
  qrImage?: string;
  expiresAt?: Date;
  status: PixStatus;
  /** Átomo: the producer (seller account) the charge belongs to; store it for the webhook cross-check. */
  producerHash?: string;
  amountCentavos: number;
  raw: unknown;
};

export type HeadersLike = Headers | Record<string, string | string[] | undefined>;

export type PixWebhookInput = { body: string; headers?: HeadersLike };

export type PixWebhookEvent = {
  transactionId: string;
  hash?: string;
  reference?: string;
  status: PixStatus;
  rawStatus?: string;
  amountCentavos: number;
  /** Sum of completed refunds the notification reports (BCB devoluções). */
  refundedCentavos?: number;
  producerHash?: string;
  raw: unknown;
};

export type PixChargeRef = { transactionId: string; hash?: string };

export type PixChargeStatus = {
  transactionId: string;
  status: PixStatus;
  rawStatus?: string;
  amountCentavos?: number;
  /** BCB: the paying Pix's endToEndId (needed for a devolução). */
  endToEndId?: string;
  refundedCentavos?: number;
  raw: unknown;
};

export type PixRefundInput = PixChargeRef & {
  amountCentavos: number;
  /** What the buyer actually paid, as recorded by us; refunds can never exceed it. */
  paidAmountCentavos: number;
  alreadyRefundedCentavos?: number;
  /** BCB: endToEndId of the paying Pix; looked up from the charge when absent. */
  endToEndId?: string;
  /** Idempotency: the same id retried is the same refund. Generated when absent. */
  refundId?: string;
  reason?: string;
};

export type PixRefundResult = {
  refundId: string;
  status: "pending" | "refunded" | "failed";
  amountCentavos: number;
  raw: unknown;
};

/** One configured gateway account. Every method throws PixGatewayError on failure. */
export type PixGateway = {
  readonly id: PixGatewayId;
  readonly displayName: string;
  readonly capabilities: PixCapabilities;
  readonly minimumCentavos: number;
  readonly amountUnit: AmountUnit;
  readonly baseUrl: string;
  /** Least time between two status reads of one charge (Vitrine's budget; see lib/pix/service/read-budget.ts). */
  readonly statusReadIntervalMs: number;
  readonly customer: PixCustomerRequirements;
  readonly splitLimits: PixSplitLimits | null;
  createCharge(input: CreatePixChargeInput): Promise<PixChargeCreated>;
  /** Returns one event per notified charge (BCB batches several Pix in one POST). */
  parseWebhook(input: PixWebhookInput): PixWebhookEvent[];
  getStatus(ref: PixChargeRef): Promise<PixChargeStatus>;
  /** Resolves when the gateway accepts the credentials; throws invalid_credentials otherwise. */
  verifyCredentials(): Promise<void>;
  refund(input: PixRefundInput): Promise<PixRefundResult>;
  registerWebhook(webhookUrl: string): Promise<void>;
};

export type PixGatewayOptions = {
  baseUrl?: string;
  fetch?: FetchLike;
  /**
   * Checks every address a request connects to (and the URL before it is sent); set for base URLs
   * a seller typed. Ignored when `fetch` is given.
   */
  addressGuard?: AddressGuard;
  timeoutMs?: number;
  logger?: Logger;
  now?: () => Date;
};

/** What a gateway implementation receives when it is instantiated. */
export type GatewayContext = {
  baseUrl: string;
  fetch: FetchLike;
  timeoutMs: number;
  log: Logger;
  now: () => Date;
  /** True when the caller injected its own fetch (BCB then skips its mTLS transport). */
  customFetch: boolean;
  addressGuard?: AddressGuard;
};

export type PixGatewayDefinition<C extends Record<string, unknown> = Record<string, unknown>> = {
  id: PixGatewayId;
  displayName: string;
  capabilities: PixCapabilities;
  minimumCentavos: number;
  amountUnit: AmountUnit;
  defaultBaseUrl: string;
  /**
   * Least time between two status reads of one charge. PushinPay: 60 s by contract (its docs warn
   * that faster reads may get the account blocked); the others: our own courtesy.
   */
  statusReadIntervalMs: number;
  /**
   * Status reads per account (one config) across all its charges, where the gateway documents an
   * account-wide limit (Átomo: 1,000 requests a minute); absent when none is known.
   */
  accountReadBudget?: PixAccountReadBudget;
  customer: PixCustomerRequirements;
  /** null when the gateway takes no split (capabilities.split false). */
  splitLimits: PixSplitLimits | null;
  credentials: CredentialSpec<C>;
  /** Gateway-specific operations; anything absent throws not_supported. */
  create(credentials: C, ctx: GatewayContext): GatewayImplementation;
};

export type GatewayImplementation = Partial<
  Pick<PixGateway, "getStatus" | "verifyCredentials" | "refund" | "registerWebhook">
> &
  Pick<PixGateway, "createCharge" | "parseWebhook">;
