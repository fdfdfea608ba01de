/** The one error type PIX gateway code throws. `code` is stable; messages never carry credentials. */
export const PIX_ERROR_CODES = [
  "invalid_credentials",
  "amount_below_minimum",
  "invalid_amount",
  "gateway_unavailable",
  "gateway_rejected",
  "not_supported",
  "not_found",
  "invalid_webhook",
  "invalid_customer",
  "invalid_split",
] as const;

export type PixErrorCode = (typeof PIX_ERROR_CODES)[number];

export class PixGatewayError extends Error {
  constructor(
    readonly code: PixErrorCode,
    message: string,
    /** `detail`: the gateway's own words about the refusal, secrets already scrubbed (shown to the seller). */
    readonly details: { gateway?: string; httpStatus?: number; detail?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = "PixGatewayError";
  }

  get gateway() {
    return this.details.gateway;
  }

  /** Worth retrying later (network trouble, 5xx, timeout). */
  get transient() {
    return this.code === "gateway_unavailable";
  }
}

export function isPixGatewayError(e: unknown, code?: PixErrorCode): e is PixGatewayError {
  return e instanceof PixGatewayError && (code === undefined || e.code === code);
}
