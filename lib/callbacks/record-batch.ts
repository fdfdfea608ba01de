// Writes the outcomes of many attempts at once. Successes — nearly every attempt — take one
// statement for the whole batch (attempt log rows, fenced status updates, endpoint streaks reset);
// failures keep their one-by-one path (outcome.ts), which decides retries and auto-disable.
import "server-only";
import { prisma } from "@/lib/db/client";
import type { ClaimedDelivery } from "./claim";
import { type AttemptOutcome, type DeliveryResult, recordAttempt } from "./outcome";
import { sqlQuery } from "@/lib/db/raw";

export type Finished = { claim: ClaimedDelivery; outcome: AttemptOutcome | "endpoint_disabled" };

// One statement (atomic on its own, one round trip): the attempt log keeps every POST that was
// made, even one whose result arrives too late to count; the status update is fenced like
// recordAttempt (still DELIVERING at the claimed attempt), so a worker whose lease ran out cannot
// overwrite a newer attempt; endpoint rows are locked in id order so two workers' batches never
// deadlock on them.
const SUCCEEDED_SQL = `
WITH o AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $6::text[])
    AS o(id, store_id, attempts, status_code, latency, excerpt)
), log AS (
  INSERT INTO "CallbackAttempt" (id, "storeId", "deliveryId", attempt, "statusCode", error, "latencyMs", "responseExcerpt", "createdAt")
  SELECT 'ca' || replace(gen_random_uuid()::text, '-', ''), o.store_id, o.id, o.attempts, o.status_code, NULL, o.latency, o.excerpt, $8::timestamp(3)
  FROM o
), upd AS (
  UPDATE "CallbackDelivery" d
  SET status = 'SUCCEEDED', "nextAttemptAt" = $7::timestamp(3), "deliveredAt" = $7::timestamp(3),
      "lastStatusCode" = o.status_code, "lastError" = NULL, "lastLatencyMs" = o.latency,
      "lastResponseExcerpt" = o.excerpt, "updatedAt" = $8::timestamp(3)
  FROM o WHERE d.id = o.id AND d.status = 'DELIVERING' AND d.attempts = o.attempts
  RETURNING d.id, d."endpointId"
), locked AS (
  SELECT id FROM "CallbackEndpoint" WHERE id IN (SELECT "endpointId" FROM upd) ORDER BY id FOR NO KEY UPDATE
), ep AS (
  UPDATE "CallbackEndpoint" e SET "consecutiveFailures" = 0, "failingSince" = NULL, "lastSuccessAt" = $7::timestamp(3), "updatedAt" = $8::timestamp(3)
  FROM locked WHERE e.id = locked.id
)
SELECT id FROM upd`;

async function recordSucceeded(items: Finished[], now: Date): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const outcomes = items.map((i) => i.outcome as AttemptOutcome);
  const rows = await sqlQuery<{ id: string }>(
    prisma,
    SUCCEEDED_SQL,
    items.map((i) => i.claim.id),
    items.map((i) => i.claim.storeId),
    items.map((i) => i.claim.attempts),
    outcomes.map((o) => o.statusCode),
    outcomes.map((o) => o.latencyMs),
    outcomes.map((o) => o.excerpt),
    now.toISOString(),
    new Date().toISOString(),
  );
  return new Set(rows.map((r) => r.id));
}

async function cancel(claim: ClaimedDelivery): Promise<DeliveryResult> {
  const { count } = await prisma.callbackDelivery.updateMany({
    where: { id: claim.id, status: "DELIVERING", attempts: claim.attempts },
    data: { status: "CANCELED", lastError: "endpoint disabled" },
  });
  return count ? "canceled" : "stale";
}

/** Records every finished attempt; returns each one's result, in the order given. */
export async function recordOutcomes(items: Finished[], now: Date): Promise<DeliveryResult[]> {
  const succeeded = items.filter((i) => i.outcome !== "endpoint_disabled" && i.outcome.kind === "success");
  const written = await recordSucceeded(succeeded, now);
  const results = new Map<string, DeliveryResult>(
    succeeded.map((i) => [i.claim.id, written.has(i.claim.id) ? "succeeded" : "stale"]),
  );
  // One at a time: each failure moves the endpoint's streak, which may disable it and cancel the rest.
  for (const { claim, outcome } of items) {
    if (results.has(claim.id)) continue;
    const ref = { id: claim.id, storeId: claim.storeId, endpointId: claim.endpointId, attempts: claim.attempts };
    results.set(
      claim.id,
      outcome === "endpoint_disabled" ? await cancel(claim) : await recordAttempt(ref, outcome, now),
    );
  }
  return items.map((i) => results.get(i.claim.id)!);
}
