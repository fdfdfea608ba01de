// Whether a coupon (and the promotion code it was typed as) may be redeemed for one purchase. Pure:
// the caller loads the rows and says what is being bought; each refusal has its own stable code.
// Redemption limits are checked here for a clear early answer and enforced again, atomically, when
// the redemption is counted (redeem.ts).
import { AppError, type ErrorCode } from "@/lib/errors";

export type CouponRules = {
  scope: "PLATFORM" | "STORE";
  active: boolean;
  validFrom: Date | null;
  redeemBy: Date | null;
  maxRedemptions: number | null;
  timesRedeemed: number;
  appliesTo: string[];
  firstTimeOnly: boolean;
  appliesToCredits: boolean;
  percentOffBps: number | null;
  amountOff: number | null;
  currency: string | null;
};

export type PromotionCodeRules = {
  active: boolean;
  maxRedemptions: number | null;
  timesRedeemed: number;
  expiresAt: Date | null;
  minimumAmount: number | null;
};

export type Purchase = {
  now: Date;
  /** What is being discounted. */
  target: "subscription" | "credit_purchase" | "order";
  /** The purchase's currency (ISO, any case). */
  currency: string;
  /** The amount before the discount, minor units (for minimum amounts). Unknown for a subscription update. */
  amountMinor?: number;
  /** PLATFORM subscriptions: the plan code. */
  planCode?: string;
  /** STORE orders: our product ids in the purchase. */
  productIds?: string[];
  /** True when this is the customer's first (paid subscription | order). */
  firstTime?: boolean;
};

export const COUPON_MESSAGES: Record<CouponErrorCode, string> = {
  coupon_not_found: "No coupon or promotion code with this code.",
  coupon_inactive: "This code has been deactivated.",
  coupon_not_yet_valid: "This code is not valid yet.",
  coupon_expired: "This code has expired.",
  coupon_exhausted: "This code has been used the maximum number of times.",
  coupon_wrong_plan: "This code does not apply to this plan.",
  coupon_wrong_currency: "This code is for another currency.",
  coupon_first_time_only: "This code is only for a first purchase.",
  coupon_minimum_amount: "The purchase is below this code's minimum amount.",
  coupon_not_applicable: "This code does not apply to this purchase.",
  coupon_no_subscription: "There is no paid subscription to apply this code to.",
};

export type CouponErrorCode = Extract<ErrorCode, `coupon_${string}`>;

export function couponError(code: CouponErrorCode, details?: Record<string, unknown>): AppError {
  return new AppError(code, COUPON_MESSAGES[code], { param: "code", ...(details ? { details } : {}) });
}

/** Throws the first rule the purchase breaks, in the order a person would want to hear it. */
export function assertRedeemable(coupon: CouponRules, promo: PromotionCodeRules | null, purchase: Purchase): void {
  const now = purchase.now.getTime();
  if (!coupon.active || (promo && !promo.active)) throw couponError("coupon_inactive");
  if (coupon.validFrom && now < coupon.validFrom.getTime()) throw couponError("coupon_not_yet_valid");
  if ((coupon.redeemBy && now > coupon.redeemBy.getTime()) || (promo?.expiresAt && now > promo.expiresAt.getTime()))
    throw couponError("coupon_expired");
  if (
    (coupon.maxRedemptions !== null && coupon.timesRedeemed >= coupon.maxRedemptions) ||
    (promo && promo.maxRedemptions !== null && promo.timesRedeemed >= promo.maxRedemptions)
  )
    throw couponError("coupon_exhausted");
  if (coupon.scope === "PLATFORM") {
    if (purchase.target === "credit_purchase" && !coupon.appliesToCredits) throw couponError("coupon_not_applicable");
    if (purchase.target === "order") throw couponError("coupon_not_applicable");
    if (purchase.target === "subscription" && coupon.appliesTo.length > 0) {
      if (!purchase.planCode || !coupon.appliesTo.includes(purchase.planCode)) throw couponError("coupon_wrong_plan");
    }
  } else {
    if (purchase.target !== "order") throw couponError("coupon_not_applicable");
    if (coupon.appliesTo.length > 0 && purchase.productIds) {
      if (!purchase.productIds.some((id) => coupon.appliesTo.includes(id))) throw couponError("coupon_not_applicable");
    }
  }
  if (coupon.amountOff !== null && coupon.currency && coupon.currency.toUpperCase() !== purchase.currency.toUpperCase())
    throw couponError("coupon_wrong_currency");
  if (promo?.minimumAmount != null && purchase.amountMinor !== undefined && purchase.amountMinor < promo.minimumAmount)
    throw couponError("coupon_minimum_amount", { minimum_amount: promo.minimumAmount });
  if (coupon.firstTimeOnly && purchase.firstTime === false) throw couponError("coupon_first_time_only");
}
