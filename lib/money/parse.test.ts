import { describe, expect, it } from "vitest";
import { amountToInput, parseAmount } from "./index";

const minor = (input: string, locale: "pt-BR" | "en", currency = "BRL") => {
  const r = parseAmount(input, currency, locale);
  return r.ok ? r.minor : r.reason;
};

describe("parseAmount", () => {
  it("reads the locale's decimal mark exactly, without floating point", () => {
    expect(minor("89,90", "pt-BR")).toBe(8990);
    expect(minor("89.90", "en")).toBe(8990);
    expect(minor("0,29", "pt-BR")).toBe(29);
    expect(minor("1.15", "en")).toBe(115); // 1.15 * 100 is 114.99999999999999 in floats
    expect(minor("4.35", "en")).toBe(435);
    expect(minor("89", "pt-BR")).toBe(8900);
    expect(minor("89,9", "pt-BR")).toBe(8990);
    expect(minor(",5", "pt-BR")).toBe(50);
  });

  it("accepts thousands separators and a currency prefix", () => {
    expect(minor("1.299,90", "pt-BR")).toBe(129990);
    expect(minor("1,299.90", "en")).toBe(129990);
    expect(minor("R$ 1.000", "pt-BR")).toBe(100000);
    expect(minor("12.345.678,00", "pt-BR")).toBe(1234567800);
  });

  it("reads a lone foreign mark with one or two digits as decimals", () => {
    expect(minor("89.90", "pt-BR")).toBe(8990);
    expect(minor("89,90", "en")).toBe(8990);
  });

  it("refuses what it cannot read unambiguously", () => {
    expect(minor("", "pt-BR")).toBe("empty");
    expect(minor("abc", "en")).toBe("format");
    expect(minor("89,999", "pt-BR")).toBe("decimals");
    expect(minor("1,2,3", "pt-BR")).toBe("format");
    expect(minor("1.29.0", "en")).toBe("format");
    expect(minor("-5", "en")).toBe("format");
    expect(minor(".", "en")).toBe("format");
  });

  it("handles zero-decimal currencies", () => {
    expect(minor("1.500", "pt-BR", "JPY")).toBe(1500);
    expect(minor("15,5", "pt-BR", "JPY")).toBe("decimals");
  });
});

describe("amountToInput", () => {
  it("round-trips with parseAmount", () => {
    expect(amountToInput(8990, "BRL", "pt-BR")).toBe("89,90");
    expect(amountToInput(5, "USD", "en")).toBe("0.05");
    for (const n of [50, 999, 8990, 129990]) {
      const r = parseAmount(amountToInput(n, "EUR", "en"), "EUR", "en");
      expect(r).toEqual({ ok: true, minor: n });
    }
  });
});
