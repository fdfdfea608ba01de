// Store coupons on the store's two checkouts. Hosted Checkout: a code sent with the request is
// checked and reserved here and put on the session (the fee is computed on the discounted total);
// otherwise, when the store has running codes, Stripe's page shows its promotion code field. Elements:
// the buyer's code re-prices the PaymentIntent (amount and fee) before they pay. Either way, the use is
// counted from what Stripe reports once the order is paid (lib/webhooks/stripe/handlers).
import { timingSafeEqual } from "node:crypto";
import type Stripe from "stripe";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import {
  type OrderDiscount,
  orderDiscount,
  quoteStoreDiscount,
  recordPaidOrderDiscount,
  releaseOrderDiscounts,
  releaseUnpaidOrderDiscount,
  reserveOrderDiscount,
  type StoreDiscountQuote,
  storeAcceptsPromotionCodes,
} from "@/lib/coupons/store";
import { prisma, type Tx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { getStripe, onAccount } from "@/lib/stripe/client";
import { callStripe } from "@/lib/stripe/errors";
import { applicationFeeAmount } from "./fees";
import { feeRateForStore } from "./sellable";

/** Stripe's smallest card charge we let a discount leave (the catalog's minimum price). */
const MINIMUM_CHARGE = 50;

export type CheckoutDiscountPlan = {
  quote: StoreDiscountQuote | null;
  /** Show Stripe's promotion code field (no code sent, and the store has running codes). */
  allowPromotionCodes: boolean;
};

/** What a new hosted Checkout session gets: the sent code (checked), or Stripe's code field, or nothing. */
export async function planCheckoutDiscount(
  storeId: string,
  input: {
    code?: string;
    amountMinor: number;
    currency: string;
    productId: string;
    customerEmail?: string;
    /** A repeated request whose order exists: it keeps the code it reserved. */
    replayOrderId?: string;
  },
): Promise<CheckoutDiscountPlan> {
  if (input.replayOrderId) {
    const held = await orderDiscount(input.replayOrderId);
    if (held?.status === "reserved" && held.promotionCodeId && held.stripePromotionCodeId && held.code)
      return {
        quote: {
          couponId: held.couponId,
          promotionCodeId: held.promotionCodeId,
          code: held.code,
          amountOff: held.amountOff,
          currency: input.currency.toUpperCase(),
          stripePromotionCodeId: held.stripePromotionCodeId,
        },
        allowPromotionCodes: false,
      };
    if (input.code)
      throw new AppError("idempotency_conflict", "This Idempotency-Key was already used without this code.");
  }
  if (!input.code) return { quote: null, allowPromotionCodes: await storeAcceptsPromotionCodes(storeId) };
  const quote = await quoteStoreDiscount(storeId, input.code, {
    amountMinor: input.amountMinor,
    currency: input.currency,
    productIds: [input.productId],
    customerEmail: input.customerEmail,
  });
  return { quote, allowPromotionCodes: false };
}

/** Reserves the checked code for the new order, in the transaction that creates it. */
export async function reserveCheckoutDiscount(
  tx: Tx,
  storeId: string,
  orderId: string,
  quote: StoreDiscountQuote | null,
  customerEmail?: string,
) {
  if (quote) await reserveOrderDiscount(tx, { storeId, orderId, quote, customerEmail });
}

export { releaseUnpaidOrderDiscount };

export type ElementsDiscount = {
  orderId: string;
  amountSubtotal: number;
  amountOff: number;
  amount: number;
  currency: string;
  code: string | null;
  quantity: number;
};

function sameSecret(a: string, b: string | null): boolean {
  if (!b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * A buyer's code (or null to remove it) on an Elements payment they hold the client secret of. The
 * server prices it: the PaymentIntent's amount and application fee become those of the discounted
 * total, the order follows, and the code's use is reserved for the order.
 */
export async function applyCouponToElementsPayment(
  input: { clientSecret: string; code: string | null; quantity?: number },
  audit: AuditContext,
): Promise<ElementsDiscount> {
  const paymentIntentId = input.clientSecret.split("_secret_")[0] ?? "";
  const order = await prisma.order.findFirst({
    where: { paymentIntentId, channel: "ELEMENTS" },
    include: { price: { select: { unitAmount: true, productId: true } } },
  });
  if (!order) throw notFound("PaymentIntent");
  const opts = onAccount(order.stripeAccountId);
  const pi = await callStripe(() => getStripe().paymentIntents.retrieve(paymentIntentId, undefined, opts));
  if (!sameSecret(input.clientSecret, pi.client_secret)) throw notFound("PaymentIntent");
  if (order.status !== "PENDING" || !["requires_payment_method", "requires_confirmation"].includes(pi.status))
    throw new AppError("conflict", "This payment is already under way: the code can no longer change.");
  // A new quantity (lib/checkout/quantity.ts, limit checked there) is priced with the code here.
  const quantity = input.quantity ?? order.quantity;
  const amountSubtotal = order.price.unitAmount * quantity;
  const quote = input.code
    ? await quoteStoreDiscount(order.storeId, input.code, {
        amountMinor: amountSubtotal,
        currency: order.currency,
        productIds: [order.price.productId],
        customerEmail: order.customerEmail,
      })
    : null;
  const amount = amountSubtotal - (quote?.amountOff ?? 0);
  if (amount < MINIMUM_CHARGE)
    throw new AppError("amount_below_minimum", "With this code the total is below the smallest card payment.", {
      param: "code",
    });
  const fee = applicationFeeAmount(amount, order.currency, await feeRateForStore(order.storeId));
  await prisma.$transaction(async (tx) => {
    if (quote)
      await reserveOrderDiscount(tx, {
        storeId: order.storeId,
        orderId: order.id,
        quote,
        customerEmail: order.customerEmail,
      });
    else await releaseOrderDiscounts(tx, order.id);
  });
  const metadata: Stripe.MetadataParam = {
    vitrineCouponId: quote?.couponId ?? "",
    vitrinePromotionCode: quote?.code ?? "",
    amountSubtotal: String(amountSubtotal),
    amountOff: String(quote?.amountOff ?? 0),
  };
  try {
    await callStripe(() =>
      getStripe().paymentIntents.update(paymentIntentId, { amount, application_fee_amount: fee, metadata }, opts),
    );
  } catch (err) {
    if (quote) await releaseUnpaidOrderDiscount(order.id);
    throw err;
  }
  await prisma.$transaction(async (tx) => {
    await tx.order.update({
      where: { id: order.id },
      data: { amountTotal: amount, applicationFeeAmount: fee, quantity },
    });
    await appendAudit(tx, audit, {
      action: quote ? "checkout.coupon_applied" : "checkout.coupon_removed",
      storeId: order.storeId,
      target: { type: "order", id: order.id },
      before: {
        amountTotal: order.amountTotal,
        applicationFeeAmount: order.applicationFeeAmount,
        quantity: order.quantity,
      },
      after: {
        amountTotal: amount,
        quantity,
        applicationFeeAmount: fee,
        code: quote?.code ?? null,
        amountOff: quote?.amountOff ?? 0,
      },
    });
  });
  return {
    orderId: order.id,
    amountSubtotal,
    amountOff: quote?.amountOff ?? 0,
    amount,
    currency: order.currency,
    code: quote?.code ?? null,
    quantity,
  };
}

/** The discount a public payment shows again after a reload. */
export async function elementsDiscountOf(orderId: string): Promise<OrderDiscount | null> {
  const d = await orderDiscount(orderId);
  return d && d.status !== "released" ? d : null;
}

const idOf = (v: string | { id: string } | null | undefined) => (typeof v === "string" ? v : (v?.id ?? null));

/**
 * After a hosted Checkout order is paid: counts its discount from the session Stripe has now, and,
 * when the buyer typed a code on Stripe's page (the fee was set on the full price), refunds the part
 * of the application fee above the fee on the discounted total. An expired session releases its code.
 */
export async function settleCheckoutDiscount(orderId: string, audit: AuditContext): Promise<void> {
  const order = await prisma.order.findUnique({ where: { id: orderId } });
  if (!order?.checkoutSessionId) return;
  if (order.status === "EXPIRED" || order.status === "CANCELED") return releaseUnpaidOrderDiscount(order.id);
  if (order.status === "PENDING" || order.status === "FAILED") return;
  const opts = onAccount(order.stripeAccountId);
  const session = await callStripe(() =>
    getStripe().checkout.sessions.retrieve(order.checkoutSessionId!, undefined, opts),
  );
  const discount = session.discounts?.[0];
  const amountOff = session.total_details?.amount_discount ?? 0;
  if (!discount || amountOff <= 0) return;
  await recordPaidOrderDiscount({
    storeId: order.storeId,
    orderId: order.id,
    stripeCouponId: idOf(discount.coupon),
    stripePromotionCodeId: idOf(discount.promotion_code),
    amountOff,
    currency: order.currency,
    customerEmail: session.customer_details?.email ?? order.customerEmail,
  });
  if (session.mode === "payment") await refundFeeAboveDiscountedTotal(order, session, audit);
}

async function refundFeeAboveDiscountedTotal(
  order: {
    id: string;
    storeId: string;
    currency: string;
    applicationFeeAmount: number | null;
    stripeAccountId: string;
  },
  session: Stripe.Checkout.Session,
  audit: AuditContext,
) {
  const charged = order.applicationFeeAmount ?? 0;
  const due = applicationFeeAmount(session.amount_total ?? 0, order.currency, await feeRateForStore(order.storeId));
  if (due >= charged) return;
  const paymentIntentId = idOf(session.payment_intent);
  if (!paymentIntentId) return;
  const pi = await callStripe(() =>
    getStripe().paymentIntents.retrieve(
      paymentIntentId,
      { expand: ["latest_charge"] },
      onAccount(order.stripeAccountId),
    ),
  );
  const charge = pi.latest_charge as Stripe.Charge | null;
  const feeId = idOf(charge?.application_fee as string | { id: string } | null | undefined);
  if (!feeId) return;
  await callStripe(() =>
    getStripe().applicationFees.createRefund(
      feeId,
      { amount: charged - due, metadata: { vitrineOrderId: order.id, reason: "discounted_total" } },
      { idempotencyKey: `vitrine:fee-discount:${order.id}` },
    ),
  );
  await prisma.$transaction(async (tx) => {
    await tx.order.update({ where: { id: order.id }, data: { applicationFeeAmount: due } });
    await appendAudit(tx, audit, {
      action: "checkout.fee_adjusted_for_discount",
      storeId: order.storeId,
      target: { type: "order", id: order.id },
      before: { applicationFeeAmount: charged },
      after: { applicationFeeAmount: due, refunded: charged - due, amountTotal: session.amount_total },
    });
  });
}

/**
 * After Stripe reports an Elements PaymentIntent: succeeded → the code it was priced with is counted;
 * canceled → the reserved use is given back. Re-read from Stripe, never taken from the browser.
 */
export async function settleElementsDiscount(orderId: string): Promise<void> {
  const order = await prisma.order.findUnique({ where: { id: orderId } });
  if (!order?.paymentIntentId || order.channel !== "ELEMENTS") return;
  const held = await orderDiscount(order.id);
  if (!held || held.status !== "reserved") return;
  const pi = await callStripe(() =>
    getStripe().paymentIntents.retrieve(order.paymentIntentId!, undefined, onAccount(order.stripeAccountId)),
  );
  if (pi.status === "canceled") return releaseUnpaidOrderDiscount(order.id);
  if (pi.status !== "succeeded") return;
  // The reservation stands only if the PaymentIntent Stripe charged carries this coupon.
  if (pi.metadata?.vitrineCouponId !== held.couponId) return releaseUnpaidOrderDiscount(order.id);
  await recordPaidOrderDiscount({
    storeId: order.storeId,
    orderId: order.id,
    stripeCouponId: null,
    stripePromotionCodeId: held.stripePromotionCodeId,
    amountOff: held.amountOff,
    currency: order.currency,
    customerEmail: pi.receipt_email ?? order.customerEmail,
  });
}
