// Subscribing to a plan through the real routes, on the Stripe emulator: monthly or yearly, priced in
// the store's currency (a USD store pays USD, a BRL store BRL), Stripe's promotion-code field offered
// when no code is given, a platform promotion code put on the Checkout Session when one is, and the
// interval and period recorded once Stripe has the subscription. Bad requests write nothing.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { ctx, useTestDatabase } from "../support/db";
import { useStripeEmulator } from "../support/stripe";
import { sellerWithStore } from "../support/seller";
import { sessionCookie } from "../support/session";
import {
  GET as subscriptionGet,
  PATCH as subscriptionPatch,
  POST as subscriptionPost,
} from "@/app/api/v1/platform/subscription/route";
import { POST as subscribeAlias } from "@/app/api/v1/subscribe-to-platform/route";
import { syncPlanCatalog } from "@/lib/billing/catalog";
import { effectivePlan } from "@/lib/billing/entitlements";
import { createPlatformCoupon } from "@/lib/coupons/manage";
import { CreatePlatformCouponInput } from "@/lib/coupons/schemas";
import { prisma } from "@/lib/db/client";

const params = { params: Promise.resolve({}) };

async function seller(currency: "BRL" | "USD") {
  const s = await sellerWithStore({ tag: `sub-${currency.toLowerCase()}` });
  await prisma.store.update({ where: { id: s.store.id }, data: { currency } });
  const cookie = await sessionCookie(s.user.id);
  const call = (method: string, body?: unknown) =>
    new NextRequest("http://localhost:3000/api/v1/platform/subscription", {
      method,
      headers: {
        cookie,
        origin: "http://localhost:3000",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return { ...s, call };
}

const sessionIdOf = (url: string) => url.split("/checkout/")[1]!.split(/[?#]/)[0]!;

describe("subscribing to a plan, monthly or yearly, in the store's currency", () => {
  useTestDatabase();
  const stripe = useStripeEmulator();

  it("a USD store subscribing yearly gets a Checkout Session for the yearly USD price; the subscription records interval and period", async () => {
    await syncPlanCatalog();
    const s = await seller("USD");
    const res = await subscriptionPost(s.call("POST", { planCode: "starter", interval: "year" }), params);
    expect(res.status).toBe(200);
    const { checkoutUrl } = (await res.json()) as { checkoutUrl: string };
    const session = await stripe().stripe.checkout.sessions.retrieve(sessionIdOf(checkoutUrl), {
      expand: ["line_items"],
    });
    expect(session.mode).toBe("subscription");
    expect(session.currency).toBe("usd");
    // Codes go through our plan page (lib/coupons rules), never Stripe's own field.
    expect(session.allow_promotion_codes).toBeFalsy();
    const price = session.line_items!.data[0]!.price!;
    expect(price).toMatchObject({
      unit_amount: 9_000,
      currency: "usd",
      lookup_key: "vitrine_plan_starter_usd_year",
      recurring: expect.objectContaining({ interval: "year" }),
    });
    // The Stripe price is made once and remembered on the plan price row.
    const row = await prisma.platformPlanPrice.findFirstOrThrow({
      where: { plan: { code: "starter" }, currency: "USD", interval: "YEAR" },
    });
    expect(row.stripePriceId).toBe(price.id);

    await stripe().controls.completeCheckout(session.id, { card: "4242424242424242" });
    const got = await subscriptionGet(s.call("GET"), params);
    const body = (await got.json()) as {
      subscription: { status: string; interval: string; currentPeriodStart: string; plan: { code: string } };
      effectivePlan: { code: string; source: string };
    };
    expect(body.subscription).toMatchObject({ status: "trialing", interval: "YEAR", plan: { code: "starter" } });
    expect(body.subscription.currentPeriodStart).toBeTruthy();
    expect(body.effectivePlan).toMatchObject({ code: "starter", source: "subscription" });
    expect((await effectivePlan(s.store.id)).entitlements.limits.products).toBe(500);

    // A second subscription while this one is live is refused; switching to monthly Pro goes through PATCH.
    const again = await subscriptionPost(s.call("POST", { planCode: "pro", interval: "year" }), params);
    expect(again.status).toBe(409);
    const patched = await subscriptionPatch(s.call("PATCH", { planCode: "pro", interval: "month" }), params);
    expect(patched.status).toBe(200);
    const sub = await prisma.platformSubscription.findUniqueOrThrow({ where: { storeId: s.store.id } });
    const onStripe = await stripe().stripe.subscriptions.retrieve(sub.stripeSubscriptionId!);
    expect(onStripe.items.data[0]!.price).toMatchObject({ unit_amount: 2_900, currency: "usd" });
    expect(sub.interval).toBe("MONTH");
  });

  it("a BRL store pays BRL: monthly R$ 49, yearly R$ 490 (ten months)", async () => {
    await syncPlanCatalog();
    for (const [interval, amount] of [
      ["month", 4_900],
      ["year", 49_000],
    ] as const) {
      const s = await seller("BRL");
      const res = await subscribeAlias(s.call("POST", { planCode: "starter", interval }), params);
      expect(res.status).toBe(200);
      const { checkoutUrl } = (await res.json()) as { checkoutUrl: string };
      const session = await stripe().stripe.checkout.sessions.retrieve(sessionIdOf(checkoutUrl), {
        expand: ["line_items"],
      });
      expect(session.line_items!.data[0]!.price).toMatchObject({
        unit_amount: amount,
        currency: "brl",
        recurring: expect.objectContaining({ interval }),
      });
    }
  });

  it("puts a platform promotion code on the Checkout Session and records the coupon on the subscription", async () => {
    await syncPlanCatalog();
    const admin = { ...ctx, actor: { type: "system" as const, id: "test" } };
    const coupon = await createPlatformCoupon(
      CreatePlatformCouponInput.parse({
        name: "Launch",
        percentOffBps: 2_000,
        duration: "once",
        plans: ["starter", "pro"],
        promotionCode: { code: "LAUNCH20" },
      }),
      admin,
    );
    const s = await seller("BRL");
    const res = await subscriptionPost(
      s.call("POST", { planCode: "starter", interval: "year", promotion_code: "launch20" }),
      params,
    );
    expect(res.status).toBe(200);
    const { checkoutUrl } = (await res.json()) as { checkoutUrl: string };
    const session = await stripe().stripe.checkout.sessions.retrieve(sessionIdOf(checkoutUrl));
    expect(session.allow_promotion_codes).toBeFalsy();
    expect(session.discounts).toHaveLength(1);
    expect(session.discounts![0]!.promotion_code).toBeTruthy();
    expect(session.metadata).toMatchObject({ planCode: "starter", interval: "year", vitrineCouponId: coupon.id });
    await stripe().controls.completeCheckout(session.id, { card: "4242424242424242" });
    await subscriptionGet(s.call("GET"), params);
    const sub = await prisma.platformSubscription.findUniqueOrThrow({ where: { storeId: s.store.id } });
    expect(sub).toMatchObject({ couponId: coupon.id, interval: "YEAR", status: "trialing" });
  });

  it("refuses bad requests with a clear 4xx and creates nothing at Stripe or here", async () => {
    await syncPlanCatalog();
    const s = await seller("BRL");
    const cases: Array<[unknown, number, string]> = [
      [{ planCode: "starter", promotion_code: "NO-SUCH-CODE" }, 404, "coupon_not_found"],
      [{ planCode: "enterprise" }, 422, "validation_failed"],
      [{ planCode: "nope" }, 404, "not_found"],
      [{ planCode: "starter", interval: "week" }, 422, "validation_failed"],
      [{ planCode: "starter", promotion_code: "A", promotionCode: "B" }, 422, "validation_failed"],
      [{ planCode: "free", promotion_code: "LAUNCH20" }, 422, "validation_failed"],
      [{ planCode: "starter", extra: 1 }, 422, "validation_failed"],
    ];
    for (const [body, status, code] of cases) {
      const res = await subscriptionPost(s.call("POST", body), params);
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), status]);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    const store = await prisma.store.findUniqueOrThrow({ where: { id: s.store.id } });
    expect(store.platformCustomerId).toBeNull();
    expect(await prisma.platformSubscription.count({ where: { storeId: s.store.id } })).toBe(0);
  });
});
