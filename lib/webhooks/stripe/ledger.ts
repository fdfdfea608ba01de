// The inbound event ledger: one row per Stripe event id. A handler runs only after an atomic
// claim of the row, so a duplicate delivery (even a concurrent one) never runs it twice.
import type Stripe from "stripe";
import { coalesce } from "@/lib/db/coalesce";
import { prisma } from "@/lib/db/client";
import { sqlExecute, sqlQuery } from "@/lib/db/raw";

/** A PROCESSING claim older than this is considered abandoned (crashed worker) and reclaimable. */
export const CLAIM_LEASE_MS = 5 * 60_000;

type Claim = { event: Stripe.Event; source: "webhook" | "sync"; done: boolean };

// Concurrent claims go to the database together (lib/db/coalesce.ts): one INSERT … SELECT over
// the batch, rows in id order so two instances' batches lock rows in the same order.
const CLAIM_SQL = `
INSERT INTO "StripeEvent" (id, type, account, "storeId", livemode, source, payload, "stripeCreated", status, attempts, "claimedAt", "processedAt", "callbacksEnqueuedAt")
SELECT x.id, x.type, x.account,
       CASE WHEN x.account IS NOT NULL THEN (SELECT "storeId" FROM "StripeAccount" WHERE "accountId" = x.account) ELSE x.meta_store END,
       x.livemode, x.source, x.payload, to_timestamp(x.created) AT TIME ZONE 'UTC', x.status::"StripeEventStatus", 1, now(),
       CASE WHEN x.status = 'PROCESSED' THEN now() AT TIME ZONE 'UTC' END, CASE WHEN x.status = 'PROCESSED' THEN now() AT TIME ZONE 'UTC' END
  FROM jsonb_to_recordset($1::jsonb) AS x(id text, type text, account text, meta_store text, livemode boolean, source text, payload jsonb, created bigint, status text)
 ORDER BY x.id
ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, attempts = "StripeEvent".attempts + 1, "claimedAt" = now(),
  "processedAt" = COALESCE(EXCLUDED."processedAt", "StripeEvent"."processedAt"),
  "callbacksEnqueuedAt" = COALESCE(EXCLUDED."callbacksEnqueuedAt", "StripeEvent"."callbacksEnqueuedAt"),
  "lastError" = CASE WHEN EXCLUDED.status = 'PROCESSED' THEN NULL ELSE "StripeEvent"."lastError" END
WHERE "StripeEvent".status IN ('RECEIVED', 'FAILED')
   OR ("StripeEvent".status = 'PROCESSING' AND "StripeEvent"."claimedAt" < now() - ($2::int * interval '1 millisecond'))
RETURNING id`;

/** One answer per claim: true for the first claim of an id that the statement won. */
async function claimAll(claims: Claim[]): Promise<boolean[]> {
  const first = new Map<string, number>();
  claims.forEach((c, i) => {
    if (!first.has(c.event.id)) first.set(c.event.id, i);
  });
  const records = [...first.values()].map((i) => {
    const { event, source, done } = claims[i]!;
    const metadata = (event.data.object as { metadata?: Record<string, string> | null }).metadata;
    return {
      id: event.id,
      type: event.type,
      account: event.account ?? null,
      meta_store: metadata?.storeId ?? null,
      livemode: event.livemode,
      source,
      payload: event,
      created: event.created,
      status: done ? "PROCESSED" : "PROCESSING",
    };
  });
  const rows = await sqlQuery<{ id: string }>(prisma, CLAIM_SQL, JSON.stringify(records), CLAIM_LEASE_MS);
  const won = new Set(rows.map((r) => r.id));
  return claims.map((c, i) => won.has(c.event.id) && first.get(c.event.id) === i);
}

const claimOne = coalesce(claimAll, async (c: Claim) => (await claimAll([c]))[0]!);

/**
 * Records the event (once) and claims it: a new id is inserted already claimed; a known id is
 * claimed only when RECEIVED/FAILED or an abandoned PROCESSING. INSERT … ON CONFLICT DO UPDATE …
 * WHERE is atomic on PostgreSQL (a concurrent insert of the same id waits, then sees the claim),
 * and a batch claims each id once, so at most one caller gets true.
 *
 * `done` (an event type with no handler) records the row straight as PROCESSED: nothing runs, so
 * the claim and the completion are the same write. The store is the connected account's, looked
 * up in the same statement, else `storeId` from the event's metadata (platform events).
 */
export function recordAndClaim(event: Stripe.Event, source: "webhook" | "sync", opts: { done: boolean }) {
  return claimOne({ event, source, done: opts.done });
}

// One autocommit UPDATE without RETURNING (Prisma's updateMany wraps its UPDATE in BEGIN/COMMIT:
// three round trips instead of one).
async function markAllProcessed(ids: string[]): Promise<undefined[]> {
  await sqlExecute(
    prisma,
    `UPDATE "StripeEvent" SET status = 'PROCESSED', "processedAt" = now() AT TIME ZONE 'UTC', "lastError" = NULL,
            "callbacksEnqueuedAt" = now() AT TIME ZONE 'UTC'
      WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    JSON.stringify(ids),
  );
  return ids.map(() => undefined);
}

const markOne = coalesce(markAllProcessed, async (id: string) => (await markAllProcessed([id]))[0]);

/** Marks a claimed event done; concurrent calls share one UPDATE. */
export async function markProcessed(id: string) {
  await markOne(id);
}

export async function markFailed(id: string, error: unknown) {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // One autocommit UPDATE, like markProcessed (updateMany would be BEGIN/UPDATE/COMMIT).
  await sqlExecute(
    prisma,
    `UPDATE "StripeEvent" SET status = 'FAILED', "lastError" = $2 WHERE id = $1`,
    id,
    message.slice(0, 1000),
  );
}
