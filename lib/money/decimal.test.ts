import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  amountToInput,
  decimalToMinor,
  formatMoney,
  majorNumberToMinor,
  minorToDecimal,
  minorUnitDigits,
  parseAmount,
} from "./index";

const minorAmount = fc.integer({ min: -1e12, max: 1e12 });
const currency = fc.constantFrom("BRL", "USD", "EUR", "JPY", "CLP");
const locale = fc.constantFrom("pt-BR", "en", "en-US");

describe("minorToDecimal / decimalToMinor", () => {
  it("writes exact decimal text per currency", () => {
    expect(minorToDecimal(1990, "BRL")).toBe("19.90");
    expect(minorToDecimal(5, "usd")).toBe("0.05");
    expect(minorToDecimal(-5, "USD")).toBe("-0.05");
    expect(minorToDecimal(500, "JPY")).toBe("500");
    expect(() => minorToDecimal(19.9, "BRL")).toThrow(RangeError);
  });

  it("reads decimal text exactly, refusing hidden extra decimals unless asked to round half-up", () => {
    expect(decimalToMinor("19.9", "BRL")).toBe(1990);
    expect(decimalToMinor("1.15", "USD")).toBe(115);
    expect(decimalToMinor("19.900", "BRL")).toBe(1990);
    expect(decimalToMinor("19.905", "BRL")).toBeNull();
    expect(decimalToMinor("19.905", "BRL", "half-up")).toBe(1991);
    expect(decimalToMinor("0.50", "JPY", "half-up")).toBe(1);
    expect(decimalToMinor("0.49", "JPY", "half-up")).toBe(0);
    expect(decimalToMinor("-3.10", "BRL")).toBe(-310);
    expect(decimalToMinor("19,90", "BRL")).toBeNull();
    expect(decimalToMinor("1e3", "BRL")).toBeNull();
    expect(decimalToMinor("99999999999999999999", "BRL")).toBeNull();
  });

  it("round-trips every amount in every currency", () => {
    fc.assert(
      fc.property(minorAmount, currency, (minor, cur) => decimalToMinor(minorToDecimal(minor, cur), cur) === minor),
    );
  });

  it("reads JSON numbers from gateways as the decimal the sender meant", () => {
    expect(majorNumberToMinor(19.9, "BRL")).toBe(1990);
    expect(majorNumberToMinor(0.1 + 0.2, "BRL")).toBe(30);
    expect(majorNumberToMinor(4.35, "BRL")).toBe(435);
    expect(majorNumberToMinor(19.905, "BRL")).toBeNull();
    expect(majorNumberToMinor(Number.NaN, "BRL")).toBeNull();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e11 }),
        (minor) => majorNumberToMinor(Number(minorToDecimal(minor, "BRL")), "BRL") === minor,
      ),
    );
  });
});

describe("formatMoney / amountToInput", () => {
  it("formats per locale from the exact decimal", () => {
    expect(formatMoney(1990, "BRL", "pt-BR")).toBe("R$\u00a019,90");
    expect(formatMoney(129990, "USD", "en")).toBe("$1,299.90");
    expect(formatMoney(500, "JPY", "en")).toBe("¥500");
    // 2^53 - 1 centavos: dividing by 100 as a float would print …740.99 as …741
    expect(formatMoney(Number.MAX_SAFE_INTEGER, "BRL", "pt-BR")).toBe("R$\u00a090.071.992.547.409,91");
  });

  it("what a person would type back parses to the same amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 }), currency, locale, (minor, cur, loc) => {
        const parsed = parseAmount(amountToInput(minor, cur, loc), cur, loc);
        return parsed.ok && parsed.minor === minor && minorUnitDigits(cur) >= 0;
      }),
    );
  });
});
