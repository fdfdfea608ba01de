// Every coupon refusal the API can answer has its own message in English and in Portuguese, so the
// dashboard and the pay page never fall back to the API's English text for a buyer in pt-BR.
import { describe, expect, it } from "vitest";
import coupons from "@/lib/i18n/messages/coupons";
import { ERROR_STATUS } from "@/lib/errors";
import { COUPON_MESSAGES } from "@/lib/coupons/rules";

const codes = Object.keys(ERROR_STATUS).filter((c) => c.startsWith("coupon_"));

describe("coupon error messages", () => {
  it("covers each coupon_* code in both languages, each its own text", () => {
    expect(codes.length).toBeGreaterThanOrEqual(11);
    const en = coupons.en.errors as Record<string, string>;
    const pt = coupons["pt-BR"].errors as Record<string, string>;
    for (const code of codes) {
      expect([code, typeof en[code]]).toEqual([code, "string"]);
      expect([code, typeof pt[code]]).toEqual([code, "string"]);
      expect([code, en[code] === pt[code]]).toEqual([code, false]);
      expect(COUPON_MESSAGES[code as keyof typeof COUPON_MESSAGES]).toBeTruthy();
    }
    expect(new Set(codes.map((c) => en[c])).size).toBe(codes.length);
    expect(new Set(codes.map((c) => pt[c])).size).toBe(codes.length);
  });
});
