// Usage periods on whole UTC days, from lib/billing's billing period: a calendar month stays a
// calendar month (and so do earlier ones), a subscription period starting mid-day counts from its
// UTC day, and earlier periods step back a month from the same anchor day, clamped to short months.
import { describe, expect, it } from "vitest";
import { PeriodQuery, resolvePeriod, usagePeriodOf } from "@/lib/usage/periods";
import { percentOf, reachedThresholds } from "@/lib/usage/resources";

const d = (s: string) => new Date(s);
const iso = (p: { start: Date; end: Date }) => [p.start.toISOString().slice(0, 10), p.end.toISOString().slice(0, 10)];

describe("usage periods", () => {
  it("keeps a calendar month and steps back by calendar months", () => {
    const current = usagePeriodOf({ start: d("2026-12-01T00:00:00Z"), end: d("2027-01-01T00:00:00Z") });
    expect(current.source).toBe("calendar");
    expect(iso(current)).toEqual(["2026-12-01", "2027-01-01"]);
    expect(iso(resolvePeriod(current, "previous"))).toEqual(["2026-11-01", "2026-12-01"]);
    expect(iso(resolvePeriod(current, "2026-07"))).toEqual(["2026-07-01", "2026-08-01"]);
    expect(iso(resolvePeriod(current, "2026-12"))).toEqual(["2026-12-01", "2027-01-01"]);
  });

  it("widens a subscription period to whole UTC days and steps back from its anchor day", () => {
    const current = usagePeriodOf({ start: d("2026-11-15T14:32:00Z"), end: d("2026-12-15T14:32:00Z") });
    expect(current.source).toBe("subscription");
    expect(iso(current)).toEqual(["2026-11-15", "2026-12-15"]);
    expect(iso(resolvePeriod(current, "previous"))).toEqual(["2026-10-15", "2026-11-15"]);
    expect(iso(resolvePeriod(current, "2026-06"))).toEqual(["2026-06-15", "2026-07-15"]);
    // A period that starts at the month's first midnight but is not a calendar month stays the subscription's.
    const odd = usagePeriodOf({ start: d("2026-02-01T00:00:00Z"), end: d("2026-02-20T00:00:00Z") });
    expect(odd.source).toBe("subscription");
  });

  it("clamps the anchor day to short months", () => {
    const current = usagePeriodOf({ start: d("2026-03-31T08:00:00Z"), end: d("2026-04-30T08:00:00Z") });
    expect(iso(resolvePeriod(current, "previous"))).toEqual(["2026-02-28", "2026-03-31"]);
    expect(iso(resolvePeriod(current, "2026-06"))).toEqual(["2026-06-30", "2026-07-31"]);
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
