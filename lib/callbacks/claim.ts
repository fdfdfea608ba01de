// Claiming due outbox rows for delivery: a batch at a time, never more than the per-endpoint cap in
// flight across every worker, and never a row another worker holds.
import "server-only";
import { prisma } from "@/lib/db/client";
import { LEASE_SECONDS } from "./config";
import { sqlQuery } from "@/lib/db/raw";

export type ClaimedDelivery = {
  id: string;
  storeId: string;
  endpointId: string;
  eventId: string;
  attempts: number;
  payload: unknown;
};

// Endpoints with due rows and room under the cap, oldest work first, each taken with a
// transaction-scoped advisory lock: one worker at a time claims for an endpoint, so the in-flight
// count it reads next is exact. An endpoint another worker is claiming for is skipped, not waited on.
const LOCK_ENDPOINTS_SQL = `
SELECT e."endpointId" FROM (
  SELECT g."endpointId" FROM (
    SELECT "endpointId", min("nextAttemptAt") AS oldest FROM "CallbackDelivery"
    WHERE status IN ('PENDING', 'DELIVERING') AND "nextAttemptAt" <= $1::timestamp(3)
    GROUP BY "endpointId"
  ) g
  WHERE (SELECT count(*) FROM "CallbackDelivery" f
         WHERE f."endpointId" = g."endpointId" AND f.status = 'DELIVERING' AND f."nextAttemptAt" > $1::timestamp(3)) < $3::int
  ORDER BY g.oldest
  LIMIT $2::int
) e
WHERE pg_try_advisory_xact_lock(hashtextextended('callbacks.endpoint:' || e."endpointId", 0))`;

// Under those locks, and with a snapshot taken after them (a new statement): up to (cap − in
// flight) due rows per endpoint, SKIP LOCKED, round-robin across endpoints up to the batch size.
// A claimed row's nextAttemptAt becomes its lease end: a DELIVERING row whose worker died is due
// again then, and a live lease is what counts as "in flight".
const CLAIM_SQL = `
WITH busy AS (
  SELECT "endpointId", count(*)::int AS n FROM "CallbackDelivery"
  WHERE "endpointId" = ANY($2::text[]) AND status = 'DELIVERING' AND "nextAttemptAt" > $1::timestamp(3)
  GROUP BY "endpointId"
), picked AS (
  SELECT p.id, p."nextAttemptAt", row_number() OVER (PARTITION BY e.id ORDER BY p."nextAttemptAt", p.id) AS rn
  FROM unnest($2::text[]) AS e(id)
  LEFT JOIN busy b ON b."endpointId" = e.id
  CROSS JOIN LATERAL (
    SELECT d.id, d."nextAttemptAt" FROM "CallbackDelivery" d
    WHERE d."endpointId" = e.id AND d.status IN ('PENDING', 'DELIVERING') AND d."nextAttemptAt" <= $1::timestamp(3)
    ORDER BY d."nextAttemptAt", d.id
    LIMIT GREATEST(0, $3::int - COALESCE(b.n, 0))
    FOR UPDATE SKIP LOCKED
  ) p
), due AS (
  SELECT id FROM picked ORDER BY rn, "nextAttemptAt", id LIMIT $4::int
)
UPDATE "CallbackDelivery" d
SET status = 'DELIVERING', attempts = d.attempts + 1, "nextAttemptAt" = $5::timestamp(3), "updatedAt" = $6::timestamp(3)
FROM due WHERE d.id = due.id
RETURNING d.id, d."storeId", d."endpointId", d."eventId", d.attempts, d.payload`;

/**
 * Claims up to `limit` due rows, at most `cap` in flight per endpoint (counting live leases held by
 * any worker). `now` is the scheduler's clock (which rows are due, when leases end).
 */
export async function claimDue(now: Date, limit: number, cap: number): Promise<ClaimedDelivery[]> {
  if (limit <= 0) return [];
  const at = now.toISOString();
  const lease = new Date(now.getTime() + LEASE_SECONDS * 1000).toISOString();
  return prisma.$transaction(async (tx) => {
    const endpoints = await sqlQuery<{ endpointId: string }>(tx, LOCK_ENDPOINTS_SQL, at, limit, cap);
    if (endpoints.length === 0) return [];
    const rows = await sqlQuery<ClaimedDelivery>(
      tx,
      CLAIM_SQL,
      at,
      endpoints.map((e) => e.endpointId),
      cap,
      limit,
      lease,
      new Date().toISOString(),
    );
    return rows.map((r) => ({ ...r, attempts: Number(r.attempts) }));
  });
}
