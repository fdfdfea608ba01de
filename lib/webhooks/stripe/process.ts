// Ingests one Stripe event from a webhook or the recovery sync: record and claim (one statement),
// dispatch, mark processed. An event type without a handler is recorded as processed in that
// same statement.
import type Stripe from "stripe";
import { logger } from "@/lib/log/logger";
import { markFailed, markProcessed, recordAndClaim } from "./ledger";
import { HANDLERS } from "./handlers";

export type IngestResult = "processed" | "ignored" | "duplicate" | "failed";

export async function ingestEvent(
  event: Stripe.Event,
  source: "webhook" | "sync",
  requestId?: string,
): Promise<IngestResult> {
  const handler = HANDLERS[event.type];
  if (!(await recordAndClaim(event, source, { done: !handler }))) return "duplicate";
  if (!handler) return "ignored";
  const audit = { actor: { type: "stripe" as const, id: event.id }, requestId: requestId ?? null };
  try {
    await handler({ event, audit, stripeAccount: event.account ?? null });
    await markProcessed(event.id);
    return "processed";
  } catch (err) {
    logger.error(
      { err, stripeEvent: event.id, type: event.type, account: event.account },
      "stripe event handler failed",
    );
    await markFailed(event.id, err);
    return "failed";
  }
}
