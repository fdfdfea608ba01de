import type Stripe from "stripe";
import { settleElementsDiscount } from "@/lib/checkout/coupons";
import { refreshOrderFromStripe } from "@/lib/checkout/orders";
import { recordOrderCustomer } from "@/lib/customers/record";
import { prisma } from "@/lib/db/client";
import { isCreditPaymentIntent, onCreditPaymentIntent } from "@/lib/webhooks/stripe/handlers/credits";
import { findOrder, type EventHandler } from "../context";

/** payment_intent.succeeded / payment_failed: re-read and converge (a late failure never un-pays). */
export const onPaymentIntent: EventHandler = async (ctx) => {
  // Credit purchases are PaymentIntents on the platform account, marked vitrinePurpose=credits.
  if (isCreditPaymentIntent(ctx)) return onCreditPaymentIntent(ctx);
  const pi = ctx.event.data.object as Stripe.PaymentIntent;
  const order = await findOrder(
    { vitrineOrderId: pi.metadata?.vitrineOrderId, paymentIntentId: pi.id },
    ctx.stripeAccount,
  );
  if (!order) return;
  if (!order.paymentIntentId) await prisma.order.update({ where: { id: order.id }, data: { paymentIntentId: pi.id } });
  await refreshOrderFromStripe(order.id, ctx.audit);
  await settleElementsDiscount(order.id);
  await recordOrderCustomer(order.id);
};

/**
 * payment_intent.canceled: a credit purchase becomes CANCELED; an order keeps its state but gives
 * back the store code it reserved.
 */
export const onPaymentIntentCanceled: EventHandler = async (ctx) => {
  if (isCreditPaymentIntent(ctx)) return onCreditPaymentIntent(ctx);
  const pi = ctx.event.data.object as Stripe.PaymentIntent;
  const order = await findOrder(
    { vitrineOrderId: pi.metadata?.vitrineOrderId, paymentIntentId: pi.id },
    ctx.stripeAccount,
  );
  if (order) await settleElementsDiscount(order.id);
};
