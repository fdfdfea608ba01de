// Billing metrics as Prometheus reads them from /api/metrics: subscriptions by status and plan, MRR
// per currency in minor units (monthly prices in full, yearly ones a twelfth, half-up once), open
// and overdue platform invoices, stores in dunning, and the payment counters.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { appRequest } from "../support/session";
import { sellerWithStore } from "../support/seller";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { syncPlanCatalog } from "@/lib/billing/catalog";
import { prisma } from "@/lib/db/client";
import { billingSnapshot, mrrMinor } from "@/lib/metrics/billing";

const TOKEN = "metrics-token-for-billing-0123";

async function scrape(): Promise<string> {
  process.env.METRICS_TOKEN = TOKEN;
  const res = await metricsRoute(appRequest("/api/metrics", { headers: { authorization: `Bearer ${TOKEN}` } }));
  expect(res.status).toBe(200);
  return res.text();
}

/** The sample lines of one metric, e.g. `billing_mrr_minor{currency="BRL"} 17317`. */
function samples(text: string, name: string): string[] {
  return text.split("\n").filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
}

describe("mrrMinor", () => {
  it.each([
    [4900, 0, 4900],
    [0, 149_000, 12_417], // 12 416,67 → 12 417
    [0, 6, 1], // 0,5 → 1 (half-up)
    [0, 5, 0], // 0,4166… → 0
    [0, 18, 2], // 1,5 → 2
    [900, 9000, 1650],
    [0, 0, 0],
  ])("monthly %i + yearly %i → %i", (monthly, yearly, expected) => {
    expect(mrrMinor(monthly, yearly)).toBe(expected);
  });
});

describe("billing metrics on /api/metrics", () => {
  useTestDatabase();

  it("reads subscriptions, MRR per currency, invoices and dunning from the database at scrape time", async () => {
    await syncPlanCatalog();
    const plans = Object.fromEntries((await prisma.platformPlan.findMany()).map((p) => [p.code, p.id])) as Record<
      string,
      string
    >;
    const subscribe = async (currency: string, plan: string, status: string, interval: "MONTH" | "YEAR" | null) => {
      const { store } = await sellerWithStore({ tag: `m-${plan}-${status}` });
      await prisma.store.update({ where: { id: store.id }, data: { currency } });
      await prisma.platformSubscription.create({
        data: { storeId: store.id, planId: plans[plan]!, status, interval, stripeSubscriptionId: `sub_${store.id}` },
      });
      return store;
    };
    // BRL: Starter monthly R$ 49,00 + Pro yearly R$ 1.490,00 (÷ 12 = 12 416,67) = 17 317 centavos.
    await subscribe("BRL", "starter", "active", "MONTH");
    await subscribe("BRL", "pro", "active", "YEAR");
    // USD: Starter monthly US$ 9,00 and yearly US$ 90,00 (÷ 12 = 750) = 1 650 cents.
    await subscribe("USD", "starter", "active", "MONTH");
    await subscribe("USD", "starter", "active", "YEAR");
    // Not revenue: a trial, a past-due plan, Free.
    await subscribe("BRL", "starter", "trialing", "MONTH");
    const late = await subscribe("BRL", "pro", "past_due", "MONTH");
    const { store: freeStore } = await sellerWithStore({ tag: "m-free" });
    await prisma.platformSubscription.create({ data: { storeId: freeStore.id, planId: plans.free!, status: "free" } });

    const invoice = (dueDate: Date | null, status = "open") => ({
      issuer: "PLATFORM" as const,
      storeId: late.id,
      series: "platform",
      sourceType: "plan",
      sourceId: `in_${Math.random().toString(36).slice(2)}`,
      status,
      currency: "BRL",
      subtotal: 14_900,
      total: 14_900,
      amountDue: status === "paid" ? 0 : 14_900,
      issuerDetails: { name: "Vitrine" },
      customerDetails: { name: "Loja" },
      dueDate,
    });
    await prisma.invoice.createMany({
      data: [
        invoice(new Date(Date.now() - 86_400_000)), // overdue
        invoice(new Date(Date.now() + 86_400_000)), // open, not yet due
        invoice(null), // open, no due date
        invoice(new Date(Date.now() - 86_400_000), "paid"),
      ],
    });
    await prisma.dunningCase.createMany({
      data: [
        { storeId: late.id, stripeInvoiceId: "in_m_1", amountDue: 14_900, currency: "BRL", nextStepAt: new Date() },
        { storeId: late.id, stripeInvoiceId: "in_m_2", amountDue: 14_900, currency: "BRL", nextStepAt: new Date() },
        {
          storeId: freeStore.id,
          stripeInvoiceId: "in_m_3",
          amountDue: 4_900,
          currency: "BRL",
          status: "recovered",
          endedAt: new Date(),
        },
      ],
    });

    const text = await scrape();
    expect(samples(text, "billing_mrr_minor").sort()).toEqual([
      'billing_mrr_minor{currency="BRL"} 17317',
      'billing_mrr_minor{currency="USD"} 1650',
    ]);
    expect(samples(text, "billing_subscriptions_total").sort()).toEqual([
      'billing_subscriptions_total{status="active",plan="pro"} 1',
      'billing_subscriptions_total{status="active",plan="starter"} 3',
      'billing_subscriptions_total{status="free",plan="free"} 1',
      'billing_subscriptions_total{status="past_due",plan="pro"} 1',
      'billing_subscriptions_total{status="trialing",plan="starter"} 1',
    ]);
    expect(samples(text, "billing_invoices").sort()).toEqual([
      'billing_invoices{status="open"} 2',
      'billing_invoices{status="overdue"} 1',
    ]);
    // Two active cases of one store: one store in dunning.
    expect(samples(text, "billing_dunning_stores")).toEqual(["billing_dunning_stores 1"]);
    expect(text).toContain("# TYPE billing_payments_total counter");
    expect(text).toContain("# TYPE notification_deliveries_total counter");

    // The admin overview reads the same snapshot.
    expect(await billingSnapshot()).toMatchObject({
      mrr: [
        { currency: "BRL", amountMinor: 17_317 },
        { currency: "USD", amountMinor: 1_650 },
      ],
      invoices: { open: 2, overdue: 1 },
      dunningStores: 1,
    });

    // A plan that changes status shows at the next scrape (nothing is cached across scrapes).
    await prisma.platformSubscription.update({ where: { storeId: late.id }, data: { status: "active" } });
    await new Promise((r) => setTimeout(r, 1100));
    expect(samples(await scrape(), "billing_mrr_minor")).toContain('billing_mrr_minor{currency="BRL"} 32217');
  });
});
