import type Stripe from "stripe";
import { settleCheckoutDiscount } from "@/lib/checkout/coupons";
import { refreshOrderFromStripe } from "@/lib/checkout/orders";
import { recordSubscriptionRedemption } from "@/lib/coupons/subscription-redemption";
import { applyOrderUpdate } from "@/lib/orders/transition";
import { applySubscription } from "@/lib/billing/plans";
import { recordOrderCustomer } from "@/lib/customers/record";
import { getStripe } from "@/lib/stripe/client";
import { findOrder, opts, type EventHandler } from "../context";

/** checkout.session.completed / async_payment_succeeded / async_payment_failed / expired. */
export const onCheckoutSession: EventHandler = async (ctx) => {
  const session = ctx.event.data.object as Stripe.Checkout.Session;
  if (!ctx.stripeAccount) {
    // A seller's platform plan: mirror the subscription as Stripe has it now.
    const subId = typeof session.subscription === "string" ? session.subscription : session.subscription?.id;
    if (subId) await applySubscription(await getStripe().subscriptions.retrieve(subId), ctx.audit);
    // A platform code given at the plan's Checkout is counted once the subscription exists.
    if (subId && session.discounts?.length) await recordSubscriptionRedemption(subId);
    return;
  }
  const order = await findOrder(
    { vitrineOrderId: session.metadata?.vitrineOrderId, checkoutSessionId: session.id },
    ctx.stripeAccount,
  );
  if (!order) return;
  if (ctx.event.type === "checkout.session.async_payment_failed") {
    const fresh = await getStripe().checkout.sessions.retrieve(session.id, undefined, opts(ctx));
    if (fresh.payment_status !== "paid")
      await applyOrderUpdate(
        order.id,
        {
          status: "FAILED",
          failureCode: "async_payment_failed",
          failureMessage: "The delayed payment failed.",
          attemptRef: ctx.event.id,
        },
        ctx.audit,
      );
    return;
  }
  await refreshOrderFromStripe(order.id, ctx.audit);
  await settleCheckoutDiscount(order.id, ctx.audit);
  await recordOrderCustomer(order.id, { name: session.customer_details?.name, phone: session.customer_details?.phone });
};
