// Payments operations for the platform's admins: what failed or got stuck across card orders,
// credit purchases and PIX charges (with the reason and where to act), and the platform's figures —
// GMV and fee revenue per currency, active sellers, payment success rate — with a daily series.
import "server-only";
import { prisma } from "@/lib/db/client";

const DAY = 86_400_000;
/** A payment the buyer submitted that has neither succeeded nor failed after this long is stuck. */
export const STUCK_AFTER_MINUTES = 30;

export type ProblemPayment = {
  kind: "card_order" | "credit_purchase" | "pix_charge";
  id: string;
  storeId: string;
  storeName: string;
  amount: number;
  currency: string;
  /** failed | stuck */
  state: "failed" | "stuck";
  /** The provider's code or ours (e.g. card_declined, requires_action, expired_unreconciled). */
  reason: string;
  message: string | null;
  at: Date;
  /** Where an admin acts on it. */
  href: string;
};

export async function problemPayments(
  opts: { days?: number; take?: number; now?: Date } = {},
): Promise<ProblemPayment[]> {
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - (opts.days ?? 7) * DAY);
  const stuckBefore = new Date(now.getTime() - STUCK_AFTER_MINUTES * 60_000);
  const take = opts.take ?? 100;
  const store = { select: { name: true } } as const;
  const [orders, stuckOrders, purchases, stuckPurchases, pix, stuckPix] = await Promise.all([
    prisma.order.findMany({
      where: { status: "FAILED", updatedAt: { gte: since } },
      orderBy: { updatedAt: "desc" },
      take,
      select: {
        id: true,
        storeId: true,
        amountTotal: true,
        currency: true,
        failureCode: true,
        failureMessage: true,
        updatedAt: true,
        store,
      },
    }),
    prisma.order.findMany({
      where: { status: "PENDING", submittedAt: { not: null, lt: stuckBefore, gte: since } },
      orderBy: { submittedAt: "desc" },
      take,
      select: {
        id: true,
        storeId: true,
        amountTotal: true,
        currency: true,
        paymentIntentId: true,
        submittedAt: true,
        store,
      },
    }),
    prisma.creditPurchase.findMany({
      where: { status: { in: ["FAILED", "CANCELED"] }, updatedAt: { gte: since } },
      orderBy: { updatedAt: "desc" },
      take,
      select: {
        id: true,
        storeId: true,
        amount: true,
        currency: true,
        status: true,
        failureCode: true,
        failureMessage: true,
        updatedAt: true,
        store,
      },
    }),
    prisma.creditPurchase.findMany({
      where: {
        status: { in: ["PENDING", "REQUIRES_ACTION", "PROCESSING"] },
        createdAt: { lt: stuckBefore, gte: since },
      },
      orderBy: { createdAt: "desc" },
      take,
      select: { id: true, storeId: true, amount: true, currency: true, status: true, createdAt: true, store },
    }),
    prisma.pixCharge.findMany({
      where: { status: "failed", updatedAt: { gte: since } },
      orderBy: { updatedAt: "desc" },
      take,
      select: {
        id: true,
        storeId: true,
        amountCentavos: true,
        failureCode: true,
        failureMessage: true,
        updatedAt: true,
        store,
      },
    }),
    // Past its expiry and still pending: the reconciler has not settled it (paid or expired).
    prisma.pixCharge.findMany({
      where: { status: { in: ["pending", "awaiting_customer"] }, expiresAt: { lt: stuckBefore, gte: since } },
      orderBy: { expiresAt: "desc" },
      take,
      select: { id: true, storeId: true, amountCentavos: true, status: true, expiresAt: true, store },
    }),
  ]);
  const tenant = (storeId: string) => `/admin/tenants/${storeId}`;
  type Source = { id: string; storeId: string; store: { name: string } };
  const row = (
    kind: ProblemPayment["kind"],
    state: ProblemPayment["state"],
    r: Source,
    money: { amount: number; currency: string },
    why: { reason: string; message: string | null; at: Date; href: string },
  ): ProblemPayment => ({
    kind,
    id: r.id,
    storeId: r.storeId,
    storeName: r.store.name,
    amount: money.amount,
    currency: money.currency.toUpperCase(),
    state,
    ...why,
  });
  const brl = (amount: number) => ({ amount, currency: "BRL" });
  const rows: ProblemPayment[] = [
    ...orders.map((o) =>
      row(
        "card_order",
        "failed",
        o,
        { amount: o.amountTotal, currency: o.currency },
        {
          reason: o.failureCode ?? "payment_failed",
          message: o.failureMessage,
          at: o.updatedAt,
          href: tenant(o.storeId),
        },
      ),
    ),
    ...stuckOrders.map((o) =>
      row(
        "card_order",
        "stuck",
        o,
        { amount: o.amountTotal, currency: o.currency },
        {
          reason: "no_outcome",
          message: o.paymentIntentId ? `PaymentIntent ${o.paymentIntentId}` : null,
          at: o.submittedAt!,
          href: "/admin/webhooks",
        },
      ),
    ),
    ...purchases.map((p) =>
      row("credit_purchase", "failed", p, p, {
        reason: p.failureCode ?? p.status.toLowerCase(),
        message: p.failureMessage,
        at: p.updatedAt,
        href: "/admin/credits",
      }),
    ),
    ...stuckPurchases.map((p) =>
      row("credit_purchase", "stuck", p, p, {
        reason: p.status.toLowerCase(),
        message: null,
        at: p.createdAt,
        href: "/admin/credits",
      }),
    ),
    ...pix.map((c) =>
      row("pix_charge", "failed", c, brl(c.amountCentavos), {
        reason: c.failureCode ?? "failed",
        message: c.failureMessage,
        at: c.updatedAt,
        href: tenant(c.storeId),
      }),
    ),
    ...stuckPix.map((c) =>
      row("pix_charge", "stuck", c, brl(c.amountCentavos), {
        reason: "expired_unreconciled",
        message: c.status,
        at: c.expiresAt!,
        href: "/admin/webhooks",
      }),
    ),
  ];
  return rows.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, take);
}

export type PlatformMetrics = {
  days: number;
  gmv: Array<{ currency: string; amount: number; count: number }>;
  feeRevenue: Array<{ currency: string; amount: number }>;
  activeSellers: number;
  /** Card orders and PIX charges that reached an outcome in the window: paid / (paid + failed). */
  successRate: number | null;
  outcomes: { paid: number; failed: number };
  /** GMV per UTC day in the platform's main currency (BRL), card and PIX. */
  series: Array<{ date: string; card: number; pix: number }>;
};

const PAID = ["PAID", "REFUNDED", "PARTIALLY_REFUNDED", "DISPUTED"] as const;

export async function platformMetrics(opts: { days?: number; now?: Date } = {}): Promise<PlatformMetrics> {
  const now = opts.now ?? new Date();
  const days = opts.days ?? 30;
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (days - 1) * DAY);
  const [card, pix, failedOrders, failedPix, cardStores, pixStores, cardDaily, pixDaily] = await Promise.all([
    prisma.order.groupBy({
      by: ["currency"],
      where: { status: { in: [...PAID] }, paidAt: { gte: since, lte: now } },
      _sum: { amountTotal: true, applicationFeeAmount: true },
      _count: { _all: true },
    }),
    prisma.pixCharge.aggregate({
      where: { paidAt: { gte: since, lte: now } },
      _sum: { paidAmountCentavos: true },
      _count: { _all: true },
    }),
    prisma.order.count({ where: { status: "FAILED", updatedAt: { gte: since, lte: now } } }),
    prisma.pixCharge.count({ where: { status: "failed", updatedAt: { gte: since, lte: now } } }),
    prisma.order.findMany({
      where: { status: { in: [...PAID] }, paidAt: { gte: since, lte: now } },
      distinct: ["storeId"],
      select: { storeId: true },
    }),
    prisma.pixCharge.findMany({
      where: { paidAt: { gte: since, lte: now } },
      distinct: ["storeId"],
      select: { storeId: true },
    }),
    prisma.$queryRawUnsafe<Array<{ day: string; amount: bigint | number }>>(
      `SELECT to_char(date_trunc('day', "paidAt" AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, sum("amountTotal") AS amount
         FROM "Order"
        WHERE status::text = ANY($1) AND "paidAt" >= $2 AND "paidAt" <= $3 AND upper(currency) = 'BRL'
        GROUP BY 1`,
      [...PAID],
      since,
      now,
    ),
    prisma.$queryRawUnsafe<Array<{ day: string; amount: bigint | number }>>(
      `SELECT to_char(date_trunc('day', "paidAt" AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day,
              sum(coalesce("paidAmountCentavos", "amountCentavos")) AS amount
         FROM "PixCharge"
        WHERE "paidAt" >= $1 AND "paidAt" <= $2
        GROUP BY 1`,
      since,
      now,
    ),
  ]);
  const gmv = new Map<string, { amount: number; count: number }>();
  for (const c of card) {
    const cur = c.currency.toUpperCase();
    const row = gmv.get(cur) ?? { amount: 0, count: 0 };
    gmv.set(cur, { amount: row.amount + (c._sum.amountTotal ?? 0), count: row.count + c._count._all });
  }
  if (pix._count._all) {
    const row = gmv.get("BRL") ?? { amount: 0, count: 0 };
    gmv.set("BRL", { amount: row.amount + (pix._sum.paidAmountCentavos ?? 0), count: row.count + pix._count._all });
  }
  const fees = new Map<string, number>();
  for (const c of card)
    fees.set(c.currency.toUpperCase(), (fees.get(c.currency.toUpperCase()) ?? 0) + (c._sum.applicationFeeAmount ?? 0));
  const paid = card.reduce((s, c) => s + c._count._all, 0) + pix._count._all;
  const failed = failedOrders + failedPix;
  const byDay = new Map<string, { card: number; pix: number }>();
  for (let i = 0; i < days; i++)
    byDay.set(new Date(since.getTime() + i * DAY).toISOString().slice(0, 10), { card: 0, pix: 0 });
  for (const r of cardDaily) {
    const d = byDay.get(r.day);
    if (d) d.card += Number(r.amount);
  }
  for (const r of pixDaily) {
    const d = byDay.get(r.day);
    if (d) d.pix += Number(r.amount);
  }
  return {
    days,
    gmv: [...gmv].map(([currency, v]) => ({ currency, ...v })).sort((a, b) => b.amount - a.amount),
    feeRevenue: [...fees].map(([currency, amount]) => ({ currency, amount })).filter((f) => f.amount > 0),
    activeSellers: new Set([...cardStores, ...pixStores].map((s) => s.storeId)).size,
    successRate: paid + failed ? paid / (paid + failed) : null,
    outcomes: { paid, failed },
    series: [...byDay].map(([date, v]) => ({ date, ...v })),
  };
}
