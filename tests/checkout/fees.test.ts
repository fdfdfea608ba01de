import { describe, expect, it } from "vitest";
import {
  applicationFeeAmount,
  applicationFeePercent,
  defaultFeeRate,
  majorToMinor,
  percentPart,
} from "@/lib/checkout/fees";

describe("platform fee maths", () => {
  it("takes a percentage in basis points, rounded half-up to the minor unit", () => {
    expect(percentPart(10_000, 250)).toBe(250); // 2.5% of 100.00
    expect(percentPart(1990, 250)).toBe(50); // 49.75 → 50
    expect(percentPart(1980, 250)).toBe(50); // 49.5 → 50 (half-up)
    expect(percentPart(1979, 250)).toBe(49); // 49.475 → 49
    expect(percentPart(1, 250)).toBe(0);
    expect(percentPart(0, 250)).toBe(0);
  });

  it("adds the fixed part converted to the sale currency, exactly", () => {
    expect(majorToMinor("0.50", "BRL")).toBe(50);
    expect(majorToMinor("0.3", "USD")).toBe(30);
    expect(majorToMinor("1.005", "USD")).toBe(101);
    expect(majorToMinor("0.50", "JPY")).toBe(1);
    expect(majorToMinor("0.49", "JPY")).toBe(0);
    expect(majorToMinor("30", "JPY")).toBe(30);
    expect(applicationFeeAmount(8990, "BRL", { percentBps: 250, fixed: "0.50" })).toBe(225 + 50);
    expect(applicationFeeAmount(1000, "JPY", { percentBps: 350, fixed: "30" })).toBe(35 + 30);
  });

  it("never takes more than the sale", () => {
    expect(applicationFeeAmount(40, "BRL", { percentBps: 250, fixed: "0.50" })).toBe(40);
    expect(applicationFeeAmount(5000, "USD", { percentBps: 10_000, fixed: "0" })).toBe(5000);
  });

  it("is exact for large amounts (no float drift)", () => {
    expect(percentPart(99_999_999_999, 299)).toBe(2_990_000_000);
    for (let a = 0; a < 5000; a += 7)
      expect(Number.isInteger(applicationFeeAmount(a, "BRL", { percentBps: 333, fixed: "0.01" }))).toBe(true);
  });

  it("gives subscriptions a percent with two decimals", () => {
    expect(applicationFeePercent({ percentBps: 250, fixed: "0.50" })).toBe(2.5);
    expect(applicationFeePercent({ percentBps: 1234, fixed: "0" })).toBe(12.34);
  });

  it("reads the default rate from the environment and refuses nonsense", () => {
    expect(defaultFeeRate({})).toEqual({ percentBps: 250, fixed: "0" });
    expect(defaultFeeRate({ PLATFORM_FEE_PERCENT: "3.99", PLATFORM_FEE_FIXED: "0.39" })).toEqual({
      percentBps: 399,
      fixed: "0.39",
    });
    expect(defaultFeeRate({ PLATFORM_FEE_PERCENT: "10" })).toEqual({ percentBps: 1000, fixed: "0" });
    expect(() => defaultFeeRate({ PLATFORM_FEE_PERCENT: "abc" })).toThrow(/PLATFORM_FEE_PERCENT/);
    expect(() => defaultFeeRate({ PLATFORM_FEE_PERCENT: "150" })).toThrow();
    expect(() => applicationFeeAmount(-1, "BRL", { percentBps: 1, fixed: "0" })).toThrow();
    expect(() => applicationFeeAmount(1.5, "BRL", { percentBps: 1, fixed: "0" })).toThrow();
  });
});
