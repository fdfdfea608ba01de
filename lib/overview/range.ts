// The overview's periods: which local days of the store a range covers, and the previous period of
// the same length it is compared with. Pure: local wall-clock strings only; PostgreSQL turns them
// into instants with the store's IANA zone (AT TIME ZONE), so no offset is computed here.
import { z } from "zod";
import { AppError } from "@/lib/errors";

export const RANGE_KEYS = ["today", "7d", "30d", "custom"] as const;
export type RangeKey = (typeof RANGE_KEYS)[number];
/** The longest custom range (a year and a leap day). */
export const MAX_RANGE_DAYS = 366;
export const DEFAULT_TIME_ZONE = "America/Sao_Paulo";

const isoDate = z.iso.date({ message: "Use a date like 2026-12-31." });

export const OverviewQuery = z
  .object({
    range: z.enum(RANGE_KEYS).default("7d"),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.range !== "custom") return;
    if (!q.from) ctx.addIssue({ code: "custom", path: ["from"], message: "A custom range needs from and to." });
    if (!q.to) ctx.addIssue({ code: "custom", path: ["to"], message: "A custom range needs from and to." });
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: "custom", path: ["to"], message: "to is before from." });
  });
export type OverviewQuery = z.infer<typeof OverviewQuery>;

/** A run of whole local days: `start` inclusive, `end` exclusive, as local wall-clock timestamps. */
export type LocalPeriod = {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, YYYY-MM-DD (inclusive). */
  to: string;
  /** `from` at 00:00, local wall clock ("YYYY-MM-DD HH:MM:SS"). */
  start: string;
  /** The day after `to` at 00:00, or the same wall-clock time as now when the period reaches today. */
  end: string;
  days: string[];
};

export type Periods = { range: RangeKey; timeZone: string; current: LocalPeriod; previous: LocalPeriod };

/** The store's zone if Intl knows it, else São Paulo (a bad value must not break the page). */
export function safeTimeZone(tz: string | null | undefined): string {
  if (!tz) return DEFAULT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return tz;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

/** The local calendar date and wall-clock time (to the millisecond) of an instant in a zone. */
export function localWallClock(now: Date, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    fractionalSecondDigits: 3,
    hourCycle: "h23",
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return {
    date: `${get("year")}-${get("month")}-${get("day")}`,
    time: `${get("hour")}:${get("minute")}:${get("second")}.${get("fractionalSecond")}`,
  };
}

/** A calendar date moved by whole days (plain dates: no zone, no DST). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

function period(from: string, to: string, endTime: string | null): LocalPeriod {
  const n = daysBetween(from, to);
  return {
    from,
    to,
    start: `${from} 00:00:00`,
    end: endTime ? `${to} ${endTime}` : `${addDays(to, 1)} 00:00:00`,
    days: Array.from({ length: n }, (_, i) => addDays(from, i)),
  };
}

/**
 * The range's local days and the previous run of as many days just before it. A range that reaches
 * today stops at this moment, and its previous period stops at the same wall-clock time n days
 * earlier: "today until 09:00" is compared with "yesterday until 09:00", not all of yesterday.
 */
export function resolvePeriods(query: OverviewQuery, now: Date, timeZoneName: string | null | undefined): Periods {
  const timeZone = safeTimeZone(timeZoneName);
  const { date: today, time } = localWallClock(now, timeZone);
  let from: string;
  let to: string;
  if (query.range === "custom") {
    from = query.from!;
    to = query.to!;
    if (to > today) throw new AppError("validation_failed", "to: the range cannot end after today.", { param: "to" });
    if (daysBetween(from, to) > MAX_RANGE_DAYS)
      throw new AppError("validation_failed", `to: a range covers at most ${MAX_RANGE_DAYS} days.`, { param: "to" });
  } else {
    const n = query.range === "today" ? 1 : query.range === "7d" ? 7 : 30;
    to = today;
    from = addDays(today, -(n - 1));
  }
  const n = daysBetween(from, to);
  const cut = to === today ? time : null;
  return {
    range: query.range,
    timeZone,
    current: period(from, to, cut),
    previous: period(addDays(from, -n), addDays(to, -n), cut),
  };
}
