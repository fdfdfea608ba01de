// A store's sales figures for the overview, summed in the database: card payments (Order, Checkout,
// Elements and renewals), PIX payments (PixCharge), their refunds and disputes, per currency, for a
// period and the previous one of the same length, plus the current period by local day and method.
// Every row is the store's own (storeId in each branch); currencies are never summed together.
// What each figure means: docs/overview.md.
import { prisma } from "@/lib/db/client";
import { shareOf } from "@/lib/money";
import type { Periods } from "./range";

export type Method = "card" | "pix";

export type SalesFigures = {
  /** What buyers paid in the period (minor units). */
  gross: number;
  /** gross − refunds − disputed − fees. */
  net: number;
  /** Vitrine's application fees on the period's card payments, less what refunds in the period gave back. */
  fees: number;
  /** Payments made in the period. */
  payments: number;
  /** gross ÷ payments, floored to the minor unit (0 without payments). */
  averageTicket: number;
  /** Refunds that succeeded in the period (whatever day the payment was). */
  refunds: { count: number; amount: number };
  /** Disputes opened in the period; `amount` is what they hold or took back (won and inquiries hold nothing). */
  disputes: { count: number; amount: number };
  byMethod: Record<Method, { gross: number; payments: number }>;
};

export type CurrencyFigures = { currency: string; current: SalesFigures; previous: SalesFigures };

export type DayPoint = { date: string; card: number; pix: number; cardCount: number; pixCount: number };
export type DailySeries = { currency: string; points: DayPoint[] };

/** Order states of a card payment that was made (refunds and disputes come after the payment). */
const PAID_ORDER = `('PAID', 'REFUNDED', 'PARTIALLY_REFUNDED', 'DISPUTED')`;
const PAID_PIX = `('paid', 'refunded', 'disputed')`;
/** Card dispute states in which Stripe has not taken the amount from the seller (won, or an inquiry). */
const CARD_DISPUTE_HOLDS_NOTHING = `('won', 'warning_needs_response', 'warning_under_review', 'warning_closed')`;

// $1 zone, $2..$5 local wall-clock bounds (previous start/end, current start/end), $6 store id.
const BOUNDS = `b AS (
  SELECT ($2::timestamp AT TIME ZONE $1) AT TIME ZONE 'UTC' AS prev_start,
         ($3::timestamp AT TIME ZONE $1) AT TIME ZONE 'UTC' AS prev_end,
         ($4::timestamp AT TIME ZONE $1) AT TIME ZONE 'UTC' AS cur_start,
         ($5::timestamp AT TIME ZONE $1) AT TIME ZONE 'UTC' AS cur_end)`;
const IN_PERIODS = (col: string) =>
  `${col} >= b.prev_start AND ${col} < b.cur_end AND (${col} < b.prev_end OR ${col} >= b.cur_start)`;

/** One row per event: payment, refund or dispute, with its amount, the fee it carries and the amount it holds. */
const EVENTS = `ev AS (
  SELECT 'payment' AS kind, 'card' AS method, o.currency, o."amountTotal" AS amount,
         COALESCE(o."applicationFeeAmount", 0) AS fee, 0 AS held, o."paidAt" AS at
    FROM "Order" o, b
   WHERE o."storeId" = $6 AND o.status IN ${PAID_ORDER} AND ${IN_PERIODS(`o."paidAt"`)}
  UNION ALL
  SELECT 'payment', 'pix', 'BRL', COALESCE(c."paidAmountCentavos", c."amountCentavos"), 0, 0, c."paidAt"
    FROM "PixCharge" c, b
   WHERE c."storeId" = $6 AND c.status IN ${PAID_PIX} AND ${IN_PERIODS(`c."paidAt"`)}
  UNION ALL
  SELECT 'refund', 'card', a.currency, a.amount,
         CASE WHEN o."amountTotal" > 0
              THEN ROUND(COALESCE(o."applicationFeeAmount", 0)::numeric * a.amount / o."amountTotal")::int ELSE 0 END,
         0, a."createdAt"
    FROM "PaymentAdjustment" a JOIN "Order" o ON o.id = a."orderId" AND o."storeId" = a."storeId", b
   WHERE a."storeId" = $6 AND a.kind = 'refund' AND a.status = 'succeeded' AND ${IN_PERIODS(`a."createdAt"`)}
  UNION ALL
  SELECT 'refund', 'pix', 'BRL', r."amountCentavos", 0, 0, r."updatedAt"
    FROM "PixRefund" r, b
   WHERE r."storeId" = $6 AND r.status = 'refunded' AND ${IN_PERIODS(`r."updatedAt"`)}
  UNION ALL
  SELECT 'dispute', 'card', a.currency, a.amount, 0,
         CASE WHEN a.status IN ${CARD_DISPUTE_HOLDS_NOTHING} THEN 0 ELSE a.amount END, a."createdAt"
    FROM "PaymentAdjustment" a, b
   WHERE a."storeId" = $6 AND a.kind = 'dispute' AND ${IN_PERIODS(`a."createdAt"`)}
  UNION ALL
  SELECT 'dispute', 'pix', 'BRL', d."amountCentavos", 0,
         CASE WHEN d.status = 'rejected' THEN 0 ELSE d."amountCentavos" END, d."openedAt"
    FROM "PixDispute" d, b
   WHERE d."storeId" = $6 AND ${IN_PERIODS(`d."openedAt"`)})`;

type TotalsRow = {
  period: "current" | "previous";
  kind: "payment" | "refund" | "dispute";
  method: Method;
  currency: string;
  count: number | bigint;
  amount: number | bigint | null;
  fee: number | bigint | null;
  held: number | bigint | null;
};

type DayRow = { day: string; method: Method; currency: string; count: number | bigint; amount: number | bigint };

const num = (v: number | bigint | null | undefined) => Number(v ?? 0);

export function emptyFigures(): SalesFigures {
  return {
    gross: 0,
    net: 0,
    fees: 0,
    payments: 0,
    averageTicket: 0,
    refunds: { count: 0, amount: 0 },
    disputes: { count: 0, amount: 0 },
    byMethod: { card: { gross: 0, payments: 0 }, pix: { gross: 0, payments: 0 } },
  };
}

/** Fees can be below zero in a period whose refunds gave back more fee than its payments carried. */
function finish(f: SalesFigures): SalesFigures {
  return {
    ...f,
    net: f.gross - f.refunds.amount - f.disputes.amount - f.fees,
    averageTicket: f.payments > 0 ? shareOf(f.gross, 1, f.payments) : 0,
  };
}

function boundsParams(periods: Periods, storeId: string) {
  const { timeZone, current, previous } = periods;
  return [timeZone, previous.start, previous.end, current.start, current.end, storeId] as const;
}

/** Figures per currency for the period and the previous one; the store's currency first, then the others A–Z. */
export async function salesByCurrency(
  storeId: string,
  periods: Periods,
  storeCurrency: string,
): Promise<CurrencyFigures[]> {
  const rows = await prisma.$queryRawUnsafe<TotalsRow[]>(
    `WITH ${BOUNDS}, ${EVENTS}
     SELECT CASE WHEN ev.at >= b.cur_start THEN 'current' ELSE 'previous' END AS period,
            ev.kind, ev.method, ev.currency, COUNT(*) AS count,
            SUM(ev.amount) AS amount, SUM(ev.fee) AS fee, SUM(ev.held) AS held
       FROM ev, b
      GROUP BY 1, 2, 3, 4`,
    ...boundsParams(periods, storeId),
  );
  const byCurrency = new Map<string, { current: SalesFigures; previous: SalesFigures }>();
  const slot = (currency: string) => {
    let s = byCurrency.get(currency);
    if (!s) byCurrency.set(currency, (s = { current: emptyFigures(), previous: emptyFigures() }));
    return s;
  };
  slot(storeCurrency.toUpperCase());
  for (const r of rows) {
    const f = slot(r.currency.toUpperCase())[r.period];
    const count = num(r.count);
    const amount = num(r.amount);
    if (r.kind === "payment") {
      f.gross += amount;
      f.payments += count;
      f.fees += num(r.fee);
      f.byMethod[r.method].gross += amount;
      f.byMethod[r.method].payments += count;
    } else if (r.kind === "refund") {
      f.refunds.count += count;
      f.refunds.amount += amount;
      f.fees -= num(r.fee);
    } else {
      f.disputes.count += count;
      f.disputes.amount += num(r.held);
    }
  }
  const home = storeCurrency.toUpperCase();
  return [...byCurrency.entries()]
    .map(([currency, s]) => ({ currency, current: finish(s.current), previous: finish(s.previous) }))
    .sort((a, b) => (a.currency === home ? -1 : b.currency === home ? 1 : a.currency.localeCompare(b.currency)));
}

/** What was paid per local day of the current period, by method, in one currency (days without sales are 0). */
export async function dailySales(storeId: string, periods: Periods, currency: string): Promise<DailySeries> {
  const rows = await prisma.$queryRawUnsafe<DayRow[]>(
    `WITH ${BOUNDS}, ${EVENTS}
     SELECT to_char((ev.at AT TIME ZONE 'UTC') AT TIME ZONE $1, 'YYYY-MM-DD') AS day, ev.method, ev.currency,
            COUNT(*) AS count, SUM(ev.amount) AS amount
       FROM ev, b
      WHERE ev.kind = 'payment' AND ev.at >= b.cur_start AND ev.currency = $7
      GROUP BY 1, 2, 3`,
    ...boundsParams(periods, storeId),
    currency.toUpperCase(),
  );
  const points = new Map<string, DayPoint>(
    periods.current.days.map((date) => [date, { date, card: 0, pix: 0, cardCount: 0, pixCount: 0 }]),
  );
  for (const r of rows) {
    const p = points.get(r.day);
    if (!p) continue;
    p[r.method] += num(r.amount);
    p[r.method === "card" ? "cardCount" : "pixCount"] += num(r.count);
  }
  return { currency: currency.toUpperCase(), points: [...points.values()] };
}

/** The change from `previous` to `current` in percent with one decimal; null when there is nothing to compare with. */
export function percentChange(current: number, previous: number): number | null {
  if (previous === 0) return current === 0 ? 0 : null;
  return Math.round(((current - previous) * 1000) / Math.abs(previous)) / 10;
}
