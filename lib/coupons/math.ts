// What a coupon takes off one amount, in integer minor units. Percent coupons round half up to the
// minor unit (as Stripe does); amount coupons must be in the amount's currency and never take off
// more than the amount.
import { AppError } from "@/lib/errors";

export type CouponTerms = { percentOffBps: number | null; amountOff: number | null; currency: string | null };

/** round_half_up(amountMinor × bps / 10000) on BigInt. */
export function percentDiscount(amountMinor: number, bps: number): number {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0) throw new RangeError("amount must be whole minor units");
  return Number((2n * BigInt(amountMinor) * BigInt(bps) + 10000n) / 20000n);
}

/** The discount on `amountMinor` of `currency`; throws coupon_wrong_currency for a fixed amount in another one. */
export function discountFor(coupon: CouponTerms, amountMinor: number, currency: string): number {
  if (coupon.percentOffBps !== null) return Math.min(amountMinor, percentDiscount(amountMinor, coupon.percentOffBps));
  if (coupon.amountOff === null || !coupon.currency) return 0;
  if (coupon.currency.toUpperCase() !== currency.toUpperCase())
    throw new AppError(
      "coupon_wrong_currency",
      `This coupon is in ${coupon.currency.toUpperCase()} and cannot discount ${currency.toUpperCase()}.`,
      { param: "code" },
    );
  return Math.min(amountMinor, coupon.amountOff);
}
