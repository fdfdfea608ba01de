// POST /api/v1/coupons/apply: a platform code on the store's running plan subscription. The use is
// reserved first (so the limit holds under concurrency), then Stripe's subscription gets the discount
// (idempotent on the reservation), then the reservation is confirmed; if Stripe refuses, it is
// released and the use given back. Applying the same code again is answered with the same result.
import "server-only";
import type Stripe from "stripe";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { getStripe } from "@/lib/stripe/client";
import { callStripe } from "@/lib/stripe/errors";
import { PLATFORM_SCOPE_KEY } from "./codes";
import { discountFor } from "./math";
import { confirmRedemption, redeem, releaseRedemption } from "./redeem";
import { resolveCode } from "./resolve";
import { assertRedeemable, couponError } from "./rules";
import { ensureStripePromotionCode } from "./stripe-mirror";

const RUNNING = ["active", "trialing", "past_due"];

export type AppliedCoupon = {
  couponId: string;
  code: string;
  subscriptionId: string;
  /** What the code takes off one period of the current price (minor units of currency). */
  amountOff: number;
  currency: string;
  duration: "once" | "repeating" | "forever";
  durationInMonths: number | null;
  alreadyApplied: boolean;
};

async function customerSubscriptionCount(customerId: string): Promise<number> {
  const subs = await callStripe(() =>
    getStripe().subscriptions.list({ customer: customerId, status: "all", limit: 3 }),
  );
  return subs.data.length;
}

export async function applyCouponToSubscription(
  storeId: string,
  code: string,
  audit: AuditContext,
): Promise<AppliedCoupon> {
  const sub = await prisma.platformSubscription.findUnique({ where: { storeId }, include: { plan: true } });
  if (!sub?.stripeSubscriptionId || !RUNNING.includes(sub.status)) throw couponError("coupon_no_subscription");
  const { coupon, promo } = await resolveCode(PLATFORM_SCOPE_KEY, code);
  const stripeSub = await callStripe(() => getStripe().subscriptions.retrieve(sub.stripeSubscriptionId!));
  const item = stripeSub.items.data[0];
  const currency = stripeSub.currency.toUpperCase();
  const periodAmount = (item?.price.unit_amount ?? 0) * (item?.quantity ?? 1);
  const uniqueKey = `subscription:${stripeSub.id}`;
  const prior = await prisma.couponRedemption.findUnique({
    where: { couponId_uniqueKey: { couponId: coupon.id, uniqueKey } },
  });
  const result = (alreadyApplied: boolean, amountOff: number): AppliedCoupon => ({
    couponId: coupon.id,
    code: promo.code,
    subscriptionId: stripeSub.id,
    amountOff,
    currency,
    duration: coupon.duration.toLowerCase() as AppliedCoupon["duration"],
    durationInMonths: coupon.durationInMonths,
    alreadyApplied,
  });
  if (prior?.status === "redeemed") return result(true, prior.amountOff);
  if (prior?.status !== "reserved") {
    const firstTime = coupon.firstTimeOnly
      ? (await customerSubscriptionCount(String(stripeSub.customer))) <= 1
      : undefined;
    assertRedeemable(coupon, promo, {
      now: new Date(),
      target: "subscription",
      currency,
      planCode: sub.plan.code,
      amountMinor: periodAmount,
      firstTime,
    });
  }
  const amountOff = discountFor(coupon, periodAmount, currency);
  const { redemption } = await redeem({
    couponId: coupon.id,
    promotionCodeId: promo.id,
    storeId,
    targetType: "subscription",
    targetId: stripeSub.id,
    uniqueKey,
    amountOff,
    currency,
    status: "reserved",
  });
  if (redemption.status === "redeemed") return result(true, redemption.amountOff);
  let updated: Stripe.Subscription;
  try {
    // The promotion code carries Stripe's own limits (platform codes have no Stripe "first time" rule).
    const discount = { promotion_code: await ensureStripePromotionCode(coupon, promo) };
    updated = await callStripe(() =>
      getStripe().subscriptions.update(
        stripeSub.id,
        { discounts: [discount] },
        { idempotencyKey: `vitrine:coupon-apply:${redemption.id}` },
      ),
    );
  } catch (err) {
    await prisma.$transaction((tx) => releaseRedemption(tx, coupon.id, uniqueKey));
    throw err;
  }
  await prisma.$transaction(async (tx) => {
    await confirmRedemption(tx, coupon.id, uniqueKey, amountOff);
    await tx.platformSubscription.update({ where: { storeId }, data: { couponId: coupon.id } });
    await appendAudit(tx, audit, {
      action: "coupon.applied_to_subscription",
      storeId,
      target: { type: "subscription", id: updated.id },
      before: { couponId: sub.couponId },
      after: { couponId: coupon.id, code: promo.code, amountOff, currency, plan: sub.plan.code },
    });
  });
  return result(false, amountOff);
}
