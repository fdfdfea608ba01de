// The inbound event ledger: one row per Stripe event id. A handler runs only after an atomic
// claim of the row, so a duplicate delivery (even a concurrent one) never runs it twice.
import type Stripe from "stripe";
import { prisma } from "@/lib/db/client";

/** A PROCESSING claim older than this is considered abandoned (crashed worker) and reclaimable. */
export const CLAIM_LEASE_MS = 5 * 60_000;

/**
 * Records the event (once) and claims it, in one statement and one round trip: a new id is
 * inserted already claimed; a known id is claimed only when RECEIVED/FAILED or an abandoned
 * PROCESSING. INSERT … ON CONFLICT DO UPDATE … WHERE is atomic on PostgreSQL (a concurrent insert
 * of the same id waits, then sees the claim), so at most one caller gets true.
 *
 * `done` (an event type with no handler) records the row straight as PROCESSED: nothing runs, so
 * the claim and the completion are the same write. The store is the connected account's, looked
 * up in the same statement, else `storeId` from the event's metadata (platform events).
 */
export async function recordAndClaim(
  event: Stripe.Event,
  source: "webhook" | "sync",
  opts: { done: boolean },
): Promise<boolean> {
  const metaStoreId = (event.data.object as { metadata?: Record<string, string> | null }).metadata?.storeId ?? null;
  const rows = await prisma.$queryRawUnsafe<Array<{ id: string }>>(
    `INSERT INTO "StripeEvent" (id, type, account, "storeId", livemode, source, payload, "stripeCreated", status, attempts, "claimedAt", "processedAt", "callbacksEnqueuedAt")
     VALUES ($1, $2, $3::text,
             CASE WHEN $3::text IS NOT NULL THEN (SELECT "storeId" FROM "StripeAccount" WHERE "accountId" = $3::text) ELSE $4::text END,
             $5, $6, $7::jsonb, to_timestamp($8::bigint) AT TIME ZONE 'UTC', $9::"StripeEventStatus", 1, now(),
             CASE WHEN $9::text = 'PROCESSED' THEN now() AT TIME ZONE 'UTC' END, CASE WHEN $9::text = 'PROCESSED' THEN now() AT TIME ZONE 'UTC' END)
     ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, attempts = "StripeEvent".attempts + 1, "claimedAt" = now(),
       "processedAt" = COALESCE(EXCLUDED."processedAt", "StripeEvent"."processedAt"),
       "callbacksEnqueuedAt" = COALESCE(EXCLUDED."callbacksEnqueuedAt", "StripeEvent"."callbacksEnqueuedAt"),
       "lastError" = CASE WHEN EXCLUDED.status = 'PROCESSED' THEN NULL ELSE "StripeEvent"."lastError" END
     WHERE "StripeEvent".status IN ('RECEIVED', 'FAILED')
        OR ("StripeEvent".status = 'PROCESSING' AND "StripeEvent"."claimedAt" < now() - ($10::int * interval '1 millisecond'))
     RETURNING id`,
    event.id,
    event.type,
    event.account ?? null,
    metaStoreId,
    event.livemode,
    source,
    JSON.stringify(event),
    event.created,
    opts.done ? "PROCESSED" : "PROCESSING",
    CLAIM_LEASE_MS,
  );
  return rows.length === 1;
}

// updateMany: no RETURNING of the row (its payload would be read back and parsed for nothing).
export async function markProcessed(id: string) {
  await prisma.stripeEvent.updateMany({
    where: { id },
    data: { status: "PROCESSED", processedAt: new Date(), lastError: null, callbacksEnqueuedAt: new Date() },
  });
}

export async function markFailed(id: string, error: unknown) {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  await prisma.stripeEvent.updateMany({ where: { id }, data: { status: "FAILED", lastError: message.slice(0, 1000) } });
}
