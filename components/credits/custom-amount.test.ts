import { describe, expect, it } from "vitest";
import { checkCustomAmount, creditsFor } from "./custom-amount";

const usd = { creditsPerUnit: 10, minAmount: 500, maxAmount: 100000, currency: "USD" };
const brl = { creditsPerUnit: 2, minAmount: 1000, maxAmount: 500000, currency: "BRL" };

describe("custom credit amount", () => {
  it("previews credits at the rate per major unit, rounded down", () => {
    expect(creditsFor(1000, usd)).toBe(100);
    expect(creditsFor(1299, usd)).toBe(129);
    expect(creditsFor(2550, brl)).toBe(51);
  });

  it("reads the amount in the seller's locale and keeps it within the bounds", () => {
    expect(checkCustomAmount("25,50", brl, "pt-BR")).toEqual({ ok: true, amount: 2550, credits: 51 });
    expect(checkCustomAmount("12.99", usd, "en")).toEqual({ ok: true, amount: 1299, credits: 129 });
    expect(checkCustomAmount("4.99", usd, "en")).toEqual({ ok: false, reason: "range" });
    expect(checkCustomAmount("1000.01", usd, "en")).toEqual({ ok: false, reason: "range" });
    expect(checkCustomAmount("", usd, "en")).toEqual({ ok: false, reason: "empty" });
    expect(checkCustomAmount("1e3", usd, "en")).toEqual({ ok: false, reason: "format" });
    expect(checkCustomAmount("10.001", usd, "en")).toEqual({ ok: false, reason: "decimals" });
  });
});
