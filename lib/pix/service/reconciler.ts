// The PIX reconciler: pending charges are re-read at their gateway ~2, 5 and 15 minutes after
// creation and then every 15 minutes until they expire (nextCheckAt/checkCount), so a dropped
// webhook never leaves a paid charge pending. Runs on the job runner, one run at a time.
import "server-only";
import type { PixCharge } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import type { JobDefinition } from "@/lib/jobs/runner";
import { logger } from "@/lib/log/logger";
import { expireAwaitingCharge, STUCK_CREATION_GRACE_MS } from "./collect-customer";
import { describeGatewayError } from "./errors";
import { nextCheckAfter } from "./failover";
import { checkChargeAtGateway, EXPIRY_GRACE_MS } from "./refresh";

export type ReconcileReport = { checked: number; paid: number; failed: number; errors: number; deferred: number };

function nextCheck(charge: PixCharge, checkCount: number, now: Date): Date | null {
  const next = nextCheckAfter(charge.createdAt, checkCount);
  if (!charge.expiresAt) return next;
  const last = new Date(charge.expiresAt.getTime() + EXPIRY_GRACE_MS + 1000);
  // One last look just after expiry; then the charge is expired (or paid) and leaves the schedule.
  if (next > last) return now < last ? last : null;
  return next;
}

export async function reconcilePixCharges(options: { now?: Date; limit?: number } = {}): Promise<ReconcileReport> {
  const now = options.now ?? new Date();
  const expiredBefore = new Date(now.getTime() - EXPIRY_GRACE_MS);
  const due = await prisma.pixCharge.findMany({
    where: {
      gateway: { not: null },
      OR: [
        { status: "pending", nextCheckAt: { lte: now } },
        { status: "pending", expiresAt: { lt: expiredBefore } },
        { status: "paid", refunds: { some: { status: "pending" } } },
      ],
    },
    orderBy: { nextCheckAt: "asc" },
    take: options.limit ?? 200,
  });
  const report: ReconcileReport = { checked: 0, paid: 0, failed: 0, errors: 0, deferred: 0 };
  for (const charge of due) {
    const checkCount = charge.checkCount + 1;
    // Claim this round (another runner that read the same row skips it).
    const { count } = await prisma.pixCharge.updateMany({
      where: { id: charge.id, checkCount: charge.checkCount },
      data: {
        checkCount,
        lastCheckedAt: now,
        nextCheckAt: charge.status === "pending" ? nextCheck(charge, checkCount, now) : null,
      },
    });
    if (count === 0) continue;
    report.checked++;
    try {
      const { applied: result, deferredUntil } = await checkChargeAtGateway(charge, "reconciler", now);
      if (result?.outcome === "changed" && result.charge.status === "paid") report.paid++;
      if (result?.outcome === "changed" && result.charge.status === "failed") report.failed++;
      // Another path spent this charge's read budget a moment ago: come back when it opens again.
      if (deferredUntil) {
        report.deferred++;
        if (charge.status === "pending")
          await prisma.pixCharge.updateMany({
            where: { id: charge.id, status: "pending" },
            data: { nextCheckAt: deferredUntil },
          });
      }
    } catch (err) {
      report.errors++;
      logger.warn(
        { chargeId: charge.id, gateway: charge.gateway, code: describeGatewayError(err).code },
        "pix reconciler: status re-read failed; will try again",
      );
    }
  }
  // Charges without a gateway charge have nothing to read: still waiting for the buyer's data past
  // their time, or stuck in a creation that never finished, they expire.
  const unanswered = await prisma.pixCharge.findMany({
    where: {
      gateway: null,
      OR: [
        { status: "awaiting_customer", expiresAt: { lte: now } },
        { status: "pending", expiresAt: { lt: new Date(now.getTime() - STUCK_CREATION_GRACE_MS) } },
      ],
    },
    select: { id: true },
    take: options.limit ?? 200,
  });
  for (const { id } of unanswered) if (await expireAwaitingCharge(id, "reconciler", now)) report.failed++;
  if (report.checked || report.failed) logger.info(report, "pix reconciler run");
  return report;
}

export const pixReconcileJob: JobDefinition = {
  name: "pix.reconcile",
  cron: "* * * * *",
  policy: "singleton",
  retryLimit: 1,
  retryDelaySeconds: 30,
  async handle() {
    await reconcilePixCharges();
  },
};
