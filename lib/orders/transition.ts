// Every order transition goes through here: one row lock, one check against the state machine,
// the audit entry and the store callback in the same transaction. Webhook handlers, the recovery
// sync and the receipt page only translate what Stripe says into these calls.
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { prisma, type Tx } from "@/lib/db/client";
import { lockRow } from "@/lib/db/lock";
import {
  disputeCreated,
  paymentFailed,
  paymentRefunded,
  paymentSucceeded,
  storeEventForStatus,
} from "@/lib/callbacks/contract";
import { enqueueStoreEvent, kickDeliveries } from "@/lib/callbacks/enqueue";
import { enqueueNotification } from "@/lib/notifications/enqueue";
import type { Order, Prisma } from "@/generated/prisma/client";
import { nextOrderStatus, PAYMENT_EVENT } from "./state";

/** What a Checkout Session or PaymentIntent says about the payment. */
export type OrderUpdate = {
  status: keyof typeof PAYMENT_EVENT;
  paymentIntentId?: string | null;
  subscriptionId?: string | null;
  stripeCustomerId?: string | null;
  customerEmail?: string | null;
  failureCode?: string | null;
  failureMessage?: string | null;
  amountTotal?: number;
  /** Tells repeated transitions apart for the store callback (the failed charge). */
  attemptRef?: string | null;
};

export type RefundFacts = {
  id: string;
  amount: number;
  currency: string;
  status: string | null;
  reason: string | null;
};
export type ChargeRefunds = { amount: number; amountRefunded: number; refunds: RefundFacts[] };
export type DisputeFacts = { id: string; amount: number; currency: string; status: string; reason: string };

/** A step in the transaction that finds (or creates) the order and returns its id. */
type OrderTarget = (tx: Tx) => Promise<string>;

/** Runs fn on the locked, freshly read order; wakes the callback worker once the transaction commits. */
async function withLockedOrder<T>(
  target: string | OrderTarget,
  fn: (tx: Tx, order: Order) => Promise<{ result: T; callbacks: number }>,
): Promise<T> {
  let callbacks = 0;
  const result = await prisma.$transaction(async (tx) => {
    const orderId = typeof target === "string" ? target : await target(tx);
    await lockRow(tx, "Order", orderId);
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
    const out = await fn(tx, order);
    callbacks = out.callbacks;
    return out.result;
  });
  if (callbacks > 0) await kickDeliveries();
  return result;
}

/**
 * Applies a payment-side update if the state machine allows it; always records Stripe ids. The
 * store callback is keyed so that every path (webhook, sync, receipt) yields one event.
 */
export function applyOrderUpdate(
  orderId: string | OrderTarget,
  update: OrderUpdate,
  audit: AuditContext,
): Promise<Order> {
  return withLockedOrder(orderId, async (tx, order) => {
    const ids = {
      ...(update.paymentIntentId ? { paymentIntentId: update.paymentIntentId } : {}),
      ...(update.subscriptionId ? { subscriptionId: update.subscriptionId } : {}),
      ...(update.stripeCustomerId ? { stripeCustomerId: update.stripeCustomerId } : {}),
      ...(update.customerEmail && !order.customerEmail ? { customerEmail: update.customerEmail } : {}),
    };
    const next = nextOrderStatus(order.status, PAYMENT_EVENT[update.status]);
    if (!next) {
      const result = Object.keys(ids).length ? await tx.order.update({ where: { id: order.id }, data: ids }) : order;
      return { result, callbacks: 0 };
    }
    const failed = next === "FAILED";
    const paid = next === "PAID";
    const updated = await tx.order.update({
      where: { id: order.id },
      data: {
        ...ids,
        status: next,
        // The last decline stays visible until the order is paid; the audit trail keeps every one.
        failureCode: failed ? (update.failureCode ?? null) : paid ? null : order.failureCode,
        failureMessage: failed ? (update.failureMessage ?? null) : paid ? null : order.failureMessage,
        ...(paid ? { paidAt: new Date(), checkoutUrl: null } : {}),
        ...(update.amountTotal !== undefined ? { amountTotal: update.amountTotal } : {}),
      },
    });
    await appendAudit(tx, audit, {
      action: `order.${next.toLowerCase()}`,
      storeId: order.storeId,
      target: { type: "order", id: order.id },
      before: { status: order.status },
      after: {
        status: updated.status,
        amountTotal: updated.amountTotal,
        currency: updated.currency,
        failureCode: updated.failureCode,
      },
    });
    const type = storeEventForStatus(next);
    if (type !== "payment.succeeded" && type !== "payment.failed") return { result: updated, callbacks: 0 };
    const sourceKey = paid
      ? `order:${order.id}:paid`
      : `order:${order.id}:${next.toLowerCase()}:${update.attemptRef ?? update.failureCode ?? "-"}`;
    const { deliveries } = await enqueueStoreEvent(tx, {
      storeId: order.storeId,
      sourceKey,
      ...(type === "payment.succeeded" ? paymentSucceeded({ order: updated }) : paymentFailed({ order: updated })),
    });
    return { result: updated, callbacks: deliveries };
  });
}

/**
 * A subscription invoice's payment row (lib/orders/renewals.ts): inserted once per invoice as
 * PENDING (a duplicate insert is skipped), then moved by the update like any order, in one
 * transaction — so the webhook, its duplicates and the recovery sync yield one row and one callback.
 */
export function applyRenewalUpdate(
  row: Omit<Prisma.OrderCreateManyInput, "channel" | "status"> & { invoiceId: string },
  update: OrderUpdate,
  audit: AuditContext,
): Promise<Order> {
  return applyOrderUpdate(
    async (tx) => {
      await tx.order.createMany({ data: [{ ...row, channel: "RENEWAL", status: "PENDING" }], skipDuplicates: true });
      return (await tx.order.findUniqueOrThrow({ where: { invoiceId: row.invoiceId }, select: { id: true } })).id;
    },
    update,
    audit,
  );
}

/**
 * A charge's refunds as Stripe has them now: the order moves to REFUNDED or PARTIALLY_REFUNDED,
 * each refund is recorded once and sends one payment.refunded callback.
 */
export function recordOrderRefunds(orderId: string, charge: ChargeRefunds, audit: AuditContext): Promise<void> {
  return withLockedOrder(orderId, async (tx, order) => {
    const event = charge.amountRefunded >= charge.amount ? "refunded" : "partially_refunded";
    const next = nextOrderStatus(order.status, event);
    if (next) {
      await tx.order.update({ where: { id: order.id }, data: { status: next } });
      await appendAudit(tx, audit, {
        action: `order.${next.toLowerCase()}`,
        storeId: order.storeId,
        target: { type: "order", id: order.id },
        before: { status: order.status },
        after: { status: next, amountRefunded: charge.amountRefunded },
      });
    }
    let callbacks = 0;
    // Each new refund's callback carries the running total up to it (refunds come oldest first), so
    // refunds first seen together still read 3000, 6000, 9000 rather than 9000 three times.
    const recorded = await tx.paymentAdjustment.aggregate({
      where: { orderId: order.id, kind: "refund", status: { notIn: ["failed", "canceled"] } },
      _sum: { amount: true },
    });
    let running = recorded._sum.amount ?? 0;
    for (const refund of charge.refunds) {
      // A refund that failed or was canceled is no money returned: its row (if any) follows, nothing is sent.
      if (refund.status === "failed" || refund.status === "canceled") {
        await tx.paymentAdjustment.updateMany({
          where: { stripeId: refund.id, orderId: order.id },
          data: { status: refund.status },
        });
        continue;
      }
      const { count } = await tx.paymentAdjustment.createMany({
        data: [
          {
            storeId: order.storeId,
            orderId: order.id,
            kind: "refund",
            stripeId: refund.id,
            amount: refund.amount,
            currency: refund.currency.toUpperCase(),
            status: refund.status ?? "succeeded",
            reason: refund.reason,
          },
        ],
        skipDuplicates: true,
      });
      if (count === 0) {
        // Known already: a pending refund that has since succeeded is recorded as such.
        await tx.paymentAdjustment.updateMany({
          where: { stripeId: refund.id, orderId: order.id, status: { not: refund.status ?? "succeeded" } },
          data: { status: refund.status ?? "succeeded" },
        });
        continue;
      }
      running += refund.amount;
      const { deliveries } = await enqueueStoreEvent(tx, {
        storeId: order.storeId,
        sourceKey: `refund:${refund.id}`,
        ...paymentRefunded({
          order,
          refund,
          amountRefunded: running,
          status: running >= charge.amount ? "refunded" : "partially_refunded",
        }),
      });
      callbacks += deliveries;
    }
    return { result: undefined, callbacks };
  });
}

/**
 * A dispute as Stripe has it now: recorded once; an open dispute marks the order DISPUTED and
 * tells the store once; a closed one is audited, and a won one makes the order PAID again.
 */
export function recordOrderDispute(orderId: string, dispute: DisputeFacts, audit: AuditContext): Promise<void> {
  return withLockedOrder(orderId, async (tx, order) => {
    await tx.paymentAdjustment.upsert({
      where: { stripeId: dispute.id },
      create: {
        storeId: order.storeId,
        orderId: order.id,
        kind: "dispute",
        stripeId: dispute.id,
        amount: dispute.amount,
        currency: dispute.currency.toUpperCase(),
        status: dispute.status,
        reason: dispute.reason,
      },
      update: { status: dispute.status },
    });
    const closed = dispute.status === "won" || dispute.status === "lost" || dispute.status === "warning_closed";
    if (!closed) {
      if (!nextOrderStatus(order.status, "disputed")) return { result: undefined, callbacks: 0 };
      await tx.order.update({ where: { id: order.id }, data: { status: "DISPUTED" } });
      await appendAudit(tx, audit, {
        action: "order.disputed",
        storeId: order.storeId,
        target: { type: "order", id: order.id },
        before: { status: order.status },
        after: { status: "DISPUTED", disputeId: dispute.id, reason: dispute.reason },
      });
      const { deliveries } = await enqueueStoreEvent(tx, {
        storeId: order.storeId,
        sourceKey: `dispute:${dispute.id}`,
        ...disputeCreated({ order, dispute }),
      });
      await enqueueNotification(tx, {
        storeId: order.storeId,
        event: "dispute_opened",
        subjectId: dispute.id,
        payload: {
          orderId: order.id,
          disputeId: dispute.id,
          amountMinor: dispute.amount,
          currency: dispute.currency,
          reason: dispute.reason,
        },
      });
      return { result: undefined, callbacks: deliveries };
    }
    if (order.status !== "DISPUTED") return { result: undefined, callbacks: 0 };
    const next = dispute.status === "lost" ? "DISPUTED" : nextOrderStatus(order.status, "dispute_won");
    if (next && next !== order.status) await tx.order.update({ where: { id: order.id }, data: { status: next } });
    await appendAudit(tx, audit, {
      action: "order.dispute_closed",
      storeId: order.storeId,
      target: { type: "order", id: order.id },
      before: { status: order.status },
      after: { status: next, disputeStatus: dispute.status },
    });
    return { result: undefined, callbacks: 0 };
  });
}
