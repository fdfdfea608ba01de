// Reading a subscription invoice of a connected account (Stripe API 2025+ shapes): which
// subscription, which period it bills, and which PaymentIntent collected it.
import type Stripe from "stripe";

const idOf = (v: string | { id: string } | null | undefined) => (typeof v === "string" ? v : (v?.id ?? null));

export function subscriptionOfInvoice(invoice: Stripe.Invoice): string | null {
  return idOf(invoice.parent?.subscription_details?.subscription ?? null);
}

/** Our order id, put in the subscription's metadata by Checkout and copied onto each of its invoices. */
export function vitrineOrderOfInvoice(invoice: Stripe.Invoice): string | null {
  return invoice.parent?.subscription_details?.metadata?.vitrineOrderId ?? null;
}

/**
 * The service period the invoice bills: its subscription line's (not the invoice's own
 * period_start/period_end, which for a renewal is the period that just ended). Proration lines
 * are skipped; without a subscription line, the widest span of its lines.
 */
export function billingPeriodOfInvoice(invoice: Stripe.Invoice): { start: Date; end: Date } | null {
  const lines = invoice.lines?.data ?? [];
  const main =
    lines.find(
      (l) =>
        !(l.parent?.subscription_item_details?.proration ?? false) && l.parent?.type === "subscription_item_details",
    ) ?? null;
  const span = main
    ? main.period
    : lines.length
      ? {
          start: Math.min(...lines.map((l) => l.period.start)),
          end: Math.max(...lines.map((l) => l.period.end)),
        }
      : null;
  return span ? { start: new Date(span.start * 1000), end: new Date(span.end * 1000) } : null;
}

/** The PaymentIntent of the invoice's paid (else latest) payment; needs `expand: ["payments"]`. */
export function paymentIntentOfInvoice(invoice: Stripe.Invoice): string | null {
  const payments = invoice.payments?.data ?? [];
  const chosen = payments.find((p) => p.status === "paid") ?? payments.at(-1);
  return chosen?.payment.type === "payment_intent" ? idOf(chosen.payment.payment_intent) : null;
}
