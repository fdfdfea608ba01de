// Redemptions counted exactly once under real concurrency (run with TEST_DATABASE_URL on PostgreSQL;
// PGlite serialises the same calls): 50 buyers racing for a code with 10 uses get exactly 10, the
// other 40 a clear coupon_exhausted, and nothing half-written; the same key sent many times at once
// counts once.
import { beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind, useTestDatabase } from "../support/db";
import { useStripeEmulator } from "../support/stripe";
import { packageOf, seller } from "../credits/support";
import { adminCaller, type Caller, jsonOf, params, platformCoupon } from "./support";
import { POST as purchases } from "@/app/api/v1/credits/purchases/route";
import { redeem } from "@/lib/coupons/redeem";
import { prisma } from "@/lib/db/client";

describe(`redemptions under concurrency (${testDatabaseKind()})`, () => {
  useTestDatabase();
  const stripe = useStripeEmulator();
  let admin: Caller;
  beforeAll(async () => {
    admin = (await adminCaller()).call;
    process.env.RATE_LIMIT_CHECKOUT = "100000/minute";
    process.env.RATE_LIMIT_API_KEY = "100000/minute";
  });

  it("50 concurrent purchases with a 10-use code: exactly 10 discounted, 40 coupon_exhausted, timesRedeemed 10", async () => {
    const coupon = await platformCoupon(admin, {
      name: "Dez usos",
      percentOffBps: 1000,
      appliesToCredits: true,
      maxRedemptions: 10,
      promotionCode: { code: "DEZUSOS" },
    });
    const s = await seller("USD");
    const basic = await packageOf("USD", "basic");
    // Warm the store's platform customer so the race is about the code.
    await stripe().stripe.customers.list({ limit: 1 });
    const results = await Promise.all(
      Array.from({ length: 50 }, async (_, i) =>
        jsonOf(
          await purchases(
            s.call(
              "/api/v1/credits/purchases",
              "POST",
              { packageId: basic.id, couponCode: "DEZUSOS" },
              { "idempotency-key": `race-${i}` },
            ),
            params(),
          ),
        ),
      ),
    );
    const ok = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status !== 201);
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(40);
    expect(new Set(refused.map((r) => `${r.status} ${r.body.error.code}`))).toEqual(new Set(["409 coupon_exhausted"]));
    expect(ok.every((r) => r.body.purchase.amount === 900 && r.body.purchase.credits === 100)).toBe(true);

    const row = await prisma.coupon.findUniqueOrThrow({ where: { id: coupon.id }, include: { promotionCodes: true } });
    expect(row.timesRedeemed).toBe(10);
    expect(row.promotionCodes[0]!.timesRedeemed).toBe(10);
    expect(await prisma.couponRedemption.count({ where: { couponId: coupon.id } })).toBe(10);
    // No purchase was left without its use, or charged a discount it did not get.
    expect(await prisma.creditPurchase.count({ where: { storeId: s.store.id } })).toBe(10);
  });

  it("the same redemption key sent 20 times at once counts once", async () => {
    const coupon = await platformCoupon(admin, { name: "Chave", percentOffBps: 500, maxRedemptions: 3 });
    const store = (await seller("USD")).store;
    const attempt = () =>
      redeem({
        couponId: coupon.id,
        promotionCodeId: null,
        storeId: store.id,
        targetType: "subscription",
        targetId: "sub_same",
        uniqueKey: "subscription:sub_same",
        amountOff: 100,
        currency: "USD",
      });
    const results = await Promise.all(Array.from({ length: 20 }, attempt));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.redemption.id)).size).toBe(1);
    expect((await prisma.coupon.findUniqueOrThrow({ where: { id: coupon.id } })).timesRedeemed).toBe(1);
  });
});
