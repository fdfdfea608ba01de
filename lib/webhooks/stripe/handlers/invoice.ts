// Platform invoice.* events: our own Invoice follows Stripe's (lib/invoices/platform.ts), re-read
// from Stripe each time so a stale, replayed or out-of-order event converges. Connected accounts'
// invoices are their buyers' subscriptions, not ours to record: ignored.
import type Stripe from "stripe";
import type { IssuedHook } from "@/lib/invoices/issue";
import { syncStripeInvoice } from "@/lib/invoices/platform";
import { enqueueNotification } from "@/lib/notifications/enqueue";
import type { EventHandler } from "../context";

/** The seller hears of a new plan invoice (with its PDF), written in the transaction that issues it. */
export const notifyInvoiceIssued: IssuedHook = async (tx, invoice) => {
  if (invoice.kind !== "INVOICE" || invoice.total <= 0 || !invoice.displayNumber) return;
  await enqueueNotification(tx, {
    storeId: invoice.storeId,
    event: "invoice_issued",
    subjectId: invoice.id,
    payload: {
      invoiceId: invoice.id,
      number: invoice.displayNumber,
      amountMinor: invoice.total,
      currency: invoice.currency,
      ...(invoice.status === "open" && invoice.dueDate ? { dueDate: invoice.dueDate } : {}),
      url: `/dashboard/invoices/${invoice.id}`,
      attachPdf: true,
    },
  });
};

export const onPlatformInvoice: EventHandler = async (ctx) => {
  if (ctx.stripeAccount) return;
  const stale = ctx.event.data.object as Stripe.Invoice;
  if (stale.object !== "invoice" || !stale.id) return;
  await syncStripeInvoice(stale.id, ctx.audit, notifyInvoiceIssued);
};

/** The invoice events our record follows. */
export const MIRRORED_INVOICE_EVENTS = [
  "invoice.finalized",
  "invoice.paid",
  "invoice.payment_succeeded",
  "invoice.payment_failed",
  "invoice.voided",
  "invoice.marked_uncollectible",
] as const;

/** The table with the invoice mirror added to each mirrored type: after the type's own handler, if it has one. */
export function withInvoiceMirror(table: Partial<Record<string, EventHandler>>): Partial<Record<string, EventHandler>> {
  const out = { ...table };
  for (const type of MIRRORED_INVOICE_EVENTS) {
    const first = table[type];
    out[type] = first
      ? async (ctx) => {
          await first(ctx);
          await onPlatformInvoice(ctx);
        }
      : onPlatformInvoice;
  }
  return out;
}
