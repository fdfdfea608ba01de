// The public JSON shape of a payment (GET /api/v1/payments, /payments/{id}): amounts in integer
// minor units of `currency`, times as ISO strings in UTC.
import type { PaymentDetail, TimelineEvent } from "./detail";
import type { PaymentRow } from "./list";

export function paymentView(r: PaymentRow) {
  return {
    id: r.id,
    object: "payment" as const,
    method: r.method,
    paid_with: r.paidWith,
    channel: r.channel,
    status: r.status,
    amount: r.amount,
    currency: r.currency,
    amount_refunded: r.amountRefunded,
    buyer: { email: r.buyerEmail, name: r.buyerName },
    external_order_id: r.externalOrderId,
    description: r.description,
    created_at: r.createdAt.toISOString(),
    paid_at: r.paidAt?.toISOString() ?? null,
  };
}

function eventView(e: TimelineEvent) {
  const { at, kind, ...rest } = e;
  return { type: kind, at: at.toISOString(), ...rest };
}

export function paymentDetailView(d: PaymentDetail) {
  return {
    ...paymentView(d),
    receipt_path: d.receiptPath,
    invoice_id: d.invoiceId,
    timeline: d.timeline.map(eventView),
  };
}
