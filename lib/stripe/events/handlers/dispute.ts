import type Stripe from "stripe";
import { prisma } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/log";
import { canTransition } from "@/lib/checkout/orders";
import { enqueueStoreEvent, kickDeliveries } from "@/lib/notifications/enqueue";
import { getStripe } from "@/lib/stripe/client";
import { onCreditDispute } from "@/lib/credits/stripe-events";
import { findOrder, opts, type EventHandler } from "../context";

/** charge.dispute.created / closed: records the dispute, marks the order, tells the store once. */
export const onDispute: EventHandler = async (ctx) => {
  // Orders live on connected accounts; a platform-account dispute can only be on a credit purchase.
  if (!ctx.stripeAccount && (await onCreditDispute(ctx))) return;
  const stale = ctx.event.data.object as Stripe.Dispute;
  const dispute = await getStripe().disputes.retrieve(stale.id, undefined, opts(ctx));
  const chargeId = typeof dispute.charge === "string" ? dispute.charge : dispute.charge.id;
  const charge = await getStripe().charges.retrieve(chargeId, undefined, opts(ctx));
  const piId = typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
  const order = await findOrder({ vitrineOrderId: charge.metadata?.vitrineOrderId, paymentIntentId: piId }, ctx.stripeAccount);
  if (!order) return;
  let kick = false;
  await prisma.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT id FROM "Order" WHERE id = $1 FOR UPDATE`, order.id);
    const current = await tx.order.findUniqueOrThrow({ where: { id: order.id } });
    await tx.paymentAdjustment.upsert({
      where: { stripeId: dispute.id },
      create: { storeId: order.storeId, orderId: order.id, kind: "dispute", stripeId: dispute.id, amount: dispute.amount, currency: dispute.currency.toUpperCase(), status: dispute.status, reason: dispute.reason },
      update: { status: dispute.status },
    });
    const closed = dispute.status === "won" || dispute.status === "lost" || dispute.status === "warning_closed";
    if (!closed && canTransition(current.status, "DISPUTED")) {
      await tx.order.update({ where: { id: order.id }, data: { status: "DISPUTED" } });
      await appendAudit(tx, ctx.audit, { action: "order.disputed", storeId: order.storeId, target: { type: "order", id: order.id }, before: { status: current.status }, after: { status: "DISPUTED", disputeId: dispute.id, reason: dispute.reason } });
      const { deliveries } = await enqueueStoreEvent(tx, {
        storeId: order.storeId, type: "dispute.created", sourceKey: `dispute:${dispute.id}`,
        data: { orderId: order.externalOrderId ?? order.id, vitrineOrderId: order.id, storeId: order.storeId, provider: "stripe", amount: dispute.amount, currency: order.currency, status: "disputed", disputeId: dispute.id, reason: dispute.reason },
      });
      kick = deliveries > 0;
    }
    if (closed && current.status === "DISPUTED") {
      // Won: the money stays with the seller and the order is paid again. Lost: it stays disputed.
      const next = dispute.status === "lost" ? "DISPUTED" : "PAID";
      if (next !== current.status) await tx.order.update({ where: { id: order.id }, data: { status: next } });
      await appendAudit(tx, ctx.audit, { action: "order.dispute_closed", storeId: order.storeId, target: { type: "order", id: order.id }, before: { status: current.status }, after: { status: next, disputeStatus: dispute.status } });
    }
  });
  if (kick) await kickDeliveries();
};
