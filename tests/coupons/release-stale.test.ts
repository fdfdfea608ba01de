// Abandoned carts cannot use up a limited code: a use reserved for a payment that is still unpaid a
// day later is given back by the coupons.release-stale job; a paid one is confirmed (counted for
// good), so it never stands in the way of the unpaid ones behind it.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { caller, jsonOf, params, storeCoupon, storeSeller } from "./support";
import { useStripeEmulator } from "../support/stripe";
import { POST as publicPayment } from "@/app/api/public/payment-intents/route";
import { POST as publicCoupon } from "@/app/api/public/payment-intents/coupon/route";
import { releaseStaleReservations } from "@/lib/coupons/job";
import { prisma } from "@/lib/db/client";

const buyer = caller({ origin: "http://localhost:3000" });

describe("releasing stale reservations", () => {
  useTestDatabase();
  const stripe = useStripeEmulator();

  it("gives back a day-old unpaid reservation and keeps a paid one", async () => {
    process.env.RATE_LIMIT_CHECKOUT = "100000/minute";
    process.env.RATE_LIMIT_PUBLIC = "100000/minute";
    const s = await storeSeller(stripe(), "stale");
    const coupon = await storeCoupon(s.api, {
      name: "Dois",
      percentOffBps: 1000,
      maxRedemptions: 2,
      promotionCode: { code: "DOIS" },
    });
    const start = async () => {
      const p = await jsonOf(
        await publicPayment(buyer("/api/public/payment-intents", "POST", { priceId: s.priceId }), params()),
      );
      const applied = await publicCoupon(
        buyer("/api/public/payment-intents/coupon", "POST", { clientSecret: p.body.clientSecret, code: "DOIS" }),
        params(),
      );
      expect(applied.status).toBe(200);
      return p.body as { orderId: string; clientSecret: string };
    };
    const abandoned = await start();
    const paid = await start();
    await prisma.order.update({ where: { id: paid.orderId }, data: { status: "PAID" } });
    expect((await prisma.coupon.findUniqueOrThrow({ where: { id: coupon.id } })).timesRedeemed).toBe(2);

    // Not a day old yet: nothing is released.
    expect(await releaseStaleReservations()).toBe(0);
    // The paid one is the oldest; a run that reads one row at a time must still get past it.
    const dayAgo = new Date(Date.now() - 25 * 3600_000);
    await prisma.couponRedemption.updateMany({ where: { couponId: coupon.id }, data: { createdAt: dayAgo } });
    await prisma.couponRedemption.updateMany({
      where: { couponId: coupon.id, targetId: paid.orderId },
      data: { createdAt: new Date(dayAgo.getTime() - 60_000) },
    });
    expect(await releaseStaleReservations(new Date(), 1)).toBe(0);
    expect(await releaseStaleReservations(new Date(), 1)).toBe(1);
    const rows = await prisma.couponRedemption.findMany({ where: { couponId: coupon.id } });
    expect(Object.fromEntries(rows.map((r) => [r.targetId, r.status]))).toEqual({
      [abandoned.orderId]: "released",
      [paid.orderId]: "redeemed",
    });
    expect((await prisma.coupon.findUniqueOrThrow({ where: { id: coupon.id } })).timesRedeemed).toBe(1);
    // Running again changes nothing.
    expect(await releaseStaleReservations()).toBe(0);
  });
});
