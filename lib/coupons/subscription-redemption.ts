// A plan subscription created through Checkout with a platform code: the use is counted when Stripe
// reports the subscription (customer.subscription.created/updated, invoice.paid), from the discounts
// Stripe applied, re-read from Stripe rather than taken from the event.
import "server-only";
import type Stripe from "stripe";
import { prisma } from "@/lib/db/client";
import { getStripe } from "@/lib/stripe/client";
import { callStripe } from "@/lib/stripe/errors";
import { PLATFORM_SCOPE_KEY } from "./codes";
import { discountFor } from "./math";
import { recordRedemption } from "./redeem";

const idOf = (v: string | { id: string } | null | undefined) => (typeof v === "string" ? v : (v?.id ?? null));

/** Counts the platform coupon on a seller's plan subscription once (keyed on the subscription). */
export async function recordSubscriptionRedemption(subscriptionId: string): Promise<void> {
  const sub = await callStripe(() => getStripe().subscriptions.retrieve(subscriptionId, { expand: ["discounts"] }));
  const storeId = sub.metadata?.storeId;
  if (!storeId) return;
  for (const d of sub.discounts ?? []) {
    if (typeof d === "string") continue;
    await recordDiscount(storeId, sub, d);
  }
}

async function recordDiscount(storeId: string, sub: Stripe.Subscription, d: Stripe.Discount) {
  const stripePromo = idOf(d.promotion_code as string | { id: string } | null);
  const stripeCoupon = idOf(d.source?.coupon as string | { id: string } | null | undefined);
  const promo = stripePromo
    ? await prisma.promotionCode.findFirst({
        where: { stripePromotionCodeId: stripePromo, scopeKey: PLATFORM_SCOPE_KEY },
        include: { coupon: true },
      })
    : null;
  const coupon =
    promo?.coupon ??
    (stripeCoupon
      ? await prisma.coupon.findFirst({ where: { scope: "PLATFORM", stripeCouponId: stripeCoupon } })
      : null);
  if (!coupon) return;
  const item = sub.items.data[0];
  const periodAmount = (item?.price.unit_amount ?? 0) * (item?.quantity ?? 1);
  const currency = sub.currency.toUpperCase();
  const amountOff =
    coupon.amountOff !== null && coupon.currency?.toUpperCase() !== currency
      ? 0
      : discountFor(coupon, periodAmount, currency);
  await recordRedemption({
    couponId: coupon.id,
    promotionCodeId: promo?.id ?? null,
    storeId,
    targetType: "subscription",
    targetId: sub.id,
    uniqueKey: `subscription:${sub.id}`,
    amountOff,
    currency,
  });
  await prisma.platformSubscription.updateMany({
    where: { storeId, stripeSubscriptionId: sub.id, couponId: { not: coupon.id } },
    data: { couponId: coupon.id },
  });
}
