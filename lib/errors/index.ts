/** Stable error codes and the one table from code to HTTP status. */
export const ERROR_STATUS = {
  malformed_json: 400,
  bad_request: 400,
  invalid_signature: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  validation_failed: 422,
  unauthenticated: 401,
  invalid_credentials: 401,
  invalid_api_key: 401,
  forbidden: 403,
  /** A hard plan limit (products, stores): details carry resource, limit, used, upgrade_url. */
  plan_limit_reached: 403,
  cross_site_request: 403,
  account_suspended: 403,
  /** The platform suspended the store (lib/tenancy/review.ts): no new charges, checkout sessions or API-key calls. */
  store_suspended: 403,
  /** TENANT_REVIEW=manual: the store waits for the platform's approval before it takes payments. */
  store_pending_review: 403,
  not_found: 404,
  method_not_allowed: 405,
  /** Answered by scripts/server.mjs before the app sees the request. */
  request_timeout: 408,
  headers_too_large: 431,
  conflict: 409,
  /** A finalised invoice's lines, totals, parties or number cannot change (corrections are credit notes). */
  invoice_immutable: 409,
  account_not_connected: 409,
  charges_not_enabled: 409,
  price_archived: 409,
  already_exists: 409,
  currency_mismatch: 422,
  url_not_allowed: 422,
  price_not_one_time: 422,
  card_declined: 402,
  unknown_package: 404,
  amount_out_of_bounds: 400,
  payment_not_succeeded: 409,
  insufficient_credits: 409,
  idempotency_key_required: 400,
  stripe_error: 502,
  email_taken: 409,
  idempotency_conflict: 409,
  request_in_progress: 409,
  no_active_gateway: 422,
  amount_below_minimum: 422,
  quantity_above_limit: 422,
  pix_not_available: 422,
  refund_not_supported: 422,
  refund_exceeds_paid: 422,
  charge_not_refundable: 409,
  /** A PIX charge that no longer waits for the buyer's data (given already, or expired). */
  charge_not_awaiting_customer: 409,
  /** A CPF (or CNPJ, where one is accepted) whose check digits do not hold. */
  invalid_cpf: 422,
  /** A split share to the receiving account itself, which the gateway refuses (WiinPay). */
  split_to_own_account: 422,
  /** POST /api/v1/orders/:id/refunds: more than the order's amount minus its succeeded and pending refunds. */
  refund_exceeds_remaining: 400,
  /** A card order that is not paid (or already refunded, disputed, or a PIX charge's id): lib/orders/refunds.ts. */
  order_not_refundable: 409,
  config_in_use: 409,
  gateway_error: 502,
  all_gateways_failed: 502,
  gateway_unavailable: 503,
  coupon_not_found: 404,
  coupon_inactive: 422,
  coupon_not_yet_valid: 422,
  coupon_expired: 422,
  coupon_exhausted: 409,
  coupon_wrong_plan: 422,
  coupon_wrong_currency: 422,
  coupon_first_time_only: 422,
  coupon_minimum_amount: 422,
  coupon_not_applicable: 422,
  coupon_no_subscription: 409,
  notification_channel_unavailable: 409,
  /** A store's currency cannot change once it has prices or orders (lib/tenancy/store-settings.ts). */
  currency_locked: 409,
  /** The receipt id alone no longer opens a buyer's customer portal: ask for an emailed link (lib/checkout/portal-link.ts). */
  portal_link_required: 403,
  /** An emailed portal link that is unknown, expired, already used or for another buyer. */
  portal_link_invalid: 410,
  rate_limited: 429,
  /** A soft plan limit (api_calls, orders, pix_charges) past 100 % in block mode, or credits ran out: lib/usage. */
  usage_limit_reached: 429,
  /** POST /api/v1/usage with a resource type Vitrine meters itself. */
  resource_type_reserved: 422,
  /** Card installments the store or the card does not offer (a tampered or stale plan): lib/checkout/installments.ts. */
  installment_plan_not_allowed: 422,
  /** Boleto outside a Brazilian account selling in BRL: lib/checkout/boleto.ts. */
  boleto_not_available: 422,
  /** An Elements payment that is no longer open for a new attempt (paid, processing, expired). */
  payment_not_open: 409,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: {
      param?: string;
      retryAfterSeconds?: number;
      cause?: unknown;
      details?: Record<string, unknown>;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }
  get param() {
    return this.options.param;
  }
}

export const notFound = (what = "Resource") => new AppError("not_found", `${what} not found.`);

/** The value, or null when the lookup answered not found (pages turn that into their 404). */
export async function nullIfNotFound<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") return null;
    throw err;
  }
}

export type ErrorBody = {
  error: { code: ErrorCode; message: string; param?: string; details?: Record<string, unknown>; request_id: string };
};

export function errorBody(err: AppError, requestId: string): ErrorBody {
  return {
    error: {
      code: err.code,
      message: err.message,
      ...(err.param ? { param: err.param } : {}),
      ...(err.options.details ? { details: err.options.details } : {}),
      request_id: requestId,
    },
  };
}
