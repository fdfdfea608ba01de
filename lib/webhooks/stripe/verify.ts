import Stripe from "stripe";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { assertStorableText } from "@/lib/validation/text";

/** How far a Stripe-Signature timestamp may be from our clock, in either direction. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

let lastSecrets: { value: string; secrets: string[] } | undefined;

/**
 * Comma-separated secrets (CLI + dashboard endpoints, or an old and a new one during rotation).
 * Split once per distinct value: every delivery asks, the value almost never changes.
 */
export function parseSecrets(value: string | undefined): string[] {
  const raw = value ?? "";
  if (lastSecrets?.value !== raw)
    lastSecrets = {
      value: raw,
      secrets: raw
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    };
  return lastSecrets.secrets;
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
      // The SDK's webhook helpers are static (every client shares them): no client is needed.
      event = Stripe.webhooks.constructEvent(rawBody, signature, secret, SIGNATURE_TOLERANCE_SECONDS);
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

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isText = (v: unknown) => typeof v === "string" && v.length >= 1 && v.length <= 255;

/**
 * The same checks as EventEnvelope, by hand, for the well-formed event every delivery is (a zod
 * parse costs more than the rest of the route's own work). Never looser than the schema: anything
 * it refuses goes through the schema, which names the field.
 */
function isEnvelope(e: unknown): boolean {
  if (!isObject(e) || !isText(e.id) || !isText(e.type) || typeof e.livemode !== "boolean") return false;
  const created = e.created;
  if (typeof created !== "number" || !Number.isSafeInteger(created) || created < 0 || created > 32_503_680_000)
    return false;
  if (e.account != null && !isText(e.account)) return false;
  if (!isObject(e.data) || !isObject(e.data.object)) return false;
  const metadata = e.data.object.metadata;
  if (metadata == null) return true;
  return isObject(metadata) && Object.values(metadata).every((v) => typeof v === "string");
}

/**
 * A signed body that is not a Stripe event we can record (a field missing or of the wrong type) is
 * a 400 `bad_request` naming the field, before anything is written: a malformed delivery is the
 * sender's error, not a 500 that Stripe would retry forever.
 */
export function assertStripeEvent(event: unknown): asserts event is Stripe.Event {
  const parsed = isEnvelope(event) ? null : EventEnvelope.safeParse(event);
  if (parsed && !parsed.success) {
    const issue = parsed.error.issues[0]!;
    const param = issue.path.join(".");
    throw new AppError("bad_request", `Not a Stripe event: ${param || "body"}: ${issue.message}`, { param });
  }
  assertStorableText(event);
}
