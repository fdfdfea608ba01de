// Usage periods on whole UTC days. Which period soft limits count in is lib/billing's answer
// (effectivePlan: a month of the subscription's period, else the UTC calendar month); counters
// are per UTC day, so usage widens it to days: from the UTC midnight of the day it starts to the
// UTC midnight of the day it ends (each day belongs to one period). Earlier periods (the usage
// page's "previous", ?period=YYYY-MM) step back a month at a time from the same anchor day.
import { z } from "zod";

const DAY_MS = 86_400_000;

export type UsagePeriod = {
  start: Date;
  /** Exclusive. */
  end: Date;
  /** The day whose day-of-month every period of this store starts on (clamped to short months). */
  anchor: Date;
  source: "subscription" | "calendar";
};

export type PeriodSelector = "current" | "previous" | `${number}-${number}`;

export const CALENDAR_ANCHOR = new Date(Date.UTC(1970, 0, 1));

export function startOfUtcDay(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

export function addDays(day: Date, n: number): Date {
  return new Date(day.getTime() + n * DAY_MS);
}

/** "2026-12-04" for the UTC day of an instant. */
export function dayKey(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The anchor day moved by `months`, its day of month clamped to the target month (Jan 31 + 1 → Feb 28). */
export function addMonthsClamped(anchor: Date, months: number): Date {
  const y = anchor.getUTCFullYear();
  const m = anchor.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(anchor.getUTCDate(), lastDay)));
}

/** The index k of the monthly slice [anchor + k months, anchor + k + 1 months) holding `at`. */
function sliceIndex(anchor: Date, at: Date): number {
  let k = (at.getUTCFullYear() - anchor.getUTCFullYear()) * 12 + (at.getUTCMonth() - anchor.getUTCMonth());
  while (addMonthsClamped(anchor, k) > at) k--;
  while (addMonthsClamped(anchor, k + 1) <= at) k++;
  return k;
}

function slice(anchor: Date, k: number, source: UsagePeriod["source"]): UsagePeriod {
  return { start: addMonthsClamped(anchor, k), end: addMonthsClamped(anchor, k + 1), anchor, source };
}

/**
 * The usage period of a billing period (lib/billing effectivePlan's): widened to whole UTC days,
 * from the day it starts to the day it ends. A calendar month keeps the calendar as its anchor,
 * so earlier periods are calendar months too; a subscription's earlier periods are monthly slices
 * anchored on the day its period starts.
 */
export function usagePeriodOf(billing: { start: Date; end: Date }): UsagePeriod {
  const start = startOfUtcDay(billing.start);
  const end = startOfUtcDay(billing.end);
  const calendar =
    start.getTime() === billing.start.getTime() &&
    start.getUTCDate() === 1 &&
    end.getTime() === addMonthsClamped(start, 1).getTime();
  return {
    start,
    end: end > start ? end : addDays(start, 1),
    anchor: calendar ? CALENDAR_ANCHOR : start,
    source: calendar ? "calendar" : "subscription",
  };
}

/** The period before `period` (same anchor). */
export function previousPeriod(period: UsagePeriod): UsagePeriod {
  const k = sliceIndex(period.anchor, period.start);
  // A direct subscription period may end off the anchor's slices: the previous one ends where this starts.
  return { ...slice(period.anchor, k - 1, period.source), end: period.start };
}

/** The store's period that starts in calendar month `month` ("2026-11"), on the current anchor. */
export function periodStartingIn(current: UsagePeriod, month: string): UsagePeriod {
  if (periodKey(current) === month) return current;
  const [y, m] = month.split("-").map(Number) as [number, number];
  // Slice k starts in the anchor's month + k (its day clamped to that month).
  return slice(
    current.anchor,
    (y - current.anchor.getUTCFullYear()) * 12 + (m - 1 - current.anchor.getUTCMonth()),
    current.source,
  );
}

/** The period `selector` names, relative to the store's current one. */
export function resolvePeriod(current: UsagePeriod, selector: PeriodSelector): UsagePeriod {
  if (selector === "current") return current;
  if (selector === "previous") return previousPeriod(current);
  return periodStartingIn(current, selector);
}

/** Every UTC day of the period, oldest first. */
export function daysOf(period: UsagePeriod): Date[] {
  const out: Date[] = [];
  for (let d = period.start; d < period.end; d = addDays(d, 1)) out.push(d);
  return out;
}

/** "2026-11" for a period that starts in November 2026. */
export function periodKey(period: UsagePeriod): string {
  return period.start.toISOString().slice(0, 7);
}

/** `?period=` of the usage API and pages: current (default), previous, or a month "2026-11". */
export const PeriodQuery = z
  .string()
  .regex(/^(current|previous|\d{4}-(0[1-9]|1[0-2]))$/, "current, previous or a month like 2026-11")
  .default("current")
  .transform((v) => v as PeriodSelector);

/** The usage summary and CSV export's query: only `?period=`. */
export const UsagePeriodInput = z.strictObject({ period: PeriodQuery });
