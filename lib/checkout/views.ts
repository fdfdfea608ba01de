import type { Order } from "@/generated/prisma/client";

/** The public shape of an order in API answers (no internal idempotency keys or URLs). */
export function orderView(o: Order) {
  return {
    id: o.id,
    status: o.status,
    channel: o.channel,
    orderId: o.externalOrderId,
    amountTotal: o.amountTotal,
    currency: o.currency,
    applicationFeeAmount: o.applicationFeeAmount,
    applicationFeePercentBps: o.applicationFeePercentBps,
    quantity: o.quantity,
    customerEmail: o.customerEmail,
    checkoutSessionId: o.checkoutSessionId,
    paymentIntentId: o.paymentIntentId,
    subscriptionId: o.subscriptionId,
    // A subscription's invoice payments: renewals (channel RENEWAL) and a subscription's first order.
    invoiceId: o.invoiceId,
    periodStart: o.periodStart,
    periodEnd: o.periodEnd,
    renewalOf: o.renewalOfId,
    failureCode: o.failureCode,
    failureMessage: o.failureMessage,
    paidAt: o.paidAt,
    createdAt: o.createdAt,
  };
}
