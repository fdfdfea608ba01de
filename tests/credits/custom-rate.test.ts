import { describe, expect, it } from "vitest";
import { creditsForAmount, customAmountRules } from "@/lib/credits/config";

describe("credits for a custom amount", () => {
  it("is exact for fractional rates where float maths drifts", () => {
    // Math.floor(50000 * 0.29 / 100) is 144 and Math.floor(10000 * 0.57 / 100) is 56 in floats.
    expect(creditsForAmount(50_000, { creditsPerUnit: 0.29, currency: "USD" })).toBe(145);
    expect(creditsForAmount(10_000, { creditsPerUnit: 0.57, currency: "USD" })).toBe(57);
    expect(creditsForAmount(3000, { creditsPerUnit: 2.3, currency: "BRL" })).toBe(69);
    expect(creditsForAmount(2550, { creditsPerUnit: 2, currency: "BRL" })).toBe(51);
    expect(creditsForAmount(1299, { creditsPerUnit: 2.5, currency: "USD" })).toBe(32);
    expect(creditsForAmount(100_000_000, { creditsPerUnit: 1e-7, currency: "USD" })).toBe(0);
    expect(creditsForAmount(100, { creditsPerUnit: 1e21, currency: "USD" })).toBe(1e21);
  });

  it("reads the rate from the environment and keeps the bounds whole minor units", () => {
    const rules = customAmountRules("USD", { CREDITS_PER_UNIT: "0.29", CREDITS_MIN_AMOUNT_USD: "700" });
    expect(rules).toMatchObject({ creditsPerUnit: 0.29, minAmount: 700, maxAmount: 100_000 });
    expect(creditsForAmount(50_000, rules)).toBe(145);
    expect(customAmountRules("USD", { CREDITS_MIN_AMOUNT_USD: "12.5" }).minAmount).toBe(500);
  });
});
