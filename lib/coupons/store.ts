// Store coupons (seller → buyers) at the store's checkouts. A code typed on our pages is checked here
// and its use reserved for the order (so the limit holds while the buyer pays); the reservation is
// confirmed when Stripe says the order is paid, or released when it never will be. A code typed on
// Stripe's hosted page is Stripe's to check; its use is counted when the session completes.
import "server-only";
import type { Coupon, PromotionCode } from "@/generated/prisma/client";
import { prisma, type Tx } from "@/lib/db/client";
import { discountFor } from "./math";
import { recordRedemption, redeemInTx, releaseRedemption } from "./redeem";
import { resolveCode } from "./resolve";
import { assertRedeemable } from "./rules";
import { activateStartedCodes, ensureStripePromotionCode } from "./stripe-mirror";

export type StoreDiscountQuote = {
  couponId: string;
  promotionCodeId: string;
  code: string;
  /** Minor units taken off amountMinor. */
  amountOff: number;
  currency: string;
  /** The promotion code on the store's connected account. */
  stripePromotionCodeId: string;
};

export type StorePurchase = {
  /** Before the discount, minor units. */
  amountMinor: number;
  currency: string;
  productIds: string[];
  customerEmail?: string | null;
};

/** True when the buyer has paid this store before (for first-order-only coupons). */
async function buyerHasPaidOrder(storeId: string, email: string): Promise<boolean> {
  const paid = await prisma.order.count({
    where: {
      storeId,
      customerEmail: email.toLowerCase(),
      status: { in: ["PAID", "REFUNDED", "PARTIALLY_REFUNDED", "DISPUTED"] },
    },
  });
  return paid > 0;
}

/** Checks a code typed for one of the store's purchases and says what it takes off. Nothing is counted. */
export async function quoteStoreDiscount(
  storeId: string,
  code: string,
  purchase: StorePurchase,
): Promise<StoreDiscountQuote> {
  const { coupon, promo } = await resolveCode(storeId, code);
  const firstTime =
    coupon.firstTimeOnly && purchase.customerEmail
      ? !(await buyerHasPaidOrder(storeId, purchase.customerEmail))
      : undefined;
  assertRedeemable(coupon, promo, {
    now: new Date(),
    target: "order",
    currency: purchase.currency,
    amountMinor: purchase.amountMinor,
    productIds: purchase.productIds,
    firstTime,
  });
  return {
    couponId: coupon.id,
    promotionCodeId: promo.id,
    code: promo.code,
    amountOff: discountFor(coupon, purchase.amountMinor, purchase.currency),
    currency: purchase.currency.toUpperCase(),
    stripePromotionCodeId: await ensureStripePromotionCode(coupon, promo),
  };
}

/** True when the store has an active code whose coupon is running now (its pay pages show the code field). */
export async function storeHasRunningCodes(storeId: string, now = new Date()): Promise<boolean> {
  const running = await prisma.promotionCode.count({
    where: {
      scopeKey: storeId,
      active: true,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      coupon: {
        scope: "STORE",
        storeId,
        active: true,
        AND: [
          { OR: [{ validFrom: null }, { validFrom: { lte: now } }] },
          { OR: [{ redeemBy: null }, { redeemBy: { gt: now } }] },
        ],
      },
    },
  });
  return running > 0;
}

/**
 * Whether the store's hosted Checkout should show Stripe's promotion code field: it has running
 * codes. Codes of coupons that started since they were made are switched on in Stripe first (Stripe
 * has no start date).
 */
export async function storeAcceptsPromotionCodes(storeId: string, now = new Date()): Promise<boolean> {
  if (!(await storeHasRunningCodes(storeId, now))) return false;
  await activateStartedCodes({ scope: "STORE", storeId }, now);
  return true;
}

const orderKey = (orderId: string) => `order:${orderId}`;

/**
 * Reserves the quoted code's use for the order (counted against its limits now); any other code
 * reserved for the same order is released, so an order holds at most one.
 */
export async function reserveOrderDiscount(
  tx: Tx,
  input: { storeId: string; orderId: string; quote: StoreDiscountQuote; customerEmail?: string | null },
) {
  await releaseOrderDiscounts(tx, input.orderId, input.quote.couponId);
  return redeemInTx(tx, {
    couponId: input.quote.couponId,
    promotionCodeId: input.quote.promotionCodeId,
    storeId: input.storeId,
    targetType: "order",
    targetId: input.orderId,
    uniqueKey: orderKey(input.orderId),
    amountOff: input.quote.amountOff,
    currency: input.quote.currency,
    customerEmail: input.customerEmail ?? null,
    status: "reserved",
  });
}

/** Gives back every use reserved for the order (but for `keepCouponId`'s). */
export async function releaseOrderDiscounts(tx: Tx, orderId: string, keepCouponId?: string) {
  const reserved = await tx.couponRedemption.findMany({
    where: { targetType: "order", targetId: orderId, status: "reserved" },
    select: { couponId: true, uniqueKey: true },
  });
  for (const r of reserved) if (r.couponId !== keepCouponId) await releaseRedemption(tx, r.couponId, r.uniqueKey);
}

/** The store coupon (and promotion code) behind Stripe ids on the store's connected account. */
async function fromStripeIds(
  storeId: string,
  ids: { coupon: string | null; promotionCode: string | null },
): Promise<{ coupon: Coupon; promo: PromotionCode | null } | null> {
  const promo = ids.promotionCode
    ? await prisma.promotionCode.findFirst({
        where: { stripePromotionCodeId: ids.promotionCode, scopeKey: storeId },
        include: { coupon: true },
      })
    : null;
  if (promo) {
    const { coupon, ...rest } = promo;
    return { coupon, promo: rest };
  }
  if (!ids.coupon) return null;
  const coupon = await prisma.coupon.findFirst({ where: { scope: "STORE", storeId, stripeCouponId: ids.coupon } });
  return coupon ? { coupon, promo: null } : null;
}

export type PaidOrderDiscount = {
  storeId: string;
  orderId: string;
  stripeCouponId: string | null;
  stripePromotionCodeId: string | null;
  amountOff: number;
  currency: string;
  customerEmail?: string | null;
};

/**
 * Counts the discount of a paid order once, from what Stripe says was applied: a reservation is
 * confirmed; a code typed on Stripe's page is counted now. If it was used up meanwhile, the buyer
 * keeps the price Stripe charged and the row is kept as "over_limit" (not counted).
 */
export async function recordPaidOrderDiscount(d: PaidOrderDiscount): Promise<void> {
  const found = await fromStripeIds(d.storeId, { coupon: d.stripeCouponId, promotionCode: d.stripePromotionCodeId });
  if (!found) return;
  await recordRedemption({
    couponId: found.coupon.id,
    promotionCodeId: found.promo?.id ?? null,
    storeId: d.storeId,
    targetType: "order",
    targetId: d.orderId,
    uniqueKey: orderKey(d.orderId),
    amountOff: d.amountOff,
    currency: d.currency,
    customerEmail: d.customerEmail ?? null,
  });
}

/** An order that will never be paid (expired session, canceled PaymentIntent) gives its reserved use back. */
export async function releaseUnpaidOrderDiscount(orderId: string): Promise<void> {
  await prisma.$transaction((tx) => releaseOrderDiscounts(tx, orderId));
}

export type OrderDiscount = {
  couponId: string;
  promotionCodeId: string | null;
  code: string | null;
  amountOff: number;
  currency: string | null;
  status: string;
  stripePromotionCodeId: string | null;
};

/** The discount an order holds (reserved) or was paid with, or null. */
export async function orderDiscount(orderId: string): Promise<OrderDiscount | null> {
  const row = await prisma.couponRedemption.findFirst({
    where: { targetType: "order", targetId: orderId, status: { in: ["reserved", "redeemed", "over_limit"] } },
    include: { promotionCode: true },
    orderBy: { createdAt: "desc" },
  });
  if (!row) return null;
  return {
    couponId: row.couponId,
    promotionCodeId: row.promotionCodeId,
    code: row.promotionCode?.code ?? null,
    amountOff: row.amountOff,
    currency: row.currency,
    status: row.status,
    stripePromotionCodeId: row.promotionCode?.stripePromotionCodeId ?? null,
  };
}
