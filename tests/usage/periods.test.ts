// Usage periods on whole UTC days: the calendar month without a subscription, the subscription's
// own period (mid-day starts rounded to their day), monthly slices of a yearly plan, short months.
import { describe, expect, it } from "vitest";
import { currentPeriod, previousPeriod, resolvePeriod, PeriodQuery } from "@/lib/usage/periods";
import { percentOf, reachedThresholds } from "@/lib/usage/resources";

const d = (s: string) => new Date(s);
const iso = (p: { start: Date; end: Date }) => [p.start.toISOString().slice(0, 10), p.end.toISOString().slice(0, 10)];

describe("usage periods", () => {
  it("is the calendar month in UTC without a subscription period", () => {
    expect(iso(currentPeriod(null, d("2026-12-04T23:59:59Z")))).toEqual(["2026-12-01", "2027-01-01"]);
    expect(iso(currentPeriod(null, d("2027-01-01T00:00:00Z")))).toEqual(["2027-01-01", "2027-02-01"]);
    expect(iso(resolvePeriod(null, "previous", d("2026-03-10T12:00:00Z")))).toEqual(["2026-02-01", "2026-03-01"]);
    expect(iso(resolvePeriod(null, "2026-07", d("2026-12-04T12:00:00Z")))).toEqual(["2026-07-01", "2026-08-01"]);
    expect(currentPeriod(null, d("2026-12-04T12:00:00Z")).source).toBe("calendar");
  });

  it("follows the subscription period, from the UTC day it starts to the day it ends", () => {
    const sub = {
      currentPeriodStart: d("2026-11-15T14:32:00Z"),
      currentPeriodEnd: d("2026-12-15T14:32:00Z"),
      interval: "MONTH" as const,
    };
    const p = currentPeriod(sub, d("2026-12-04T08:00:00Z"));
    expect(iso(p)).toEqual(["2026-11-15", "2026-12-15"]);
    expect(p.source).toBe("subscription");
    expect(iso(previousPeriod(p))).toEqual(["2026-10-15", "2026-11-15"]);
    // A stale subscription (not renewed yet) keeps its anchor day.
    expect(iso(currentPeriod(sub, d("2027-01-20T00:00:00Z")))).toEqual(["2027-01-15", "2027-02-15"]);
  });

  it("cuts a yearly period into monthly slices and clamps the anchor day to short months", () => {
    const yearly = {
      currentPeriodStart: d("2026-01-31T10:00:00Z"),
      currentPeriodEnd: d("2027-01-31T10:00:00Z"),
      interval: "YEAR" as const,
    };
    expect(iso(currentPeriod(yearly, d("2026-02-10T00:00:00Z")))).toEqual(["2026-01-31", "2026-02-28"]);
    expect(iso(currentPeriod(yearly, d("2026-03-01T00:00:00Z")))).toEqual(["2026-02-28", "2026-03-31"]);
    expect(iso(resolvePeriod(yearly, "previous", d("2026-04-05T00:00:00Z")))).toEqual(["2026-02-28", "2026-03-31"]);
    expect(iso(resolvePeriod(yearly, "2026-06", d("2026-12-05T00:00:00Z")))).toEqual(["2026-06-30", "2026-07-31"]);
  });

  it("parses ?period= and refuses anything else", () => {
    expect(PeriodQuery.parse(undefined)).toBe("current");
    expect(PeriodQuery.parse("2026-11")).toBe("2026-11");
    expect(PeriodQuery.safeParse("2026-13").success).toBe(false);
    expect(PeriodQuery.safeParse("last").success).toBe(false);
  });

  it("reaches 80 % and 100 % exactly at their edges", () => {
    expect(reachedThresholds(79, 100)).toEqual([]);
    expect(reachedThresholds(80, 100)).toEqual([80]);
    expect(reachedThresholds(99, 100)).toEqual([80]);
    expect(reachedThresholds(100, 100)).toEqual([80, 100]);
    expect(reachedThresholds(4, 5)).toEqual([80]);
    expect(reachedThresholds(5, null)).toEqual([]);
    expect(percentOf(99, 100)).toBe(99);
    expect(percentOf(101, 100)).toBe(101);
    expect(percentOf(2, 3)).toBe(66);
    expect(percentOf(1, null)).toBeNull();
  });
});
