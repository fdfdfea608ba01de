// Platform codes where sellers pay Vitrine, through the real routes on the emulator with its webhooks
// delivered: a code on the plan's Checkout (counted once when Stripe reports the subscription, however
// often the events come), every refusal with its own code, and a code applied to a running plan.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { sellerWithStore } from "../support/seller";
import { sessionCookie } from "../support/session";
import { waitFor } from "../webhooks/support";
import {
  adminCaller,
  caller,
  type Caller,
  inDays,
  jsonOf,
  params,
  platformCoupon,
  useEmulatorWithWebhooks,
} from "./support";
import { POST as subscribe } from "@/app/api/v1/platform/subscription/route";
import { POST as apply } from "@/app/api/v1/coupons/apply/route";
import { POST as deactivate } from "@/app/api/v1/admin/coupons/[id]/deactivate/route";
import { syncPlanCatalog } from "@/lib/billing/catalog";
import { prisma } from "@/lib/db/client";

const sessionIdOf = (url: string) => url.split("/checkout/")[1]!.split(/[?#]/)[0]!;

async function seller(tag: string, currency: "BRL" | "USD" = "BRL") {
  const s = await sellerWithStore({ tag });
  await prisma.store.update({ where: { id: s.store.id }, data: { currency } });
  return { ...s, call: caller({ cookie: await sessionCookie(s.user.id), origin: "http://localhost:3000" }) };
}

async function subscribeWith(call: Caller, body: Record<string, unknown>) {
  return jsonOf(await subscribe(call("/api/v1/platform/subscription", "POST", body), params()));
}

describe("platform codes on plans", () => {
  useTestDatabase();
  const { stripe } = useEmulatorWithWebhooks();
  let admin: Caller;
  beforeAll(async () => {
    await syncPlanCatalog();
    admin = (await adminCaller()).call;
  });

  it("a code on the plan's Checkout discounts the subscription and is counted once, even when Stripe's events repeat", async () => {
    const coupon = await platformCoupon(admin, {
      name: "Lançamento",
      percentOffBps: 2000,
      plans: ["starter"],
      maxRedemptions: 5,
      promotionCode: { code: "LANCA20" },
    });
    const s = await seller("plan-code");
    const res = await subscribeWith(s.call, { planCode: "starter", interval: "month", promotion_code: "lanca20" });
    expect(res.status).toBe(200);
    const session = await stripe().stripe.checkout.sessions.retrieve(sessionIdOf(res.body.checkoutUrl));
    expect(session.discounts?.[0]?.promotion_code).toBe(coupon.promotionCodes[0].stripePromotionCodeId);
    await stripe().controls.completeCheckout(session.id, { card: "4242424242424242" });
    const redemption = await waitFor(() =>
      prisma.couponRedemption.findFirst({ where: { couponId: coupon.id, storeId: s.store.id, status: "redeemed" } }),
    );
    // 20 % of Starter's R$ 49,00 a month.
    expect(redemption).toMatchObject({ targetType: "subscription", amountOff: 980, currency: "BRL" });
    const subId = redemption.targetId;
    const sub = await stripe().stripe.subscriptions.retrieve(subId, { expand: ["discounts"] });
    expect(sub.discounts).toHaveLength(1);

    // Every event about it, delivered again: still one redemption, one use.
    const events = await stripe().stripe.events.list({ limit: 100 });
    const related = events.data.filter(
      (e) =>
        ["customer.subscription.created", "customer.subscription.updated", "checkout.session.completed"].includes(
          e.type,
        ) && JSON.stringify(e.data.object).includes(subId),
    );
    expect(related.length).toBeGreaterThan(0);
    for (const e of related) await stripe().controls.resendEvent(e.id);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await prisma.couponRedemption.count({ where: { couponId: coupon.id } })).toBe(1);
    const row = await prisma.coupon.findUniqueOrThrow({ where: { id: coupon.id }, include: { promotionCodes: true } });
    expect(row.timesRedeemed).toBe(1);
    expect(row.promotionCodes[0]!.timesRedeemed).toBe(1);
    expect(await prisma.platformSubscription.findUnique({ where: { storeId: s.store.id } })).toMatchObject({
      couponId: coupon.id,
    });
  });

  it("refuses each kind of bad code with its own code and starts no Checkout", async () => {
    const make = (body: Record<string, unknown>) => platformCoupon(admin, { name: "t", ...body });
    const inactive = await make({ percentOffBps: 1000, promotionCode: { code: "DESLIGADO" } });
    await deactivate(admin(`/api/v1/admin/coupons/${inactive.id}/deactivate`, "POST"), params({ id: inactive.id }));
    await make({ percentOffBps: 1000, validFrom: inDays(2), promotionCode: { code: "AMANHA" } });
    const expired = await make({ percentOffBps: 1000, promotionCode: { code: "VENCIDO" } });
    await prisma.coupon.update({ where: { id: expired.id }, data: { redeemBy: new Date(Date.now() - 60_000) } });
    const used = await make({ percentOffBps: 1000, maxRedemptions: 1, promotionCode: { code: "ESGOTADO" } });
    await prisma.coupon.update({ where: { id: used.id }, data: { timesRedeemed: 1 } });
    await make({ percentOffBps: 1000, plans: ["pro"], promotionCode: { code: "SOPRO" } });
    await make({ amountOff: 500, currency: "USD", promotionCode: { code: "DOLAR5" } });
    await make({ amountOff: 500, currency: "BRL", promotionCode: { code: "MINIMO", minimumAmount: 100_000 } });
    await make({ percentOffBps: 1000, firstTimeOnly: true, promotionCode: { code: "PRIMEIRA" } });

    const s = await seller("plan-refusals");
    const cases: Array<[string, number, string]> = [
      ["NAOEXISTE", 404, "coupon_not_found"],
      ["desligado", 422, "coupon_inactive"],
      ["AMANHA", 422, "coupon_not_yet_valid"],
      ["VENCIDO", 422, "coupon_expired"],
      ["ESGOTADO", 409, "coupon_exhausted"],
      ["SOPRO", 422, "coupon_wrong_plan"],
      ["DOLAR5", 422, "coupon_wrong_currency"],
      ["MINIMO", 422, "coupon_minimum_amount"],
    ];
    for (const [code, status, expected] of cases) {
      const res = await subscribeWith(s.call, { planCode: "starter", promotion_code: code });
      expect([code, res.status, res.body.error?.code]).toEqual([code, status, expected]);
      expect(res.body.error.param).toBe("code");
      expect(res.body.error.message.length).toBeGreaterThan(10);
    }
    const store = await prisma.store.findUniqueOrThrow({ where: { id: s.store.id } });
    expect(store.platformCustomerId).toBeNull();

    // A store that had a paid plan before cannot use a first-subscription code.
    const returning = await seller("plan-returning");
    const starter = await prisma.platformPlan.findUniqueOrThrow({ where: { code: "starter" } });
    await prisma.platformSubscription.create({
      data: {
        storeId: returning.store.id,
        planId: starter.id,
        status: "canceled",
        stripeSubscriptionId: `sub_old_${returning.store.id}`,
      },
    });
    const again = await subscribeWith(returning.call, { planCode: "starter", promotion_code: "PRIMEIRA" });
    expect([again.status, again.body.error.code]).toEqual([422, "coupon_first_time_only"]);
    // ...while a new store can.
    const fresh = await subscribeWith((await seller("plan-first")).call, {
      planCode: "starter",
      promotion_code: "PRIMEIRA",
    });
    expect(fresh.status).toBe(200);
  });

  it("applies a code to a running plan once (a repeat answers the same), and refuses a store without a paid plan", async () => {
    const coupon = await platformCoupon(admin, {
      name: "Fidelidade",
      percentOffBps: 1500,
      duration: "forever",
      promotionCode: { code: "FIEL15" },
    });
    const s = await seller("apply");
    const started = await subscribeWith(s.call, { planCode: "pro", interval: "month" });
    await stripe().controls.completeCheckout(sessionIdOf(started.body.checkoutUrl), { card: "4242424242424242" });
    await waitFor(
      async () =>
        (await prisma.platformSubscription.findUnique({ where: { storeId: s.store.id } }))?.stripeSubscriptionId,
    );

    const first = await jsonOf(await apply(s.call("/api/v1/coupons/apply", "POST", { code: "fiel15" }), params()));
    expect(first.status).toBe(200);
    // 15 % of Pro's R$ 149,00.
    expect(first.body.applied).toMatchObject({
      code: "FIEL15",
      amountOff: 2235,
      currency: "BRL",
      alreadyApplied: false,
    });
    const sub = await stripe().stripe.subscriptions.retrieve(first.body.applied.subscriptionId, {
      expand: ["discounts"],
    });
    const discount = sub.discounts[0] as { promotion_code: string };
    expect(discount.promotion_code).toBe(coupon.promotionCodes[0].stripePromotionCodeId);

    const second = await jsonOf(await apply(s.call("/api/v1/coupons/apply", "POST", { code: "FIEL15" }), params()));
    expect(second.body.applied.alreadyApplied).toBe(true);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await prisma.couponRedemption.count({ where: { couponId: coupon.id } })).toBe(1);
    expect((await prisma.coupon.findUniqueOrThrow({ where: { id: coupon.id } })).timesRedeemed).toBe(1);
    expect(
      await prisma.auditLog.count({ where: { action: "coupon.applied_to_subscription", storeId: s.store.id } }),
    ).toBe(1);

    const free = await seller("apply-free");
    await subscribeWith(free.call, { planCode: "free" });
    const refused = await jsonOf(await apply(free.call("/api/v1/coupons/apply", "POST", { code: "FIEL15" }), params()));
    expect([refused.status, refused.body.error.code]).toEqual([409, "coupon_no_subscription"]);
    const none = await seller("apply-none");
    const refusedToo = await jsonOf(
      await apply(none.call("/api/v1/coupons/apply", "POST", { code: "FIEL15" }), params()),
    );
    expect(refusedToo.body.error.code).toBe("coupon_no_subscription");
    expect((await prisma.coupon.findUniqueOrThrow({ where: { id: coupon.id } })).timesRedeemed).toBe(1);
  });
});
