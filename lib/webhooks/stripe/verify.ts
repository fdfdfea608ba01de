import type Stripe from "stripe";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { getStripe } from "@/lib/stripe/client";
import { assertStorableText } from "@/lib/validation/text";

/** How far a Stripe-Signature timestamp may be from our clock, in either direction. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** Comma-separated secrets (CLI + dashboard endpoints, or an old and a new one during rotation). */
export function parseSecrets(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The `t=` of a Stripe-Signature header (seconds), or null when absent or not a number. */
function signedAt(signature: string): number | null {
  const t = signature
    .split(",")
    .map((p) => p.trim())
    .find((p) => p.startsWith("t="))
    ?.slice(2);
  return t && /^\d+$/.test(t) ? Number(t) : null;
}

/**
 * Verifies the raw body against each secret in order; the first that matches wins. The SDK only
 * refuses timestamps older than the tolerance; one stamped further in the future is refused here,
 * so a captured delivery signed ahead of time cannot be replayed for an hour.
 */
export function verifyStripeSignature(
  rawBody: string,
  signature: string | null,
  secrets: string[],
  nowMs = Date.now(),
): Stripe.Event {
  if (!signature) throw new AppError("invalid_signature", "Missing Stripe-Signature header.");
  if (secrets.length === 0) throw new AppError("service_unavailable", "No webhook signing secret is configured.");
  for (const secret of secrets) {
    let event: Stripe.Event;
    try {
      event = getStripe().webhooks.constructEvent(rawBody, signature, secret, SIGNATURE_TOLERANCE_SECONDS);
    } catch {
      continue; // try the next secret
    }
    const t = signedAt(signature);
    if (t === null || t - nowMs / 1000 > SIGNATURE_TOLERANCE_SECONDS)
      throw new AppError(
        "invalid_signature",
        "The Stripe-Signature timestamp is too far in the future; check the clocks.",
      );
    return event;
  }
  throw new AppError(
    "invalid_signature",
    "The Stripe-Signature does not match any configured secret, or its timestamp is too old.",
  );
}

/** The fields the event ledger stores (each a not-null column, or the store lookup's metadata). */
const EventEnvelope = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(255),
  livemode: z.boolean(),
  created: z.number().int().nonnegative().max(32_503_680_000),
  account: z.string().min(1).max(255).nullish(),
  data: z.object({
    object: z.object({ metadata: z.record(z.string(), z.string()).nullish() }).loose(),
  }),
});

/**
 * A signed body that is not a Stripe event we can record (a field missing or of the wrong type) is
 * a 400 `bad_request` naming the field, before anything is written: a malformed delivery is the
 * sender's error, not a 500 that Stripe would retry forever.
 */
export function assertStripeEvent(event: unknown): asserts event is Stripe.Event {
  const parsed = EventEnvelope.safeParse(event);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const param = issue.path.join(".");
    throw new AppError("bad_request", `Not a Stripe event: ${param || "body"}: ${issue.message}`, { param });
  }
  assertStorableText(event);
}
