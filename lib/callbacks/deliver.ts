// The delivery worker: claims due outbox rows (SKIP LOCKED, with a lease), POSTs each signed
// body once, and records the outcome. Several workers may run at once; a row is only ever
// held by one of them.
import "server-only";
import { prisma } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { DEFAULT_BATCH, LEASE_SECONDS, REQUEST_TIMEOUT_MS } from "./config";
import { recordAttempt, type AttemptOutcome, type DeliveryResult } from "./outcome";
import { describeError, postCallback } from "./post";
import { classifyStatus, parseRetryAfter } from "./schedule";
import { activeSecrets } from "./secrets";
import { signCallback } from "./sign";
import { checkCallbackUrl, guardedLookup, isAllowListed, type Resolver } from "./ssrf";

export type DeliverOptions = {
  /** The scheduler's clock: which rows are due and when retries fall. Signatures always carry the real time. */
  now?: Date;
  limit?: number;
  /** DNS stand-in for tests. */
  resolve?: Resolver;
};

export type DeliverReport = { claimed: number } & Record<DeliveryResult, number>;

type Claim = { id: string; attempts: number };

const CLAIM_SQL = `
WITH due AS (
  SELECT id FROM "CallbackDelivery"
  WHERE status IN ('PENDING', 'DELIVERING') AND "nextAttemptAt" <= $1::timestamp(3)
  ORDER BY "nextAttemptAt" ASC
  LIMIT $2::int
  FOR UPDATE SKIP LOCKED
)
UPDATE "CallbackDelivery" d
SET status = 'DELIVERING', attempts = d.attempts + 1, "nextAttemptAt" = $3::timestamp(3), "updatedAt" = $4::timestamp(3)
FROM due WHERE d.id = due.id
RETURNING d.id, d.attempts`;

/**
 * One atomic statement: rows already locked by another worker are skipped, and a claimed row's
 * nextAttemptAt becomes its lease end, so a DELIVERING row whose worker died is due again then.
 */
async function claimDue(now: Date, limit: number): Promise<Claim[]> {
  const lease = new Date(now.getTime() + LEASE_SECONDS * 1000);
  const rows = await prisma.$queryRawUnsafe<{ id: string; attempts: number }[]>(
    CLAIM_SQL,
    now.toISOString(),
    limit,
    lease.toISOString(),
    new Date().toISOString(),
  );
  return rows.map((r) => ({ id: r.id, attempts: Number(r.attempts) }));
}

async function attempt(claim: Claim, now: Date, opts: DeliverOptions): Promise<DeliveryResult> {
  const delivery = await prisma.callbackDelivery.findUnique({
    where: { id: claim.id },
    select: {
      id: true,
      storeId: true,
      eventId: true,
      payload: true,
      attempts: true,
      endpoint: {
        select: {
          id: true,
          url: true,
          enabled: true,
          secretEnc: true,
          previousSecretEnc: true,
          previousSecretExpiresAt: true,
        },
      },
    },
  });
  if (!delivery || delivery.attempts !== claim.attempts) return "stale";
  const { endpoint } = delivery;
  const ref = { id: delivery.id, storeId: delivery.storeId, endpointId: endpoint.id, attempts: claim.attempts };
  if (!endpoint.enabled) {
    const { count } = await prisma.callbackDelivery.updateMany({
      where: { id: delivery.id, status: "DELIVERING", attempts: claim.attempts },
      data: { status: "CANCELED", lastError: "endpoint disabled" },
    });
    return count ? "canceled" : "stale";
  }
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const check = await checkCallbackUrl(endpoint.url, { resolve: opts.resolve });
  if (!check.ok) return recordAttempt(ref, refused(`url_not_allowed: ${check.reason}`, elapsed()), now);

  const body = JSON.stringify(delivery.payload);
  const headers = {
    "content-type": "application/json",
    "user-agent": "Vitrine-Callbacks/1.0",
    ...signCallback({
      id: delivery.eventId,
      timestamp: Math.floor(Date.now() / 1000),
      body,
      secrets: activeSecrets(endpoint, now),
    }),
  };
  let outcome: AttemptOutcome;
  try {
    const lookup = isAllowListed(check.url.hostname) ? undefined : guardedLookup(opts.resolve);
    const res = await postCallback(check.url, body, headers, { timeoutMs: REQUEST_TIMEOUT_MS, lookup });
    outcome = {
      kind: classifyStatus(res.status),
      statusCode: res.status,
      error: null,
      latencyMs: elapsed(),
      excerpt: res.excerpt || null,
      retryAfterSeconds: parseRetryAfter(res.retryAfter, now),
    };
  } catch (err) {
    const notPublic = (err as NodeJS.ErrnoException).code === "ENOTPUBLIC";
    outcome = notPublic
      ? refused(`url_not_allowed: ${describeError(err)}`, elapsed())
      : {
          kind: "retryable",
          statusCode: null,
          error: describeError(err),
          latencyMs: elapsed(),
          excerpt: null,
          retryAfterSeconds: null,
        };
  }
  return recordAttempt(ref, outcome, now);
}

function refused(error: string, latencyMs: number): AttemptOutcome {
  return { kind: "refused", statusCode: null, error, latencyMs, excerpt: null, retryAfterSeconds: null };
}

/** Delivers every due row (up to `limit`) once. The job and the tests share this one code path. */
export async function deliverDue(opts: DeliverOptions = {}): Promise<DeliverReport> {
  const now = opts.now ?? new Date();
  const claims = await claimDue(now, opts.limit ?? DEFAULT_BATCH);
  const report: DeliverReport = { claimed: claims.length, succeeded: 0, retrying: 0, failed: 0, canceled: 0, stale: 0 };
  const results = await Promise.all(
    claims.map((claim) =>
      attempt(claim, now, opts).catch((err) => {
        // The row stays DELIVERING and becomes due again when its lease ends.
        logger.error({ err, deliveryId: claim.id }, "callback delivery crashed");
        return "stale" as const;
      }),
    ),
  );
  for (const r of results) report[r]++;
  return report;
}

/** Seconds until the next retry if one falls within `withinSeconds` (for a prompt follow-up job). */
export async function secondsUntilNextDue(withinSeconds: number, now = new Date()): Promise<number | null> {
  const next = await prisma.callbackDelivery.findFirst({
    where: { status: "PENDING", nextAttemptAt: { lte: new Date(now.getTime() + withinSeconds * 1000) } },
    orderBy: { nextAttemptAt: "asc" },
    select: { nextAttemptAt: true },
  });
  return next ? Math.max(1, Math.ceil((next.nextAttemptAt.getTime() - now.getTime()) / 1000)) : null;
}
