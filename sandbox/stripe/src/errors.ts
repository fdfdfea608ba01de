/** Errors in Stripe's wire shape: `{ error: { type, code, decline_code, message, param, doc_url } }`. */
export type StripeErrorType = "api_error" | "card_error" | "idempotency_error" | "invalid_request_error";

export type ErrorBody = {
  type: StripeErrorType;
  code?: string;
  decline_code?: string;
  message: string;
  param?: string;
  doc_url?: string;
  charge?: string;
  payment_intent?: unknown;
  setup_intent?: unknown;
  payment_method?: unknown;
  request_log_url?: string;
};

export class StripeApiError extends Error {
  /** Validation failures never reach the handler, so Stripe does not store them for idempotent replay. */
  readonly replayable: boolean;

  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    opts: { replayable?: boolean } = {},
  ) {
    super(body.message);
    this.replayable = opts.replayable ?? true;
    if (body.code && !body.doc_url)
      body.doc_url = `https://stripe.com/docs/error-codes/${body.code.replace(/_/g, "-")}`;
  }

  toJSON(): { error: ErrorBody } {
    return { error: this.body };
  }
}

export function invalidRequest(message: string, extra: Partial<ErrorBody> = {}, status = 400): StripeApiError {
  return new StripeApiError(status, { type: "invalid_request_error", message, ...extra });
}

export function paramError(message: string, param: string, code: string): StripeApiError {
  return new StripeApiError(400, { type: "invalid_request_error", message, param, code }, { replayable: false });
}

export function unknownParam(param: string): StripeApiError {
  return paramError(`Received unknown parameter: ${param}`, param, "parameter_unknown");
}

export function missingParam(param: string): StripeApiError {
  return paramError(`Missing required param: ${param}.`, param, "parameter_missing");
}

/** Stripe's 404 for a missing object, e.g. "No such customer: 'cus_123'". */
export function noSuch(noun: string, id: string, param = "id"): StripeApiError {
  return new StripeApiError(404, {
    type: "invalid_request_error",
    code: "resource_missing",
    message: `No such ${noun}: '${id}'`,
    param,
  });
}

export function unexpectedState(message: string, code = "payment_intent_unexpected_state"): StripeApiError {
  return invalidRequest(message, { code });
}

export function unauthorized(message: string): StripeApiError {
  return new StripeApiError(401, { type: "invalid_request_error", message }, { replayable: false });
}
