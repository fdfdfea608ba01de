import type Stripe from "stripe";
import { recordInvoiceCustomer } from "@/lib/customers/record";
import { recordSubscriptionInvoice } from "@/lib/orders/renewals";
import type { HandlerContext } from "../context";

/** The invoice events that say a buyer's subscription invoice was paid or declined. */
const PAYMENT_EVENTS = new Set(["invoice.paid", "invoice.payment_succeeded", "invoice.payment_failed"]);

/**
 * A buyer's subscription invoice on a connected account (platform invoices are the seller's own
 * plan: lib/billing). Two events per paid invoice (invoice.paid and invoice.payment_succeeded),
 * their retries and the recovery sync all land here; lib/orders/renewals.ts makes them one payment.
 */
export async function onConnectedInvoice(ctx: HandlerContext, invoice: Stripe.Invoice): Promise<void> {
  if (!ctx.stripeAccount || !PAYMENT_EVENTS.has(ctx.event.type)) return;
  await recordInvoiceCustomer(await recordSubscriptionInvoice(ctx.stripeAccount, invoice.id, ctx.audit));
}
