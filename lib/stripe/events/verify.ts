import type Stripe from "stripe";
import { AppError } from "@/lib/http/errors";
import { getStripe } from "@/lib/stripe/client";

export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** Comma-separated secrets (CLI + dashboard endpoints, or an old and a new one during rotation). */
export function parseSecrets(value: string | undefined): string[] {
  return (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}

/** Verifies the raw body against each secret in order; the first that matches wins. */
export function verifyStripeSignature(rawBody: string, signature: string | null, secrets: string[]): Stripe.Event {
  if (!signature) throw new AppError("invalid_signature", "Missing Stripe-Signature header.");
  if (secrets.length === 0) throw new AppError("service_unavailable", "No webhook signing secret is configured.");
  for (const secret of secrets) {
    try {
      return getStripe().webhooks.constructEvent(rawBody, signature, secret, SIGNATURE_TOLERANCE_SECONDS);
    } catch {
      // try the next secret
    }
  }
  throw new AppError("invalid_signature", "The Stripe-Signature does not match any configured secret, or its timestamp is too old.");
}
