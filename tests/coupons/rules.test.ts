// The pure rules: what a coupon takes off (percent half-up on integers, fixed amounts only in their
// currency) and which stable error each refusal gets.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { bpsToPercent, normalizeCode } from "@/lib/coupons/codes";
import { discountFor, percentDiscount } from "@/lib/coupons/math";
import { assertRedeemable, type CouponRules, type Purchase, type PromotionCodeRules } from "@/lib/coupons/rules";
import { AppError } from "@/lib/errors";

const now = new Date("2026-03-10T12:00:00Z");
const coupon = (over: Partial<CouponRules> = {}): CouponRules => ({
  scope: "PLATFORM",
  active: true,
  validFrom: null,
  redeemBy: null,
  maxRedemptions: null,
  timesRedeemed: 0,
  appliesTo: [],
  firstTimeOnly: false,
  appliesToCredits: false,
  percentOffBps: 1000,
  amountOff: null,
  currency: null,
  ...over,
});
const promo = (over: Partial<PromotionCodeRules> = {}): PromotionCodeRules => ({
  active: true,
  maxRedemptions: null,
  timesRedeemed: 0,
  expiresAt: null,
  minimumAmount: null,
  ...over,
});
const plan: Purchase = { now, target: "subscription", currency: "BRL", planCode: "starter", amountMinor: 4900 };

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
}

describe("discount maths", () => {
  it("rounds a percent half up to the minor unit", () => {
    expect(percentDiscount(999, 1250)).toBe(125); // 124.875
    expect(percentDiscount(1000, 1250)).toBe(125);
    expect(percentDiscount(4, 1250)).toBe(1); // 0.5 → 1
    expect(percentDiscount(3, 1250)).toBe(0); // 0.375 → 0
    expect(percentDiscount(4990, 3333)).toBe(1663); // 1663.167
    expect(percentDiscount(1999, 5000)).toBe(1000); // 999.5 → 1000
  });

  it("never takes off more than the amount, nor a fraction of a minor unit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000 }), (amount, bps) => {
        const off = discountFor({ percentOffBps: bps, amountOff: null, currency: null }, amount, "BRL");
        expect(Number.isInteger(off)).toBe(true);
        expect(off).toBeGreaterThanOrEqual(0);
        expect(off).toBeLessThanOrEqual(amount);
        // Within half a minor unit of the exact value: |off × 10000 − amount × bps| ≤ 5000.
        expect(Math.abs(off * 10_000 - amount * bps)).toBeLessThanOrEqual(5000);
      }),
    );
  });

  it("takes a fixed amount only off its own currency, capped at the amount", () => {
    const fixed = { percentOffBps: null, amountOff: 1500, currency: "BRL" };
    expect(discountFor(fixed, 4900, "BRL")).toBe(1500);
    expect(discountFor(fixed, 1000, "brl")).toBe(1000);
    expect(codeOf(() => discountFor(fixed, 4900, "USD"))).toBe("coupon_wrong_currency");
  });

  it("turns basis points into Stripe's percent without float division", () => {
    expect(bpsToPercent(1250)).toBe(12.5);
    expect(bpsToPercent(1000)).toBe(10);
    expect(bpsToPercent(5)).toBe(0.05);
    expect(bpsToPercent(10_000)).toBe(100);
  });

  it("compares codes upper-cased and trimmed", () => {
    expect(normalizeCode("  bemvindo10 ")).toBe("BEMVINDO10");
    expect(normalizeCode("ilimitado")).toBe("ILIMITADO");
  });
});

describe("who may redeem", () => {
  it("accepts a running code for its plan", () => {
    expect(codeOf(() => assertRedeemable(coupon({ appliesTo: ["starter"] }), promo(), plan))).toBeNull();
  });

  it.each([
    ["coupon_inactive", coupon({ active: false }), promo(), plan],
    ["coupon_inactive", coupon(), promo({ active: false }), plan],
    ["coupon_not_yet_valid", coupon({ validFrom: new Date("2026-03-11T00:00:00Z") }), promo(), plan],
    ["coupon_expired", coupon({ redeemBy: new Date("2026-03-10T11:59:59Z") }), promo(), plan],
    ["coupon_expired", coupon(), promo({ expiresAt: new Date("2026-03-01T00:00:00Z") }), plan],
    ["coupon_exhausted", coupon({ maxRedemptions: 10, timesRedeemed: 10 }), promo(), plan],
    ["coupon_exhausted", coupon(), promo({ maxRedemptions: 1, timesRedeemed: 1 }), plan],
    ["coupon_wrong_plan", coupon({ appliesTo: ["pro"] }), promo(), plan],
    ["coupon_wrong_currency", coupon({ percentOffBps: null, amountOff: 500, currency: "USD" }), promo(), plan],
    ["coupon_minimum_amount", coupon(), promo({ minimumAmount: 5000 }), plan],
    ["coupon_first_time_only", coupon({ firstTimeOnly: true }), promo(), { ...plan, firstTime: false }],
    ["coupon_not_applicable", coupon(), promo(), { ...plan, target: "credit_purchase" as const }],
    ["coupon_not_applicable", coupon({ scope: "STORE" }), promo(), plan],
    [
      "coupon_not_applicable",
      coupon({ scope: "STORE", appliesTo: ["prod_a"] }),
      promo(),
      { now, target: "order" as const, currency: "BRL", amountMinor: 100, productIds: ["prod_b"] },
    ],
  ])("refuses with %s", (expected, c, p, purchase) => {
    expect(codeOf(() => assertRedeemable(c, p, purchase))).toBe(expected);
  });

  it("lets a platform coupon discount credits only when it says so", () => {
    const credits = { now, target: "credit_purchase" as const, currency: "USD", amountMinor: 1000 };
    expect(codeOf(() => assertRedeemable(coupon({ appliesToCredits: true }), promo(), credits))).toBeNull();
  });

  it("accepts a first-time coupon on a first subscription, and exactly at the minimum amount", () => {
    expect(
      codeOf(() =>
        assertRedeemable(coupon({ firstTimeOnly: true }), promo({ minimumAmount: 4900 }), {
          ...plan,
          firstTime: true,
        }),
      ),
    ).toBeNull();
  });
});
