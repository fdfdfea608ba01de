import type Stripe from "stripe";
import { recordOrderDispute } from "@/lib/orders/transition";
import { getStripe } from "@/lib/stripe/client";
import { onCreditDispute } from "@/lib/webhooks/stripe/handlers/credits";
import { findOrder, opts, type EventHandler } from "../context";

/** charge.dispute.created / closed: re-reads the dispute and hands it to the order's state machine. */
export const onDispute: EventHandler = async (ctx) => {
  // Orders live on connected accounts; a platform-account dispute can only be on a credit purchase.
  if (!ctx.stripeAccount && (await onCreditDispute(ctx))) return;
  const stale = ctx.event.data.object as Stripe.Dispute;
  const dispute = await getStripe().disputes.retrieve(stale.id, undefined, opts(ctx));
  const chargeId = typeof dispute.charge === "string" ? dispute.charge : dispute.charge.id;
  const charge = await getStripe().charges.retrieve(chargeId, undefined, opts(ctx));
  const piId = typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
  const order = await findOrder(
    { vitrineOrderId: charge.metadata?.vitrineOrderId, paymentIntentId: piId },
    ctx.stripeAccount,
  );
  if (!order) return;
  const facts = {
    id: dispute.id,
    amount: dispute.amount,
    currency: dispute.currency,
    status: dispute.status,
    reason: dispute.reason,
  };
  await recordOrderDispute(order.id, facts, ctx.audit);
};
