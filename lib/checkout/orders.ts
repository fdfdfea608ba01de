// Order state: derived from Stripe's objects, never from the browser. Transitions only move
// forward: a paid order is final except for refunds and disputes (handled by the webhook layer).
import type Stripe from "stripe";
import { prisma } from "@/lib/db/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { notFound } from "@/lib/http/errors";
import { getStripe, onAccount } from "@/lib/stripe/client";
import { callStripe } from "@/lib/stripe/errors";
import type { Order, OrderStatus } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { enqueueStoreEvent, kickDeliveries, type StoreEventType } from "@/lib/notifications/enqueue";

const FINAL: OrderStatus[] = ["PAID", "REFUNDED", "PARTIALLY_REFUNDED", "DISPUTED", "EXPIRED", "CANCELED"];

/** Whether an order may move from `from` to `to`. PENDING/FAILED can still become PAID. */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  if (from === to) return false;
  if (from === "PENDING") return true;
  if (from === "FAILED") return to === "PAID" || to === "EXPIRED" || to === "CANCELED";
  if (from === "PAID") return to === "REFUNDED" || to === "PARTIALLY_REFUNDED" || to === "DISPUTED";
  if (from === "PARTIALLY_REFUNDED") return to === "REFUNDED" || to === "DISPUTED";
  return !FINAL.includes(from);
}

export type OrderUpdate = {
  status: OrderStatus;
  paymentIntentId?: string | null;
  subscriptionId?: string | null;
  stripeCustomerId?: string | null;
  customerEmail?: string | null;
  failureCode?: string | null;
  failureMessage?: string | null;
  amountTotal?: number;
  /** Tells repeated transitions apart for the store callback (the failed charge, the refund, the dispute). */
  attemptRef?: string | null;
};

const CALLBACK_FOR: Partial<Record<OrderStatus, StoreEventType>> = {
  PAID: "payment.succeeded",
  FAILED: "payment.failed",
  REFUNDED: "payment.refunded",
  PARTIALLY_REFUNDED: "payment.refunded",
  DISPUTED: "dispute.created",
};

/** The store callback a transition causes, keyed so that every path (webhook, sync, receipt) yields one event. */
async function enqueueOrderCallback(tx: Tx, order: Order, update: OrderUpdate) {
  const type = CALLBACK_FOR[update.status];
  if (!type) return false;
  const sourceKey = update.status === "PAID" ? `order:${order.id}:paid` : `order:${order.id}:${update.status.toLowerCase()}:${update.attemptRef ?? update.failureCode ?? "-"}`;
  const { deliveries } = await enqueueStoreEvent(tx, {
    storeId: order.storeId,
    type,
    sourceKey,
    data: {
      orderId: order.externalOrderId ?? order.id, vitrineOrderId: order.id, storeId: order.storeId, provider: "stripe",
      amount: order.amountTotal, currency: order.currency, status: order.status.toLowerCase(), channel: order.channel.toLowerCase(),
      paymentIntentId: order.paymentIntentId, checkoutSessionId: order.checkoutSessionId, subscriptionId: order.subscriptionId,
      customerEmail: order.customerEmail, failureCode: order.failureCode, failureMessage: order.failureMessage,
    },
  });
  return deliveries > 0;
}

/**
 * Applies an update if the transition is allowed; always records ids and failure details. The
 * store callback for the transition is written to the outbox in the same transaction.
 */
export async function applyOrderUpdate(orderId: string, update: OrderUpdate, audit: AuditContext) {
  let kick = false;
  const result = await prisma.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT id FROM "Order" WHERE id = $1 FOR UPDATE`, orderId);
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
    const ids = {
      ...(update.paymentIntentId ? { paymentIntentId: update.paymentIntentId } : {}),
      ...(update.subscriptionId ? { subscriptionId: update.subscriptionId } : {}),
      ...(update.stripeCustomerId ? { stripeCustomerId: update.stripeCustomerId } : {}),
      ...(update.customerEmail && !order.customerEmail ? { customerEmail: update.customerEmail } : {}),
    };
    if (!canTransition(order.status, update.status)) {
      if (Object.keys(ids).length) return tx.order.update({ where: { id: order.id }, data: ids });
      return order;
    }
    const updated = await tx.order.update({
      where: { id: order.id },
      data: {
        ...ids,
        status: update.status,
        // The last decline stays visible until the order is paid; the audit trail keeps every one.
        failureCode: update.status === "FAILED" ? update.failureCode ?? null : update.status === "PAID" ? null : order.failureCode,
        failureMessage: update.status === "FAILED" ? update.failureMessage ?? null : update.status === "PAID" ? null : order.failureMessage,
        ...(update.status === "PAID" ? { paidAt: new Date(), checkoutUrl: null } : {}),
        ...(update.amountTotal !== undefined ? { amountTotal: update.amountTotal } : {}),
      },
    });
    await appendAudit(tx, audit, { action: `order.${update.status.toLowerCase()}`, storeId: order.storeId, target: { type: "order", id: order.id }, before: { status: order.status }, after: { status: updated.status, amountTotal: updated.amountTotal, currency: updated.currency, failureCode: updated.failureCode } });
    kick = await enqueueOrderCallback(tx, updated, update);
    return updated;
  });
  if (kick) await kickDeliveries();
  return result;
}

export function updateFromCheckoutSession(session: Stripe.Checkout.Session): OrderUpdate["status"] | null {
  if (session.status === "expired") return "EXPIRED";
  if (session.status === "complete" && (session.payment_status === "paid" || session.payment_status === "no_payment_required")) return "PAID";
  return null;
}

export function updateFromPaymentIntent(pi: Stripe.PaymentIntent): { status: OrderStatus; failureCode?: string; failureMessage?: string; attemptRef?: string } | null {
  if (pi.status === "succeeded") return { status: "PAID" };
  if (pi.status === "canceled") return { status: "CANCELED" };
  if (pi.status === "requires_payment_method" && pi.last_payment_error) {
    const charge = typeof pi.latest_charge === "string" ? pi.latest_charge : pi.latest_charge?.id;
    return { status: "FAILED", failureCode: pi.last_payment_error.decline_code ?? pi.last_payment_error.code ?? "payment_failed", failureMessage: pi.last_payment_error.message ?? undefined, attemptRef: charge ?? pi.last_payment_error.code };
  }
  return null;
}

/** Re-reads the order's Checkout Session or PaymentIntent from Stripe and converges the order. */
export async function refreshOrderFromStripe(orderId: string, audit: AuditContext) {
  const order = await prisma.order.findUnique({ where: { id: orderId } });
  if (!order) throw notFound("Order");
  if (FINAL.includes(order.status)) return order;
  const opts = onAccount(order.stripeAccountId);
  if (order.checkoutSessionId) {
    const session = await callStripe(() => getStripe().checkout.sessions.retrieve(order.checkoutSessionId!, undefined, opts));
    const status = updateFromCheckoutSession(session);
    if (!status) return order;
    return applyOrderUpdate(order.id, {
      status,
      paymentIntentId: typeof session.payment_intent === "string" ? session.payment_intent : session.payment_intent?.id,
      subscriptionId: typeof session.subscription === "string" ? session.subscription : session.subscription?.id,
      stripeCustomerId: typeof session.customer === "string" ? session.customer : session.customer?.id,
      customerEmail: session.customer_details?.email ?? null,
      amountTotal: session.amount_total ?? undefined,
    }, audit);
  }
  if (order.paymentIntentId) {
    const pi = await callStripe(() => getStripe().paymentIntents.retrieve(order.paymentIntentId!, undefined, opts));
    const next = updateFromPaymentIntent(pi);
    if (!next) return order;
    return applyOrderUpdate(order.id, { ...next, customerEmail: pi.receipt_email }, audit);
  }
  return order;
}

export async function getOrder(storeId: string, orderId: string) {
  const order = await prisma.order.findFirst({ where: { id: orderId, storeId }, include: { price: { include: { product: true } } } });
  if (!order) throw notFound("Order");
  return order;
}

export function listOrders(storeId: string, opts: { status?: OrderStatus; take?: number } = {}) {
  return prisma.order.findMany({ where: { storeId, ...(opts.status ? { status: opts.status } : {}) }, include: { price: { include: { product: { select: { name: true } } } } }, orderBy: { createdAt: "desc" }, take: opts.take ?? 100 });
}
