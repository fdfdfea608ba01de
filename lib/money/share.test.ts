import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { majorNumberToMinor, minorPerMajor, minorToMajorNumber, shareOf } from "./index";

describe("minorPerMajor / minorToMajorNumber", () => {
  it("knows the size of a major unit and writes JSON numbers from the exact decimal", () => {
    expect(minorPerMajor("BRL")).toBe(100);
    expect(minorPerMajor("jpy")).toBe(1);
    expect(minorToMajorNumber(1990, "BRL")).toBe(19.9);
    expect(minorToMajorNumber(500, "JPY")).toBe(500);
    expect(() => minorToMajorNumber(19.9, "BRL")).toThrow(RangeError);
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), (minor) =>
        Object.is(majorNumberToMinor(minorToMajorNumber(minor, "BRL"), "BRL"), minor === 0 ? 0 : minor),
      ),
    );
  });
});

describe("shareOf", () => {
  it("floors an exact integer share", () => {
    expect(shareOf(1999, 15, 100)).toBe(299);
    expect(shareOf(100, 29, 100)).toBe(29);
    expect(shareOf(Number.MAX_SAFE_INTEGER, 100, 100)).toBe(Number.MAX_SAFE_INTEGER);
    expect(shareOf(7, 2, 3)).toBe(4);
    expect(() => shareOf(10.5, 1, 2)).toThrow(RangeError);
    expect(() => shareOf(10, 1, 0)).toThrow(RangeError);
  });

  it("never exceeds the amount and matches exact rational flooring", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 100 }), (amount, pct) => {
        const share = shareOf(amount, pct, 100);
        return share <= amount && share * 100 <= amount * pct && (share + 1) * 100 > amount * pct;
      }),
    );
  });
});
