// A platform coupon on a credit purchase: the PaymentIntent is for the discounted amount, the credits
// granted are the package's (or the custom amount's) unchanged. The use is reserved with the purchase
// (same transaction), confirmed when the payment succeeds and released if the purchase is canceled.
import "server-only";
import { prisma, type Tx } from "@/lib/db/client";
import { normalizeCode, PLATFORM_SCOPE_KEY } from "./codes";
import { discountFor } from "./math";
import { confirmRedemption, redeemInTx, releaseRedemption } from "./redeem";
import { resolveCode } from "./resolve";
import { assertRedeemable, couponError } from "./rules";

export type CreditDiscount = {
  couponId: string;
  promotionCodeId: string;
  code: string;
  /** The price before the discount and the discount, minor units of currency. */
  amountSubtotal: number;
  amountOff: number;
  /** What the PaymentIntent charges. */
  amountDue: number;
  currency: string;
};

const purchaseKey = (purchaseId: string) => `credit_purchase:${purchaseId}`;

/** Checks a platform code for a credit purchase of amountMinor and says what is charged. Nothing is counted. */
export async function quoteCreditDiscount(
  storeId: string,
  code: string,
  amountMinor: number,
  currency: string,
): Promise<CreditDiscount> {
  const { coupon, promo } = await resolveCode(PLATFORM_SCOPE_KEY, code);
  const firstTime = coupon.firstTimeOnly
    ? (await prisma.creditPurchase.count({ where: { storeId, status: "SUCCEEDED" } })) === 0
    : undefined;
  assertRedeemable(coupon, promo, {
    now: new Date(),
    target: "credit_purchase",
    currency,
    amountMinor,
    firstTime,
  });
  const amountOff = discountFor(coupon, amountMinor, currency);
  // A card payment needs something to charge: a code that would make it free does not apply.
  if (amountMinor - amountOff < 1) throw couponError("coupon_not_applicable");
  return {
    couponId: coupon.id,
    promotionCodeId: promo.id,
    code: promo.code,
    amountSubtotal: amountMinor,
    amountOff,
    amountDue: amountMinor - amountOff,
    currency: currency.toUpperCase(),
  };
}

/**
 * The discount for a purchase request: quoted for a new purchase; for a repeated request (same
 * Idempotency-Key) the one recorded with the purchase, so a code used up by that very purchase
 * still answers the same. A different code on a repeated request changes the amount (a 409 upstream).
 */
export async function creditPurchaseDiscount(
  storeId: string,
  code: string,
  amountMinor: number,
  currency: string,
  existing: { id: string; amount: number } | null,
): Promise<CreditDiscount> {
  if (existing) {
    const row = await prisma.couponRedemption.findFirst({
      where: { targetType: "credit_purchase", targetId: existing.id, storeId },
      include: { promotionCode: { select: { code: true } } },
    });
    if (row?.promotionCode && row.promotionCode.code === normalizeCode(code))
      return {
        couponId: row.couponId,
        promotionCodeId: row.promotionCodeId!,
        code: row.promotionCode.code,
        amountSubtotal: amountMinor,
        amountOff: row.amountOff,
        amountDue: existing.amount,
        currency: currency.toUpperCase(),
      };
  }
  return quoteCreditDiscount(storeId, code, amountMinor, currency);
}

/** Takes the use for the purchase inside the transaction that creates it (coupon_exhausted rolls both back). */
export async function reserveCreditDiscount(tx: Tx, storeId: string, purchaseId: string, discount: CreditDiscount) {
  await redeemInTx(tx, {
    couponId: discount.couponId,
    promotionCodeId: discount.promotionCodeId,
    storeId,
    targetType: "credit_purchase",
    targetId: purchaseId,
    uniqueKey: purchaseKey(purchaseId),
    amountOff: discount.amountOff,
    currency: discount.currency,
    status: "reserved",
  });
}

/** The purchase settled: succeeded → counted for good; canceled → the use is given back. Idempotent. */
export async function settleCreditDiscount(tx: Tx, purchaseId: string, outcome: "succeeded" | "canceled") {
  const row = await tx.couponRedemption.findFirst({
    where: { targetType: "credit_purchase", targetId: purchaseId, status: "reserved" },
  });
  if (!row) return;
  if (outcome === "succeeded") await confirmRedemption(tx, row.couponId, row.uniqueKey);
  else await releaseRedemption(tx, row.couponId, row.uniqueKey);
}
