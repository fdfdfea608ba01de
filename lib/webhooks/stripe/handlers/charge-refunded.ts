import type Stripe from "stripe";
import { recordOrderRefunds } from "@/lib/orders/transition";
import { getStripe } from "@/lib/stripe/client";
import { onCreditChargeRefunded } from "@/lib/webhooks/stripe/handlers/credits";
import { findOrder, opts, type EventHandler } from "../context";

/** charge.refunded: re-reads the charge with its refunds and hands them to the order's state machine. */
export const onChargeRefunded: EventHandler = async (ctx) => {
  // Orders live on connected accounts; a platform-account charge can only be a credit purchase.
  if (!ctx.stripeAccount && (await onCreditChargeRefunded(ctx))) return;
  const stale = ctx.event.data.object as Stripe.Charge;
  const charge = await getStripe().charges.retrieve(stale.id, { expand: ["refunds"] }, opts(ctx));
  const piId = typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
  const order = await findOrder(
    { vitrineOrderId: charge.metadata?.vitrineOrderId, paymentIntentId: piId },
    ctx.stripeAccount,
  );
  if (!order) return;
  const refunds = (charge.refunds?.data ?? [])
    .filter((r) => r.status === "succeeded" || r.status === "pending")
    .map((r) => ({ id: r.id, amount: r.amount, currency: r.currency, status: r.status, reason: r.reason }));
  await recordOrderRefunds(
    order.id,
    { amount: charge.amount, amountRefunded: charge.amount_refunded, refunds },
    ctx.audit,
  );
};
