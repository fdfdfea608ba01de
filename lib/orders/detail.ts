// One order as the seller's order page shows it: the payment, its refunds and what remains, its
// disputes, the subscription's other payments, and every store callback sent about it.
import "server-only";
import type { CallbackStatus, OrderChannel, OrderStatus } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { type OrderRefunds, refundLines, summarise } from "./refund-totals";

export type OrderDetail = {
  id: string;
  status: OrderStatus;
  channel: OrderChannel;
  productName: string;
  quantity: number;
  amountTotal: number;
  currency: string;
  applicationFeeAmount: number | null;
  applicationFeePercentBps: number | null;
  externalOrderId: string | null;
  customerEmail: string | null;
  failureCode: string | null;
  failureMessage: string | null;
  paymentIntentId: string | null;
  checkoutSessionId: string | null;
  subscriptionId: string | null;
  invoiceId: string | null;
  periodStart: Date | null;
  periodEnd: Date | null;
  paidAt: Date | null;
  createdAt: Date;
  /** The subscription's Checkout order, for a renewal. */
  renewalOfId: string | null;
  refunds: OrderRefunds;
  disputes: Array<{
    id: string;
    amount: number;
    currency: string;
    status: string;
    reason: string | null;
    createdAt: Date;
  }>;
  /** The subscription's payments, first order and renewals, newest first (subscription orders only). */
  subscriptionPayments: Array<{
    id: string;
    channel: OrderChannel;
    status: OrderStatus;
    amountTotal: number;
    currency: string;
    periodStart: Date | null;
    periodEnd: Date | null;
    createdAt: Date;
  }>;
  callbacks: Array<{
    id: string;
    eventType: string;
    status: CallbackStatus;
    attempts: number;
    lastStatusCode: number | null;
    deliveredAt: Date | null;
    createdAt: Date;
  }>;
};

/** The store's order with everything its page shows; another store's (or an unknown) id is a 404. */
export async function getOrderDetail(storeId: string, orderId: string): Promise<OrderDetail> {
  const order = await prisma.order.findFirst({
    where: { id: orderId, storeId },
    include: { price: { include: { product: { select: { name: true } } } } },
  });
  if (!order) throw notFound("Order");
  const rootId = order.renewalOfId ?? order.id;
  const lines = await refundLines(prisma, order);
  const disputes = await prisma.paymentAdjustment.findMany({
    where: { storeId, orderId: order.id, kind: "dispute" },
    orderBy: { createdAt: "asc" },
  });
  const subscriptionPayments = order.subscriptionId
    ? await prisma.order.findMany({
        where: { storeId, OR: [{ id: rootId }, { renewalOfId: rootId }] },
        orderBy: [{ periodStart: "desc" }, { createdAt: "desc" }],
        take: 24,
      })
    : [];
  // Each callback body names the order it is about (data.vitrineOrderId).
  const callbacks = await prisma.callbackDelivery.findMany({
    where: { storeId, payload: { path: ["data", "vitrineOrderId"], equals: order.id } },
    orderBy: { createdAt: "asc" },
    take: 50,
  });
  return {
    id: order.id,
    status: order.status,
    channel: order.channel,
    productName: order.price.product.name,
    quantity: order.quantity,
    amountTotal: order.amountTotal,
    currency: order.currency,
    applicationFeeAmount: order.applicationFeeAmount,
    applicationFeePercentBps: order.applicationFeePercentBps,
    externalOrderId: order.externalOrderId,
    customerEmail: order.customerEmail,
    failureCode: order.failureCode,
    failureMessage: order.failureMessage,
    paymentIntentId: order.paymentIntentId,
    checkoutSessionId: order.checkoutSessionId,
    subscriptionId: order.subscriptionId,
    invoiceId: order.invoiceId,
    periodStart: order.periodStart,
    periodEnd: order.periodEnd,
    paidAt: order.paidAt,
    createdAt: order.createdAt,
    renewalOfId: order.renewalOfId,
    refunds: summarise(order, lines),
    disputes: disputes.map((d) => ({
      id: d.stripeId,
      amount: d.amount,
      currency: d.currency,
      status: d.status,
      reason: d.reason,
      createdAt: d.createdAt,
    })),
    subscriptionPayments: subscriptionPayments.map((o) => ({
      id: o.id,
      channel: o.channel,
      status: o.status,
      amountTotal: o.amountTotal,
      currency: o.currency,
      periodStart: o.periodStart,
      periodEnd: o.periodEnd,
      createdAt: o.createdAt,
    })),
    callbacks: callbacks.map((c) => ({
      id: c.id,
      eventType: c.eventType,
      status: c.status,
      attempts: c.attempts,
      lastStatusCode: c.lastStatusCode,
      deliveredAt: c.deliveredAt,
      createdAt: c.createdAt,
    })),
  };
}
