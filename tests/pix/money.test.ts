import { describe, expect, it } from "vitest";
import { PixGatewayError } from "@/lib/pix/errors";
import { minorToDecimal, minorToMajorNumber } from "@/lib/money";
import { assertChargeAmount, formatReais, reaisToCentavos } from "@/lib/pix/money";

// The reais <-> centavos writers moved to lib/money; PIX amounts are BRL.
const centavosToReaisString = (centavos: number) => minorToDecimal(centavos, "BRL");
const centavosToReais = (centavos: number) => minorToMajorNumber(centavos, "BRL");

describe("money", () => {
  it("converts the documented examples", () => {
    expect(centavosToReaisString(1990)).toBe("19.90");
    expect(centavosToReais(1990)).toBe(19.9);
    expect(reaisToCentavos(19.9)).toBe(1990);
    expect(reaisToCentavos("19,90")).toBe(1990);
    expect(reaisToCentavos("19.9")).toBe(1990);
    expect(centavosToReaisString(5)).toBe("0.05");
    expect(centavosToReaisString(-250)).toBe("-2.50");
    expect(formatReais(123456)).toBe("R$ 1234,56");
  });

  it("round-trips every centavo amount up to R$ 200,00 and a spread of large ones without drift", () => {
    const every = Array.from({ length: 20_001 }, (_, i) => i);
    const spread = Array.from({ length: 5_000 }, (_, i) => 20_000 + i * 199_999);
    const amounts = [...every, ...spread, 99_999_999, 1_234_567_891, 9_007_199_254_740];
    for (const c of amounts) {
      const s = centavosToReaisString(c);
      if (!/^\d+\.\d{2}$/.test(s) || reaisToCentavos(s) !== c || reaisToCentavos(centavosToReais(c)) !== c)
        throw new Error(`drift at ${c}: ${s}`);
    }
  });

  it("agrees with naive float maths where that is known to drift", () => {
    expect(Math.floor(19.99 * 100)).toBe(1998); // the bug this module exists for
    expect(reaisToCentavos(19.99)).toBe(1999);
    expect(reaisToCentavos(0.29)).toBe(29);
    expect(reaisToCentavos(1.005 + 0.005)).toBe(101);
  });

  it("rejects more than two decimals and non-numbers", () => {
    for (const bad of [19.999, "19.999", "abc", "", "1e3", Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => reaisToCentavos(bad as number | string)).toThrow(PixGatewayError);
    }
  });

  it("validates charge amounts: positive safe integers at or above the minimum", () => {
    expect(() => assertChargeAmount(50, 50)).not.toThrow();
    const below = (() => {
      try {
        assertChargeAmount(49, 50, "pushinpay");
      } catch (e) {
        return e as PixGatewayError;
      }
    })();
    expect(below?.code).toBe("amount_below_minimum");
    expect(below?.message).toContain("R$ 0,50");
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) {
      expect(() => assertChargeAmount(bad, 1)).toThrow(expect.objectContaining({ code: "invalid_amount" }));
    }
  });
});
