// The plan catalog is one truth: the seed writes it (again and again, changing nothing the second
// time, converging an older demo database), the API shows each plan's monthly and yearly price in the
// store's currency with its fee, limits, overage and features, and what the cards say matches the data.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { useTestDatabase } from "../support/db";
import { sellerWithStore } from "../support/seller";
import { sessionCookie } from "../support/session";
import { GET as plansGet } from "@/app/api/v1/platform/plans/route";
import { PLAN_CATALOG, PLAN_CURRENCIES, syncPlanCatalog } from "@/lib/billing/catalog";
import { effectivePlan, planEntitlements } from "@/lib/billing/entitlements";
import type { PlanOffer } from "@/lib/billing/offers";
import { createApiKey } from "@/lib/auth/api-keys";
import { prisma } from "@/lib/db/client";
import { messages } from "@/lib/i18n/messages";
import { createTranslator } from "@/lib/i18n/translate";
import type { MessageKey } from "@/lib/i18n/translate";

const snapshot = async () => ({
  plans: await prisma.platformPlan.findMany({ orderBy: { code: "asc" } }),
  prices: await prisma.platformPlanPrice.findMany({ orderBy: [{ planId: "asc" }, { currency: "asc" }] }),
});

describe("the plan catalog", () => {
  useTestDatabase();

  it("defines Free, Starter, Pro and a talk-to-us Enterprise; paid plans are priced monthly and yearly (10×) in every store currency", () => {
    expect(PLAN_CATALOG.map((p) => p.code)).toEqual(["free", "starter", "pro", "enterprise"]);
    const byCode = Object.fromEntries(PLAN_CATALOG.map((p) => [p.code, p]));
    expect(byCode.free!.fee).toEqual({ percentBps: 499, fixed: "0.50" });
    expect(byCode.starter!.fee).toEqual({ percentBps: 299, fixed: "0.39" });
    expect(byCode.pro!.fee).toEqual({ percentBps: 199, fixed: "0.29" });
    expect(byCode.enterprise!.selfServe).toBe(false);
    expect(byCode.enterprise!.prices).toEqual({});
    for (const code of ["starter", "pro"])
      for (const currency of PLAN_CURRENCIES) {
        const price = byCode[code]!.prices[currency]!;
        expect(price.year, `${code} ${currency}`).toBe(price.month * 10);
      }
    // Every row parses; Free blocks past its soft limits, Starter and Pro can pay overage in credits.
    for (const plan of PLAN_CATALOG) planEntitlements(plan);
    expect(Object.values(planEntitlements(byCode.free!).overage).every((r) => r.mode === "block")).toBe(true);
    expect(planEntitlements(byCode.starter!).overage.orders).toEqual({ mode: "credits", creditsPerUnit: 2 });
    expect(planEntitlements(byCode.pro!).limits.products).toBeNull();
    // Lower fees never come with lower limits.
    const order = ["free", "starter", "pro"] as const;
    for (let i = 1; i < order.length; i++) {
      const [lo, hi] = [byCode[order[i - 1]!]!, byCode[order[i]!]!];
      expect(hi.fee.percentBps).toBeLessThan(lo.fee.percentBps);
      for (const [key, limit] of Object.entries(hi.limits))
        if (limit !== null) expect(limit, key).toBeGreaterThanOrEqual(lo.limits[key as keyof typeof lo.limits]!);
    }
  });

  it("says nothing the data does not: no 'unlimited products' where products are limited, in either language", () => {
    for (const locale of ["en", "pt-BR"] as const) {
      const t = createTranslator(locale);
      for (const plan of PLAN_CATALOG) {
        const text = t(`billing.plans.descriptions.${plan.code}` as MessageKey);
        expect(text).not.toBe(`billing.plans.descriptions.${plan.code}`);
        if (plan.limits.products !== null) expect(text, `${locale} ${plan.code}`).not.toMatch(/unlimited|ilimitad/i);
        if (plan.limits.products !== null && /\d+ (products|produtos)/.test(text))
          expect(text).toContain(String(plan.limits.products));
        for (const feature of plan.features)
          expect(t(`billing.features.${feature}` as MessageKey)).not.toMatch(/^billing\./);
      }
      // The landing page's plan cards come from the catalog: its own texts promise nothing about plans.
      const landing = JSON.stringify(messages[locale].marketing.pricing).toLowerCase();
      for (const bogus of [
        "50 payments",
        "50 pagamentos",
        "team members",
        "membros da equipe",
        "unlimited",
        "ilimitad",
      ])
        expect(landing).not.toContain(bogus);
    }
  });

  it("is written idempotently and converges an older demo database", async () => {
    // The rows an older seed left: Starter promising unlimited products, no prices per currency.
    await prisma.platformPlan.create({
      data: {
        code: "starter",
        name: "Starter",
        description: "Lower fees and unlimited products.",
        amount: 4900,
        currency: "BRL",
        trialDays: 14,
        feePercentBps: 299,
        feeFixed: "0.39",
        limits: { products: 500 },
        sortOrder: 2,
        stripePriceId: "price_legacy_starter",
      },
    });
    const first = await syncPlanCatalog();
    expect(first).toEqual({ plans: 4, prices: 12 });
    const starter = await prisma.platformPlan.findUniqueOrThrow({ where: { code: "starter" } });
    expect(starter.description).not.toMatch(/unlimited/i);
    expect(planEntitlements(starter).limits).toMatchObject({ products: 500, stores: 3, orders: 2_000 });
    expect(starter.features).toEqual(PLAN_CATALOG[1]!.features);
    // The legacy Stripe price stays, so subscriptions made with it still map to Starter.
    expect(starter.stripePriceId).toBe("price_legacy_starter");

    const before = await snapshot();
    await syncPlanCatalog();
    expect(await snapshot()).toEqual(before);
    expect(before.prices).toHaveLength(12);

    // A Stripe price once made is kept while the amount holds, and forgotten when the amount changes.
    const brlMonth = before.prices.find(
      (p) => p.planId === starter.id && p.currency === "BRL" && p.interval === "MONTH",
    )!;
    await prisma.platformPlanPrice.update({ where: { id: brlMonth.id }, data: { stripePriceId: "price_kept" } });
    await syncPlanCatalog();
    expect((await prisma.platformPlanPrice.findUniqueOrThrow({ where: { id: brlMonth.id } })).stripePriceId).toBe(
      "price_kept",
    );
    await prisma.platformPlanPrice.update({ where: { id: brlMonth.id }, data: { amount: 3_900 } });
    await syncPlanCatalog();
    expect(await prisma.platformPlanPrice.findUniqueOrThrow({ where: { id: brlMonth.id } })).toMatchObject({
      amount: 4_900,
      stripePriceId: null,
    });
  });

  it("GET /api/v1/platform/plans prices each plan in the store's currency, monthly and yearly, with fee, limits and features", async () => {
    await syncPlanCatalog();
    for (const [currency, starter, pro] of [
      ["USD", 900, 2_900],
      ["BRL", 4_900, 14_900],
      ["EUR", 900, 2_700],
    ] as const) {
      const s = await sellerWithStore({ tag: `offers-${currency}` });
      await prisma.store.update({ where: { id: s.store.id }, data: { currency } });
      const { secret } = await createApiKey(s.store.id, s.user.id, { name: "offers" }, s.audit);
      const callers: Array<Record<string, string>> = [
        { authorization: `Bearer ${secret}` },
        { cookie: await sessionCookie(s.user.id) },
      ];
      for (const auth of callers) {
        const res = await plansGet(new NextRequest("http://localhost:3000/api/v1/platform/plans", { headers: auth }), {
          params: Promise.resolve({}),
        });
        expect(res.status).toBe(200);
        const { data } = (await res.json()) as { data: PlanOffer[] };
        const by = Object.fromEntries(data.map((p) => [p.code, p]));
        expect(data.map((p) => p.code)).toEqual(["free", "starter", "pro", "enterprise"]);
        expect(data.every((p) => p.currency === currency)).toBe(true);
        expect(by.starter!.prices).toEqual({ month: starter, year: starter * 10 });
        expect(by.pro!.prices).toEqual({ month: pro, year: pro * 10 });
        expect(by.starter!.amount).toBe(starter);
        expect(by.free!.prices).toEqual({ month: 0, year: null });
        expect(by.free).toMatchObject({ feePercentBps: 499, feeFixed: "0.50", selfServe: true, contactUrl: null });
        expect(by.free!.limits).toMatchObject({ products: 10, stores: 1 });
        expect(by.starter!.overage.orders).toEqual({ mode: "credits", creditsPerUnit: 2 });
        expect(by.enterprise).toMatchObject({ selfServe: false, prices: { month: null, year: null } });
        expect(by.enterprise!.contactUrl).toMatch(/^mailto:/);
        expect(by.pro!.features).toContain("store_callbacks");
      }
    }
  });

  it("counts soft limits per month, for monthly and yearly subscriptions alike", async () => {
    await syncPlanCatalog();
    const s = await sellerWithStore({ tag: "period" });
    const now = new Date("2027-03-20T12:00:00Z");
    expect((await effectivePlan(s.store.id, undefined, now)).period).toEqual({
      start: new Date("2027-03-01T00:00:00Z"),
      end: new Date("2027-04-01T00:00:00Z"),
    });
    const pro = await prisma.platformPlan.findUniqueOrThrow({ where: { code: "pro" } });
    await prisma.platformSubscription.create({
      data: {
        storeId: s.store.id,
        planId: pro.id,
        status: "active",
        stripeSubscriptionId: "sub_period",
        interval: "YEAR",
        currentPeriodStart: new Date("2027-01-31T10:00:00Z"),
        currentPeriodEnd: new Date("2028-01-31T10:00:00Z"),
      },
    });
    // Jan 31 + 1 month is Feb 28; the slice holding Mar 20 runs Feb 28 → Mar 31 (anchored on the 31st).
    expect((await effectivePlan(s.store.id, undefined, now)).period).toEqual({
      start: new Date("2027-02-28T10:00:00Z"),
      end: new Date("2027-03-31T10:00:00Z"),
    });
  });
});
