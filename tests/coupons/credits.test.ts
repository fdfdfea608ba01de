// A platform code on a credit purchase, through the real routes on the emulator with its webhooks:
// the PaymentIntent charges the discounted amount, the credits granted are the package's, the use is
// counted once and given back when the purchase is canceled.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { waitFor } from "../webhooks/support";
import { packageOf, seller } from "../credits/support";
import { adminCaller, type Caller, jsonOf, params, platformCoupon, useEmulatorWithWebhooks } from "./support";
import { POST as purchases } from "@/app/api/v1/credits/purchases/route";
import { POST as cancel } from "@/app/api/v1/credits/purchases/[id]/cancel/route";
import { GET as balance } from "@/app/api/v1/credits/balance/route";
import { prisma } from "@/lib/db/client";

describe("credit purchases with a platform code", () => {
  useTestDatabase();
  const { stripe } = useEmulatorWithWebhooks();
  let admin: Caller;
  beforeAll(async () => {
    admin = (await adminCaller()).call;
  });

  it("charges the discounted amount, grants the package's credits and counts the code once", async () => {
    const coupon = await platformCoupon(admin, {
      name: "Créditos 25",
      percentOffBps: 2500,
      appliesToCredits: true,
      maxRedemptions: 1,
      promotionCode: { code: "CREDITOS25" },
    });
    const s = await seller("USD");
    const basic = await packageOf("USD", "basic");
    const body = { packageId: basic.id, couponCode: "creditos25" };
    const res = await jsonOf(
      await purchases(s.call("/api/v1/credits/purchases", "POST", body, { "idempotency-key": "cp-1" }), params()),
    );
    expect(res.status).toBe(201);
    expect(res.body.purchase).toMatchObject({ amount: 750, credits: 100, currency: "USD" });
    const piId = res.body.purchase.paymentIntentId as string;
    const pi = await stripe().stripe.paymentIntents.retrieve(piId);
    expect(pi.amount).toBe(750);
    expect(pi.metadata).toMatchObject({
      couponId: coupon.id,
      promotionCode: "CREDITOS25",
      amountSubtotal: "1000",
      amountOff: "250",
      credits: "100",
    });
    // The same attempt again answers the same purchase, though its own use exhausted the code.
    const again = await jsonOf(
      await purchases(s.call("/api/v1/credits/purchases", "POST", body, { "idempotency-key": "cp-1" }), params()),
    );
    expect(again.status).toBe(201);
    expect(again.body.purchase.id).toBe(res.body.purchase.id);
    // A new attempt finds it used up.
    const other = await jsonOf(
      await purchases(s.call("/api/v1/credits/purchases", "POST", body, { "idempotency-key": "cp-2" }), params()),
    );
    expect([other.status, other.body.error.code]).toEqual([409, "coupon_exhausted"]);

    await stripe().stripe.paymentIntents.confirm(piId, { payment_method: "pm_card_visa" });
    await waitFor(
      async () =>
        (await prisma.creditPurchase.findUniqueOrThrow({ where: { id: res.body.purchase.id } })).status === "SUCCEEDED",
    );
    const bal = await jsonOf(await balance(s.call("/api/v1/credits/balance"), params()));
    expect(bal.body.balance).toBe(100);
    const redemption = await prisma.couponRedemption.findFirstOrThrow({ where: { couponId: coupon.id } });
    expect(redemption).toMatchObject({
      targetType: "credit_purchase",
      targetId: res.body.purchase.id,
      status: "redeemed",
      amountOff: 250,
      currency: "USD",
    });
    expect(await prisma.couponRedemption.count({ where: { couponId: coupon.id } })).toBe(1);
    expect((await prisma.coupon.findUniqueOrThrow({ where: { id: coupon.id } })).timesRedeemed).toBe(1);
  });

  it("refuses a code not made for credits, or in another currency, and writes no purchase", async () => {
    await platformCoupon(admin, { name: "Planos", percentOffBps: 1000, promotionCode: { code: "SOPLANOS" } });
    await platformCoupon(admin, {
      name: "Reais",
      amountOff: 500,
      currency: "BRL",
      appliesToCredits: true,
      promotionCode: { code: "CINCOREAIS" },
    });
    const s = await seller("USD");
    const basic = await packageOf("USD", "basic");
    for (const [code, expected] of [
      ["SOPLANOS", "coupon_not_applicable"],
      ["CINCOREAIS", "coupon_wrong_currency"],
      ["NAOEXISTE", "coupon_not_found"],
    ]) {
      const res = await jsonOf(
        await purchases(
          s.call("/api/v1/credits/purchases", "POST", { packageId: basic.id, couponCode: code }),
          params(),
        ),
      );
      expect([code, res.body.error?.code]).toEqual([code, expected]);
    }
    expect(await prisma.creditPurchase.count({ where: { storeId: s.store.id } })).toBe(0);
  });

  it("a canceled purchase gives its use back", async () => {
    const coupon = await platformCoupon(admin, {
      name: "Um uso",
      amountOff: 300,
      currency: "USD",
      appliesToCredits: true,
      maxRedemptions: 1,
      promotionCode: { code: "UMUSO" },
    });
    const s = await seller("USD");
    const basic = await packageOf("USD", "basic");
    const res = await jsonOf(
      await purchases(
        s.call("/api/v1/credits/purchases", "POST", { packageId: basic.id, couponCode: "UMUSO" }),
        params(),
      ),
    );
    expect(res.body.purchase.amount).toBe(700);
    expect((await prisma.coupon.findUniqueOrThrow({ where: { id: coupon.id } })).timesRedeemed).toBe(1);
    const id = res.body.purchase.id as string;
    const canceled = await cancel(s.call(`/api/v1/credits/purchases/${id}/cancel`, "POST"), params({ id }));
    expect(canceled.status).toBe(200);
    await waitFor(
      async () => (await prisma.coupon.findUniqueOrThrow({ where: { id: coupon.id } })).timesRedeemed === 0,
    );
    expect(await prisma.couponRedemption.findFirstOrThrow({ where: { couponId: coupon.id } })).toMatchObject({
      status: "released",
    });
    // The use is free again for another purchase.
    const next = await jsonOf(
      await purchases(
        s.call("/api/v1/credits/purchases", "POST", { packageId: basic.id, couponCode: "UMUSO" }),
        params(),
      ),
    );
    expect(next.status).toBe(201);
  });
});
