import type Stripe from "stripe";
import { prisma } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/log";
import { canTransition } from "@/lib/checkout/orders";
import { enqueueStoreEvent, kickDeliveries } from "@/lib/notifications/enqueue";
import { getStripe } from "@/lib/stripe/client";
import { onCreditChargeRefunded } from "@/lib/credits/stripe-events";
import { findOrder, opts, type EventHandler } from "../context";

/**
 * charge.refunded: re-reads the charge with its refunds, records each refund once, moves the
 * order to REFUNDED or PARTIALLY_REFUNDED and sends one payment.refunded callback per refund.
 */
export const onChargeRefunded: EventHandler = async (ctx) => {
  // Orders live on connected accounts; a platform-account charge can only be a credit purchase.
  if (!ctx.stripeAccount && (await onCreditChargeRefunded(ctx))) return;
  const stale = ctx.event.data.object as Stripe.Charge;
  const charge = await getStripe().charges.retrieve(stale.id, { expand: ["refunds"] }, opts(ctx));
  const piId = typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
  const order = await findOrder({ vitrineOrderId: charge.metadata?.vitrineOrderId, paymentIntentId: piId }, ctx.stripeAccount);
  if (!order) return;
  const refunds = (charge.refunds?.data ?? []).filter((r) => r.status === "succeeded" || r.status === "pending");
  let kick = false;
  await prisma.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT id FROM "Order" WHERE id = $1 FOR UPDATE`, order.id);
    const current = await tx.order.findUniqueOrThrow({ where: { id: order.id } });
    const next = charge.amount_refunded >= charge.amount ? "REFUNDED" : "PARTIALLY_REFUNDED";
    if (current.status !== next && canTransition(current.status, next)) {
      await tx.order.update({ where: { id: order.id }, data: { status: next } });
      await appendAudit(tx, ctx.audit, { action: `order.${next.toLowerCase()}`, storeId: order.storeId, target: { type: "order", id: order.id }, before: { status: current.status }, after: { status: next, amountRefunded: charge.amount_refunded } });
    }
    for (const refund of refunds) {
      const { count } = await tx.paymentAdjustment.createMany({ data: [{ storeId: order.storeId, orderId: order.id, kind: "refund", stripeId: refund.id, amount: refund.amount, currency: refund.currency.toUpperCase(), status: refund.status ?? "succeeded", reason: refund.reason }], skipDuplicates: true });
      if (count === 0) continue;
      const { deliveries } = await enqueueStoreEvent(tx, {
        storeId: order.storeId, type: "payment.refunded", sourceKey: `refund:${refund.id}`,
        data: { orderId: order.externalOrderId ?? order.id, vitrineOrderId: order.id, storeId: order.storeId, provider: "stripe", amount: order.amountTotal, currency: order.currency, status: next.toLowerCase(), refundId: refund.id, refundAmount: refund.amount, amountRefunded: charge.amount_refunded },
      });
      kick ||= deliveries > 0;
    }
  });
  if (kick) await kickDeliveries();
};
