import type Stripe from "stripe";
import { prisma } from "@/lib/db/client";
import { applySubscription } from "@/lib/billing/plans";
import { recordSubscriptionRedemption } from "@/lib/coupons/subscription-redemption";
import { subscriptionCanceled, subscriptionUpdated } from "@/lib/callbacks/contract";
import { enqueueStoreEvent, kickDeliveries } from "@/lib/callbacks/enqueue";
import { isSupersededCancellation, onPlatformBillingEvent } from "@/lib/dunning/stripe-events";
import { getStripe } from "@/lib/stripe/client";
import { findOrder, opts, type EventHandler } from "../context";
import { onConnectedInvoice } from "./renewal";

async function currentSubscription(id: string, ctx: Parameters<EventHandler>[0]): Promise<Stripe.Subscription> {
  return getStripe().subscriptions.retrieve(id, undefined, opts(ctx));
}

/**
 * customer.subscription.* and invoice.*: platform plans are mirrored from Stripe's current state;
 * a buyer's subscription to a store sends subscription.updated / subscription.canceled callbacks.
 */
export const onSubscriptionChange: EventHandler = async (ctx) => {
  const obj = ctx.event.data.object as Stripe.Subscription | Stripe.Invoice;
  const subId = obj.object === "subscription" ? obj.id : subscriptionIdOfInvoice(obj);
  if (!subId) return;
  const sub = await currentSubscription(subId, ctx);
  if (!ctx.stripeAccount) {
    if (!(await isSupersededCancellation(sub))) await applySubscription(sub, ctx.audit);
    await onPlatformBillingEvent(ctx.event, sub, ctx.audit);
    // A platform code on the plan (from its Checkout) is counted once, keyed on the subscription.
    if (sub.discounts?.length) await recordSubscriptionRedemption(sub.id);
    return;
  }
  if (obj.object === "invoice") return onConnectedInvoice(ctx, obj);
  if (ctx.event.type === "customer.subscription.trial_will_end") return;
  // The subscription carries our order id (subscription_data.metadata, set at Checkout): found even
  // when this event is processed before the checkout.session.completed that links the order to it.
  const order = await findOrder(
    { vitrineOrderId: sub.metadata?.vitrineOrderId, subscriptionId: sub.id },
    ctx.stripeAccount,
  );
  if (!order) return;
  const facts = {
    order,
    subscription: {
      id: sub.id,
      status: sub.status,
      cancelAtPeriodEnd: sub.cancel_at_period_end,
      currentPeriodEnd: sub.items.data[0]?.current_period_end ?? null,
    },
  };
  const event = sub.status === "canceled" ? subscriptionCanceled(facts) : subscriptionUpdated(facts);
  // The subscription is re-read, so every event processed after a cancellation reports it; a
  // subscription ends once, so the store is told once (one source key per subscription).
  const sourceKey = sub.status === "canceled" ? `subscription:${sub.id}:canceled` : ctx.event.id;
  const { deliveries } = await prisma.$transaction((tx) =>
    enqueueStoreEvent(tx, { storeId: order.storeId, sourceKey, ...event }),
  );
  if (deliveries > 0) await kickDeliveries();
};

function subscriptionIdOfInvoice(invoice: Stripe.Invoice): string | null {
  const parent = (invoice as { parent?: { subscription_details?: { subscription?: string | { id: string } } } }).parent;
  const ref =
    parent?.subscription_details?.subscription ??
    (invoice as { subscription?: string | { id: string } | null }).subscription;
  return typeof ref === "string" ? ref : (ref?.id ?? null);
}
