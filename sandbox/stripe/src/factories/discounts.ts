/** Coupons, promotion codes and discounts (the application of a coupon to a subscription). */
import type Stripe from "stripe";
import { newId, randomToken } from "../ids";

export type CouponInput = {
  id?: string;
  percent_off?: number;
  amount_off?: number;
  currency?: string;
  currency_options?: Record<string, { amount_off: number }>;
  duration: Stripe.Coupon.Duration;
  duration_in_months?: number;
  max_redemptions?: number;
  redeem_by?: number;
  applies_to?: { products: string[] };
  name?: string;
  metadata: Record<string, string>;
};

/** `applies_to` and `currency_options` are includable: stripped from responses unless expanded. */
export function couponObject(input: CouponInput, now: number): Stripe.Coupon {
  const coupon: Stripe.Coupon = {
    id: input.id ?? randomToken(8),
    object: "coupon",
    amount_off: input.amount_off ?? null,
    created: now,
    currency: input.currency ?? null,
    duration: input.duration,
    duration_in_months: input.duration === "repeating" ? (input.duration_in_months ?? null) : null,
    livemode: false,
    max_redemptions: input.max_redemptions ?? null,
    metadata: input.metadata,
    name: input.name ?? null,
    percent_off: input.percent_off ?? null,
    redeem_by: input.redeem_by ?? null,
    times_redeemed: 0,
    valid: true,
  };
  coupon.applies_to = { products: input.applies_to?.products ?? [] };
  if (input.currency_options) coupon.currency_options = input.currency_options;
  return coupon;
}

export type PromotionCodeInput = {
  coupon: string;
  code?: string;
  customer?: string;
  expires_at?: number;
  max_redemptions?: number;
  metadata: Record<string, string>;
  restrictions?: {
    first_time_transaction?: boolean;
    minimum_amount?: number;
    minimum_amount_currency?: string;
    currency_options?: Record<string, { minimum_amount?: number }>;
  };
};

export function promotionCodeObject(input: PromotionCodeInput, now: number): Stripe.PromotionCode {
  const r = input.restrictions ?? {};
  const restrictions: Stripe.PromotionCode.Restrictions = {
    first_time_transaction: r.first_time_transaction ?? false,
    minimum_amount: r.minimum_amount ?? null,
    minimum_amount_currency: r.minimum_amount_currency?.toLowerCase() ?? null,
  };
  if (r.currency_options)
    restrictions.currency_options = Object.fromEntries(
      Object.entries(r.currency_options).map(([cur, o]) => [
        cur.toLowerCase(),
        { minimum_amount: o.minimum_amount ?? 0 },
      ]),
    );
  return {
    id: newId("promo"),
    object: "promotion_code",
    active: true,
    code: input.code ?? randomToken(8).toUpperCase(),
    created: now,
    customer: input.customer ?? null,
    customer_account: null,
    expires_at: input.expires_at ?? null,
    livemode: false,
    max_redemptions: input.max_redemptions ?? null,
    metadata: input.metadata,
    promotion: { coupon: input.coupon, type: "coupon" },
    restrictions,
    times_redeemed: 0,
  };
}

export type DiscountInput = {
  coupon: string;
  promotionCode: string | null;
  customer: string | null;
  subscription: string | null;
  checkoutSession: string | null;
  start: number;
  end: number | null;
};

export function discountObject(input: DiscountInput): Stripe.Discount {
  return {
    id: newId("di"),
    object: "discount",
    checkout_session: input.checkoutSession,
    customer: input.customer,
    customer_account: null,
    end: input.end,
    invoice: null,
    invoice_item: null,
    promotion_code: input.promotionCode,
    source: { coupon: input.coupon, type: "coupon" },
    start: input.start,
    subscription: input.subscription,
    subscription_item: null,
  };
}
