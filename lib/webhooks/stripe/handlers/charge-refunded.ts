import type Stripe from "stripe";
import { linkStripeRefunds } from "@/lib/orders/refunds";
import { recordOrderRefunds } from "@/lib/orders/transition";
import { getStripe } from "@/lib/stripe/client";
import { onCreditChargeRefunded } from "@/lib/webhooks/stripe/handlers/credits";
import { findOrder, opts, type EventHandler, type HandlerContext } from "../context";
import { recordOrderCustomer } from "@/lib/customers/record";

/** charge.refunded: re-reads the charge with its refunds and hands them to the order's state machine. */
export const onChargeRefunded: EventHandler = async (ctx) => {
  // Orders live on connected accounts; a platform-account charge can only be a credit purchase.
  if (!ctx.stripeAccount && (await onCreditChargeRefunded(ctx))) return;
  const stale = ctx.event.data.object as Stripe.Charge;
  await applyChargeRefunds(ctx, stale.id);
};

/**
 * refund.created / refund.updated / refund.failed / charge.refund.updated on a connected account: a
 * refund appeared or changed status (pending → succeeded or failed); the charge is re-read the same way.
 */
export const onRefundEvent: EventHandler = async (ctx) => {
  if (!ctx.stripeAccount) return;
  const refund = ctx.event.data.object as Stripe.Refund;
  const chargeId = typeof refund.charge === "string" ? refund.charge : refund.charge?.id;
  if (chargeId) await applyChargeRefunds(ctx, chargeId);
};

async function applyChargeRefunds(ctx: HandlerContext, chargeId: string): Promise<void> {
  const charge = await getStripe().charges.retrieve(chargeId, { expand: ["refunds"] }, opts(ctx));
  const piId = typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
  const order = await findOrder(
    { vitrineOrderId: charge.metadata?.vitrineOrderId, paymentIntentId: piId },
    ctx.stripeAccount,
  );
  if (!order) return;
  // Oldest first (Stripe lists newest first; same-second refunds keep that order reversed): each
  // refund's callback carries the running total up to it.
  const refunds = [...(charge.refunds?.data ?? [])]
    .reverse()
    .sort((a, b) => a.created - b.created)
    .map((r) => ({
      id: r.id,
      amount: r.amount,
      currency: r.currency,
      status: r.status,
      reason: r.reason,
    }));
  await recordOrderRefunds(
    order.id,
    { amount: charge.amount, amountRefunded: charge.amount_refunded, refunds },
    ctx.audit,
  );
  await linkStripeRefunds(
    order.id,
    (charge.refunds?.data ?? []).map((r) => ({
      id: r.id,
      status: r.status,
      vitrineRefundId: r.metadata?.vitrineRefundId,
    })),
  );
  await recordOrderCustomer(order.id);
}
