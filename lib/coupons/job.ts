// The `coupons.release-stale` job: a code reserved for a purchase that was never paid (a buyer who
// left the pay page, an abandoned credit purchase) gives its use back after a day, so abandoned carts
// cannot use up a limited coupon. Should the payment succeed later after all, the webhook counts it
// again (or keeps it as "over_limit" when the coupon was used up meanwhile).
import "server-only";
import type { JobDefinition } from "@/lib/jobs/runner";
import { logger } from "@/lib/log/logger";
import { prisma } from "@/lib/db/client";
import { confirmRedemption, releaseRedemption } from "./redeem";

export const RESERVATION_TTL_MS = 24 * 60 * 60 * 1000;

/** Releases reservations older than the TTL whose order, credit purchase or PIX charge is not paid. Returns how many. */
export async function releaseStaleReservations(now = new Date(), batch = 200): Promise<number> {
  const before = new Date(now.getTime() - RESERVATION_TTL_MS);
  const stale = await prisma.couponRedemption.findMany({
    where: { status: "reserved", createdAt: { lt: before } },
    select: { couponId: true, uniqueKey: true, targetType: true, targetId: true },
    orderBy: { createdAt: "asc" },
    take: batch,
  });
  let released = 0;
  for (const r of stale) {
    const paid =
      r.targetType === "order"
        ? await prisma.order.count({
            where: { id: r.targetId, status: { in: ["PAID", "REFUNDED", "PARTIALLY_REFUNDED", "DISPUTED"] } },
          })
        : r.targetType === "credit_purchase"
          ? await prisma.creditPurchase.count({
              where: { id: r.targetId, status: { in: ["SUCCEEDED", "PROCESSING"] } },
            })
          : r.targetType === "pix_charge"
            ? // A buy link's PIX charge (lib/pix/service/charge-from-price.ts): kept once paid.
              await prisma.pixCharge.count({
                where: { id: r.targetId, status: { in: ["paid", "refunded", "disputed"] } },
              })
            : 1;
    // Paid: the use is counted for good, and the row leaves the reserved set (a batch full of paid
    // reservations would otherwise be read again on every run, and the unpaid ones behind it never).
    if (paid) {
      await prisma.$transaction((tx) => confirmRedemption(tx, r.couponId, r.uniqueKey));
      continue;
    }
    if (await prisma.$transaction((tx) => releaseRedemption(tx, r.couponId, r.uniqueKey))) released++;
  }
  if (released) logger.info({ released }, "released stale coupon reservations");
  return released;
}

export const couponsReleaseStaleJob: JobDefinition = {
  name: "coupons.release-stale",
  cron: "17 * * * *",
  retryLimit: 2,
  retryDelaySeconds: 60,
  async handle() {
    await releaseStaleReservations();
  },
};
