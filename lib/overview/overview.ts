// The seller's overview (dashboard home and GET /api/v1/overview): the period's sales against the
// previous period, by day and method, the latest payments and what needs attention. Days are the
// store's (Store.timeZone); money stays per currency, the store's own first.
import { prisma } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { needsAttention, type AttentionItem } from "./attention";
import { latestPayments, type LatestPayment } from "./latest";
import { type LocalPeriod, type OverviewQuery, type RangeKey, resolvePeriods } from "./range";
import {
  type CurrencyFigures,
  type DailySeries,
  dailySales,
  percentChange,
  type SalesFigures,
  salesByCurrency,
} from "./sales";

export type FigureChanges = Record<
  "gross" | "net" | "payments" | "averageTicket" | "refunds" | "disputes",
  number | null
>;

export type PeriodView = Pick<LocalPeriod, "from" | "to"> & { startsAt: string; endsAt: string };

export type Overview = {
  range: RangeKey;
  timeZone: string;
  /** The store's currency: the figures, chart and changes below are in it. */
  currency: string;
  period: PeriodView;
  previousPeriod: PeriodView;
  current: SalesFigures;
  previous: SalesFigures;
  /** Percent change from the previous period, one decimal; null when the previous period had none. */
  change: FigureChanges;
  /** Payments in other currencies: never added to the store's currency, shown apart. */
  otherCurrencies: CurrencyFigures[];
  daily: DailySeries;
  latest: LatestPayment[];
  attention: AttentionItem[];
};

/** Local wall clock "YYYY-MM-DD HH:MM:SS" as ISO without an offset (the zone is `timeZone`). */
const wall = (s: string) => s.replace(" ", "T");
const periodView = (p: LocalPeriod): PeriodView => ({
  from: p.from,
  to: p.to,
  startsAt: wall(p.start),
  endsAt: wall(p.end),
});

export function changes(current: SalesFigures, previous: SalesFigures): FigureChanges {
  return {
    gross: percentChange(current.gross, previous.gross),
    net: percentChange(current.net, previous.net),
    payments: percentChange(current.payments, previous.payments),
    averageTicket: percentChange(current.averageTicket, previous.averageTicket),
    refunds: percentChange(current.refunds.amount, previous.refunds.amount),
    disputes: percentChange(current.disputes.count, previous.disputes.count),
  };
}

export async function getOverview(storeId: string, query: OverviewQuery, now = new Date()): Promise<Overview> {
  const store = await prisma.store.findUnique({ where: { id: storeId }, select: { currency: true, timeZone: true } });
  if (!store) throw notFound("Store");
  const periods = resolvePeriods(query, now, store.timeZone);
  const currency = store.currency.toUpperCase();
  const [figures, daily, latest, attention] = await Promise.all([
    salesByCurrency(storeId, periods, currency),
    dailySales(storeId, periods, currency),
    latestPayments(storeId),
    needsAttention(storeId, now),
  ]);
  const [home, ...others] = figures;
  return {
    range: periods.range,
    timeZone: periods.timeZone,
    currency,
    period: periodView(periods.current),
    previousPeriod: periodView(periods.previous),
    current: home!.current,
    previous: home!.previous,
    change: changes(home!.current, home!.previous),
    otherCurrencies: others,
    daily,
    latest,
    attention,
  };
}
