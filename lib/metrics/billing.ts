// Billing metrics: gauges read from the database when Prometheus scrapes (a handful of grouped
// counts, shared by one snapshot per scrape), counters incremented where money moves. The same
// snapshot feeds the admin billing overview. MRR: docs/dunning.md "Billing metrics".
import client from "prom-client";
import { prisma } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { shareOf } from "@/lib/money";

export type PaymentStatus = "succeeded" | "failed";
export type PaymentProvider = "stripe" | "pix";
export type DeliveryOutcome = "sent" | "failed" | "dead";

export type BillingMetrics = {
  payments: client.Counter<"status" | "provider">;
  notificationDeliveries: client.Counter<"channel" | "outcome">;
};

export type MrrByCurrency = { currency: string; amountMinor: number }[];

export type BillingSnapshot = {
  subscriptions: { status: string; plan: string; count: number }[];
  mrr: MrrByCurrency;
  invoices: { open: number; overdue: number };
  dunningStores: number;
};

/**
 * Monthly recurring revenue of one currency from the sums of its monthly and yearly prices: monthly
 * prices count in full, yearly ones as a twelfth, rounded half-up once per currency
 * (floor((2 × yearly + 12) / 24) on integers).
 */
export function mrrMinor(monthlySumMinor: number, yearlySumMinor: number): number {
  return monthlySumMinor + shareOf(yearlySumMinor * 2 + 12, 1, 24);
}

type MrrRow = { currency: string; interval: string; total: bigint | number };

/** MRR per currency of the active subscriptions, at the price of each store's currency and interval. */
export async function monthlyRecurringRevenue(): Promise<MrrByCurrency> {
  const rows = await prisma.$queryRawUnsafe<MrrRow[]>(`
    SELECT COALESCE(pp.currency, p.currency) AS currency,
           COALESCE(s.interval, p.interval)::text AS interval,
           SUM(COALESCE(pp.amount, p.amount)) AS total
      FROM "PlatformSubscription" s
      JOIN "PlatformPlan" p ON p.id = s."planId"
      JOIN "Store" st ON st.id = s."storeId"
      LEFT JOIN "PlatformPlanPrice" pp
        ON pp."planId" = s."planId" AND pp.currency = st.currency AND pp.interval = COALESCE(s.interval, p.interval)
     WHERE s.status = 'active'
     GROUP BY 1, 2`);
  const sums = new Map<string, { month: number; year: number }>();
  for (const r of rows) {
    const entry = sums.get(r.currency) ?? { month: 0, year: 0 };
    if (r.interval === "YEAR") entry.year += Number(r.total);
    else entry.month += Number(r.total);
    sums.set(r.currency, entry);
  }
  return [...sums.entries()]
    .map(([currency, s]) => ({ currency, amountMinor: mrrMinor(s.month, s.year) }))
    .sort((a, b) => a.currency.localeCompare(b.currency));
}

/** Subscriptions by status and plan, MRR, open/overdue platform invoices and stores in dunning. */
export async function billingSnapshot(now = new Date()): Promise<BillingSnapshot> {
  const [subscriptions, mrr, invoices, dunning] = await Promise.all([
    prisma.$queryRawUnsafe<{ status: string; plan: string; count: bigint | number }[]>(`
      SELECT s.status, p.code AS plan, COUNT(*) AS count
        FROM "PlatformSubscription" s JOIN "PlatformPlan" p ON p.id = s."planId"
       GROUP BY 1, 2 ORDER BY 1, 2`),
    monthlyRecurringRevenue(),
    Promise.all([
      prisma.invoice.count({ where: { issuer: "PLATFORM", kind: "INVOICE", status: "open" } }),
      prisma.invoice.count({ where: { issuer: "PLATFORM", kind: "INVOICE", status: "open", dueDate: { lt: now } } }),
    ]),
    prisma.$queryRawUnsafe<{ count: bigint | number }[]>(
      `SELECT COUNT(DISTINCT "storeId") AS count FROM "DunningCase" WHERE status = 'active'`,
    ),
  ]);
  return {
    subscriptions: subscriptions.map((r) => ({ status: r.status, plan: r.plan, count: Number(r.count) })),
    mrr,
    invoices: { open: invoices[0] - invoices[1], overdue: invoices[1] },
    dunningStores: Number(dunning[0]?.count ?? 0),
  };
}

/** One snapshot per scrape: the four gauges' collect() calls share it for a second. */
function sharedSnapshot(): () => Promise<BillingSnapshot | null> {
  let cached: { at: number; value: Promise<BillingSnapshot | null> } | null = null;
  return () => {
    if (cached && Date.now() - cached.at < 1000) return cached.value;
    const value = billingSnapshot().catch((err) => {
      logger.warn({ err }, "billing metrics: database read failed; gauges left empty for this scrape");
      return null;
    });
    cached = { at: Date.now(), value };
    return value;
  };
}

export function createBillingMetrics(registry: client.Registry): BillingMetrics {
  const snapshot = sharedSnapshot();
  new client.Gauge({
    name: "billing_subscriptions_total",
    help: "Platform plan subscriptions by status and plan code",
    labelNames: ["status", "plan"] as const,
    registers: [registry],
    async collect() {
      const s = await snapshot();
      this.reset();
      for (const row of s?.subscriptions ?? []) this.set({ status: row.status, plan: row.plan }, row.count);
    },
  });
  new client.Gauge({
    name: "billing_mrr_minor",
    help: "Monthly recurring revenue of active plan subscriptions, integer minor units per currency (yearly prices / 12)",
    labelNames: ["currency"] as const,
    registers: [registry],
    async collect() {
      const s = await snapshot();
      this.reset();
      for (const row of s?.mrr ?? []) this.set({ currency: row.currency }, row.amountMinor);
    },
  });
  new client.Gauge({
    name: "billing_invoices",
    help: "Open platform invoices: open (not yet due) and overdue (past their due date)",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      const s = await snapshot();
      this.reset();
      if (!s) return;
      this.set({ status: "open" }, s.invoices.open);
      this.set({ status: "overdue" }, s.invoices.overdue);
    },
  });
  new client.Gauge({
    name: "billing_dunning_stores",
    help: "Stores with an active dunning case (a failed plan payment being recovered)",
    registers: [registry],
    async collect() {
      const s = await snapshot();
      this.reset();
      if (s) this.set(s.dunningStores);
    },
  });
  return {
    payments: new client.Counter({
      name: "billing_payments_total",
      help: "Plan and credit payments by outcome and provider (stripe: card via Stripe webhooks; pix: invoices paid by PIX)",
      labelNames: ["status", "provider"] as const,
      registers: [registry],
    }),
    notificationDeliveries: new client.Counter({
      name: "notification_deliveries_total",
      help: "Email and Slack notification delivery attempts by channel and outcome",
      labelNames: ["channel", "outcome"] as const,
      registers: [registry],
    }),
  };
}
