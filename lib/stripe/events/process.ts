// Ingests one Stripe event from a webhook or the recovery sync: record (once), claim, dispatch.
import type Stripe from "stripe";
import { logger } from "@/lib/log/logger";
import { claimEvent, markFailed, markProcessed, recordEvent } from "./ledger";
import { storeIdForEvent } from "./context";
import { HANDLERS } from "./handlers";

export type IngestResult = "processed" | "ignored" | "duplicate" | "failed";

export async function ingestEvent(event: Stripe.Event, source: "webhook" | "sync", requestId?: string): Promise<IngestResult> {
  await recordEvent(event, source, await storeIdForEvent(event));
  if (!(await claimEvent(event.id))) return "duplicate";
  const handler = HANDLERS[event.type];
  const audit = { actor: { type: "stripe" as const, id: event.id }, requestId: requestId ?? null };
  try {
    if (handler) await handler({ event, audit, stripeAccount: event.account ?? null });
    await markProcessed(event.id);
    return handler ? "processed" : "ignored";
  } catch (err) {
    logger.error({ err, stripeEvent: event.id, type: event.type, account: event.account }, "stripe event handler failed");
    await markFailed(event.id, err);
    return "failed";
  }
}
