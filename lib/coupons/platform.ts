// Platform coupons (admin → sellers) where sellers pay the platform: the plan Checkout Session
// (platformCheckoutDiscounts, called by lib/billing when a seller subscribes), an existing
// subscription (apply-to-subscription.ts) and credit purchases (credit-purchase.ts).
import { prisma } from "@/lib/db/client";
import { getStripe } from "@/lib/stripe/client";
import { callStripe } from "@/lib/stripe/errors";
import { PLATFORM_SCOPE_KEY } from "./codes";
import { discountFor } from "./math";
import { resolveCode, type ResolvedCode } from "./resolve";
import { assertRedeemable, couponError } from "./rules";
import { ensureStripePromotionCode } from "./stripe-mirror";

export type PlatformCheckoutDiscountsInput = {
  storeId: string;
  planCode: string;
  currency: string;
  interval: "month" | "year";
  code: string;
};

export type PlatformCheckoutDiscounts = {
  discounts: Array<{ coupon: string } | { promotion_code: string }>;
  couponId: string;
  promotionCodeId: string | null;
};

/**
 * True when the store has had a paid plan subscription before: a Stripe subscription remembered on
 * its row, or any subscription of its platform customer in Stripe (canceled ones included).
 */
export async function storeHadPaidSubscription(storeId: string): Promise<boolean> {
  const [sub, store] = await Promise.all([
    prisma.platformSubscription.findUnique({ where: { storeId }, select: { stripeSubscriptionId: true } }),
    prisma.store.findUnique({ where: { id: storeId }, select: { platformCustomerId: true } }),
  ]);
  if (sub?.stripeSubscriptionId) return true;
  if (!store?.platformCustomerId) return false;
  const subs = await callStripe(() =>
    getStripe().subscriptions.list({ customer: store.platformCustomerId!, status: "all", limit: 1 }),
  );
  return subs.data.length > 0;
}

/** A platform code checked for one plan subscription (not yet counted: that happens when Stripe creates it). */
export async function validatePlatformCodeForPlan(input: PlatformCheckoutDiscountsInput): Promise<ResolvedCode> {
  const resolved = await resolveCode(PLATFORM_SCOPE_KEY, input.code);
  const plan = await prisma.platformPlan.findUnique({
    where: { code: input.planCode },
    select: { id: true, amount: true, currency: true },
  });
  const price = plan
    ? await prisma.platformPlanPrice.findUnique({
        where: {
          planId_currency_interval: {
            planId: plan.id,
            currency: input.currency.toUpperCase(),
            interval: input.interval === "year" ? "YEAR" : "MONTH",
          },
        },
        select: { amount: true },
      })
    : null;
  const amountMinor =
    price?.amount ?? (plan && plan.currency.toUpperCase() === input.currency.toUpperCase() ? plan.amount : undefined);
  const firstTime = resolved.coupon.firstTimeOnly ? !(await storeHadPaidSubscription(input.storeId)) : undefined;
  assertRedeemable(resolved.coupon, resolved.promo, {
    now: new Date(),
    target: "subscription",
    currency: input.currency,
    planCode: input.planCode,
    amountMinor,
    firstTime,
  });
  if (amountMinor !== undefined) discountFor(resolved.coupon, amountMinor, input.currency);
  return resolved;
}

/** The discount to put on the plan's Checkout Session, after checking the code for this store and plan. */
export async function platformCheckoutDiscounts(
  input: PlatformCheckoutDiscountsInput,
): Promise<PlatformCheckoutDiscounts> {
  const { coupon, promo } = await validatePlatformCodeForPlan(input);
  if (coupon.scope !== "PLATFORM") throw couponError("coupon_not_found");
  const promotionCode = await ensureStripePromotionCode(coupon, promo);
  return { discounts: [{ promotion_code: promotionCode }], couponId: coupon.id, promotionCodeId: promo.id };
}
