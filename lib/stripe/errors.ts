import Stripe from "stripe";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";

/** Stripe errors become our error shape: card problems are the buyer's (402), the rest are upstream (502). */
export function fromStripeError(err: unknown): never {
  if (err instanceof Stripe.errors.StripeCardError) {
    throw new AppError("card_declined", err.message, { param: err.decline_code ?? err.code ?? undefined, cause: err });
  }
  if (err instanceof Stripe.errors.StripeIdempotencyError) {
    throw new AppError("idempotency_conflict", "This Idempotency-Key was already used with different parameters.", {
      cause: err,
    });
  }
  if (err instanceof Stripe.errors.StripeError) {
    logger.error(
      { stripe: { type: err.type, code: err.code, requestId: err.requestId, message: err.message } },
      "stripe call failed",
    );
    throw new AppError("stripe_error", "The payment provider could not complete the request. Try again.", {
      cause: err,
    });
  }
  throw err;
}

export async function callStripe<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    return fromStripeError(err);
  }
}
