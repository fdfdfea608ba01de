// What an order's refunds add up to: the refunds asked from Vitrine (OrderRefund) and the ones Stripe
// reports (PaymentAdjustment, from its webhooks), each counted once, and what remains refundable.
import "server-only";
import type { Order, OrderRefund } from "@/generated/prisma/client";
import { prisma, type Tx } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

/** Statuses (ours and Stripe's) of a refund that has taken, or may still take, money back. */
const LIVE = new Set(["requested", "pending", "requires_action", "succeeded"]);
/**
 * A reservation Stripe never answered stops holding the amount after Stripe's idempotency window
 * (24 h): had Stripe made the refund, its webhook or the recovery sync would have brought it by then.
 */
const ABANDONED_AFTER_MS = 24 * 3600_000;
const holds = (r: RefundLine, now: number) =>
  LIVE.has(r.status) && !(r.status === "requested" && now - r.createdAt.getTime() > ABANDONED_AFTER_MS);
export const REFUNDABLE_STATUSES = new Set(["PAID", "PARTIALLY_REFUNDED"]);

export type OrderRefundView = {
  id: string;
  orderId: string;
  amount: number;
  currency: string;
  status: string;
  reason: string | null;
  stripeRefundId: string | null;
  failureCode: string | null;
  failureMessage: string | null;
  createdAt: Date;
};

/** One refund of the order as the seller sees it: asked from Vitrine, made in Stripe's Dashboard, or both. */
export type RefundLine = {
  id: string;
  amount: number;
  currency: string;
  status: string;
  reason: string | null;
  stripeRefundId: string | null;
  /** "vitrine": asked here (dashboard or API); "stripe": made elsewhere, known from Stripe's events. */
  source: "vitrine" | "stripe";
  failureMessage: string | null;
  createdAt: Date;
};

export type OrderRefunds = {
  orderId: string;
  amountTotal: number;
  currency: string;
  /** Refunds Stripe reports succeeded. */
  amountRefunded: number;
  /** Asked for and not settled yet (ours in flight, Stripe's pending). */
  amountPending: number;
  /** What a new refund may still take: amountTotal − amountRefunded − amountPending. */
  remaining: number;
  refundable: boolean;
  refunds: RefundLine[];
};

export const refundView = (r: OrderRefund): OrderRefundView => ({
  id: r.id,
  orderId: r.orderId,
  amount: r.amount,
  currency: r.currency,
  status: r.status,
  reason: r.reason,
  stripeRefundId: r.stripeRefundId,
  failureCode: r.failureCode,
  failureMessage: r.failureMessage,
  createdAt: r.createdAt,
});

/** Our refunds and Stripe's, each counted once (a Stripe refund we asked for is matched by its id). */
export async function refundLines(db: Tx | typeof prisma, order: Pick<Order, "id">): Promise<RefundLine[]> {
  const adjustments = await db.paymentAdjustment.findMany({
    where: { orderId: order.id, kind: "refund" },
    orderBy: { createdAt: "asc" },
  });
  const ours = await db.orderRefund.findMany({ where: { orderId: order.id }, orderBy: { createdAt: "asc" } });
  const byStripeId = new Map(ours.filter((r) => r.stripeRefundId).map((r) => [r.stripeRefundId!, r]));
  const lines: RefundLine[] = adjustments.map((a) => ({
    id: byStripeId.get(a.stripeId)?.id ?? a.id,
    amount: a.amount,
    currency: a.currency,
    status: a.status,
    reason: a.reason,
    stripeRefundId: a.stripeId,
    source: byStripeId.has(a.stripeId) ? "vitrine" : "stripe",
    failureMessage: null,
    createdAt: byStripeId.get(a.stripeId)?.createdAt ?? a.createdAt,
  }));
  const known = new Set(adjustments.map((a) => a.stripeId));
  for (const r of ours)
    if (!r.stripeRefundId || !known.has(r.stripeRefundId))
      lines.push({
        id: r.id,
        amount: r.amount,
        currency: r.currency,
        status: r.status,
        reason: r.reason,
        stripeRefundId: r.stripeRefundId,
        source: "vitrine",
        failureMessage: r.failureMessage,
        createdAt: r.createdAt,
      });
  return lines.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

export function summarise(order: Order, refunds: RefundLine[], now = Date.now()): OrderRefunds {
  const amountRefunded = refunds.filter((r) => r.status === "succeeded").reduce((s, r) => s + r.amount, 0);
  const amountPending = refunds
    .filter((r) => r.status !== "succeeded" && holds(r, now))
    .reduce((s, r) => s + r.amount, 0);
  const remaining = Math.max(0, order.amountTotal - amountRefunded - amountPending);
  return {
    orderId: order.id,
    amountTotal: order.amountTotal,
    currency: order.currency,
    amountRefunded,
    amountPending,
    remaining,
    refundable: REFUNDABLE_STATUSES.has(order.status) && remaining > 0,
    refunds,
  };
}

/** The order's refunds and what remains refundable; another store's (or an unknown) order is a 404. */
export async function listOrderRefunds(storeId: string, orderId: string): Promise<OrderRefunds> {
  const order = await prisma.order.findFirst({ where: { id: orderId, storeId } });
  if (!order) throw notFound("Order");
  return summarise(order, await refundLines(prisma, order));
}
