// PixGatewayError → our AppError (stable code, HTTP status); messages never carry credentials.
import { AppError } from "@/lib/errors";
import { isPixGatewayError } from "@/lib/pix/errors";

export function gatewayAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (!isPixGatewayError(err)) return new AppError("internal_error", "An unexpected error occurred.", { cause: err });
  switch (err.code) {
    case "amount_below_minimum":
      return new AppError("amount_below_minimum", err.message, { param: "amountCentavos" });
    case "invalid_amount":
      return new AppError("validation_failed", err.message, { param: "amountCentavos" });
    case "not_supported":
      return new AppError("refund_not_supported", err.message);
    case "gateway_unavailable":
      return new AppError("gateway_unavailable", `The PIX gateway is unavailable: ${err.message}`, {
        retryAfterSeconds: 30,
      });
    default:
      return new AppError("gateway_error", `The PIX gateway refused the request: ${err.message}`);
  }
}

/** One line for lastError / failure fields: code and message, trimmed. */
export function describeGatewayError(err: unknown): { code: string; message: string } {
  if (isPixGatewayError(err)) return { code: err.code, message: err.message.slice(0, 500) };
  if (err instanceof AppError) return { code: err.code, message: err.message.slice(0, 500) };
  // why not err.message: an unexpected error may quote a request (and its credentials).
  return { code: "internal_error", message: err instanceof Error ? `unexpected ${err.name}` : "unexpected error" };
}
