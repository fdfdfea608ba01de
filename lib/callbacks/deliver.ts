// The delivery worker: claims due outbox rows (SKIP LOCKED, with a lease, at most the per-endpoint
// cap in flight), POSTs each signed body once over the endpoint's keep-alive connections, and
// records the outcomes in batches. Several workers may run at once; a row is only ever held by one
// of them. The continuous pump (pump.ts) streams the same steps; this is the call-and-wait form.
import "server-only";
import { prisma } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { loadTargets, sendAttempt } from "./attempt";
import { type ClaimedDelivery, claimDue } from "./claim";
import { callbackEnv, DEFAULT_BATCH } from "./config";
import type { DeliveryResult } from "./outcome";
import { type Finished, recordOutcomes } from "./record-batch";
import type { Resolver } from "./ssrf";

export type DeliverOptions = {
  /** The scheduler's clock: which rows are due and when retries fall. Signatures always carry the real time. */
  now?: Date;
  limit?: number;
  /** DNS stand-in for tests. */
  resolve?: Resolver;
};

export type DeliverReport = { claimed: number } & Record<DeliveryResult, number>;

/** POSTs every claimed row at once (one check per endpoint) and resolves as each answers. */
export async function sendClaimed(
  claims: ClaimedDelivery[],
  now: Date,
  opts: { cap: number; resolve?: Resolver },
  onFinished: (item: Finished) => void,
): Promise<void> {
  if (claims.length === 0) return;
  const targets = await loadTargets(
    claims.map((c) => c.endpointId),
    now,
    opts,
  );
  await Promise.all(
    claims.map(async (claim) => {
      const target = targets.get(claim.endpointId)!;
      const outcome = target.kind === "disabled" ? "endpoint_disabled" : await sendAttempt(claim, target, now);
      onFinished({ claim, outcome });
    }),
  );
}

/**
 * Delivers due rows once each, up to `limit`, in rounds that respect the per-endpoint cap, and
 * returns when every outcome is written. The tests and drills call this; the job runs the pump.
 */
export async function deliverDue(opts: DeliverOptions = {}): Promise<DeliverReport> {
  const now = opts.now ?? new Date();
  const limit = opts.limit ?? DEFAULT_BATCH;
  const cap = callbackEnv().CALLBACK_MAX_IN_FLIGHT_PER_ENDPOINT;
  const report: DeliverReport = { claimed: 0, succeeded: 0, retrying: 0, failed: 0, canceled: 0, stale: 0 };
  while (report.claimed < limit) {
    const claims = await claimDue(now, limit - report.claimed, cap);
    if (claims.length === 0) break;
    report.claimed += claims.length;
    const finished: Finished[] = [];
    try {
      await sendClaimed(claims, now, { cap, resolve: opts.resolve }, (f) => finished.push(f));
      for (const r of await recordOutcomes(finished, now)) report[r]++;
    } catch (err) {
      // The rows stay DELIVERING and become due again when their lease ends.
      logger.error({ err, deliveries: claims.length }, "callback delivery batch crashed");
      report.stale += claims.length;
      break;
    }
  }
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
