// Subscription invoices on connected accounts as payments. A buyer's subscription bought through
// Checkout is one Order (channel CHECKOUT); its first invoice (billing_reason subscription_create)
// is that order's own payment: the invoice, its PaymentIntent and period are attached to it, and
// the order's payment.succeeded comes from Checkout as before. Every later invoice that moves money
// is one RENEWAL order, unique per invoice id, moved through the order state machine — so the store
// gets payment.succeeded (or payment.failed for a declined renewal) once, whichever of the webhook,
// its duplicates or the recovery sync (which replays the same events) gets here first.
import "server-only";
import type Stripe from "stripe";
import type { Order } from "@/generated/prisma/client";
import type { AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { lockRow } from "@/lib/db/lock";
import { getStripe } from "@/lib/stripe/client";
import {
  billingPeriodOfInvoice,
  paymentIntentOfInvoice,
  subscriptionOfInvoice,
  vitrineOrderOfInvoice,
} from "./invoice-payment";
import { applyRenewalUpdate } from "./transition";

export type InvoiceOutcome =
  | { kind: "renewal"; order: Order }
  | { kind: "first_invoice"; orderId: string }
  | { kind: "ignored"; why: string };

/** The Checkout order that started the subscription, on this connected account only. */
export function subscriptionOrder(stripeAccount: string, subscriptionId: string, vitrineOrderId: string | null) {
  return prisma.order.findFirst({
    where: {
      stripeAccountId: stripeAccount,
      channel: { not: "RENEWAL" },
      OR: [...(vitrineOrderId ? [{ id: vitrineOrderId }] : []), { subscriptionId }],
    },
    orderBy: { createdAt: "asc" },
  });
}

/** Attaches the first invoice to its Checkout order: ids, period and fee it did not know; never its status. */
async function attachFirstInvoice(
  parent: Order,
  invoice: Stripe.Invoice,
  subscriptionId: string,
  pi: Stripe.PaymentIntent | null,
): Promise<void> {
  const period = billingPeriodOfInvoice(invoice);
  await prisma.$transaction(async (tx) => {
    await lockRow(tx, "Order", parent.id);
    const order = await tx.order.findUniqueOrThrow({ where: { id: parent.id } });
    const data = {
      ...(order.invoiceId ? {} : { invoiceId: invoice.id }),
      ...(order.paymentIntentId || !pi ? {} : { paymentIntentId: pi.id }),
      ...(order.subscriptionId ? {} : { subscriptionId }),
      ...(order.periodStart || !period ? {} : { periodStart: period.start, periodEnd: period.end }),
      ...(order.applicationFeeAmount !== null || pi?.application_fee_amount == null
        ? {}
        : { applicationFeeAmount: pi.application_fee_amount }),
    };
    if (Object.keys(data).length) await tx.order.update({ where: { id: order.id }, data });
  });
}

/** Why the PaymentIntent behind a declined invoice failed, as the order keeps it. */
function declineOf(pi: Stripe.PaymentIntent | null, attempt: number) {
  const error = pi?.last_payment_error;
  const charge = typeof pi?.latest_charge === "string" ? pi.latest_charge : pi?.latest_charge?.id;
  return {
    failureCode: error?.decline_code ?? error?.code ?? "payment_failed",
    failureMessage: error?.message ?? null,
    attemptRef: charge ?? `attempt-${attempt}`,
  };
}

/**
 * A subscription invoice of a connected account as Stripe has it now (re-read, never the event's
 * copy): a paid renewal becomes a PAID RENEWAL order, a declined one a FAILED one (paid later by
 * Stripe's retries, it moves to PAID). Invoices of subscriptions not sold through Vitrine, and
 * invoices that move no money, are left alone.
 */
export async function recordSubscriptionInvoice(
  stripeAccount: string,
  invoiceId: string,
  audit: AuditContext,
): Promise<InvoiceOutcome> {
  const invoice = await getStripe().invoices.retrieve(invoiceId, { expand: ["payments"] }, { stripeAccount });
  const subscriptionId = subscriptionOfInvoice(invoice);
  if (!subscriptionId) return { kind: "ignored", why: "not a subscription invoice" };
  const parent = await subscriptionOrder(stripeAccount, subscriptionId, vitrineOrderOfInvoice(invoice));
  if (!parent) return { kind: "ignored", why: "subscription not sold through Vitrine" };
  const paid = invoice.status === "paid";
  const declined = invoice.status === "open" && invoice.attempt_count > 0;
  const first = invoice.billing_reason === "subscription_create";
  const amount = paid ? invoice.amount_paid : invoice.amount_due;
  if (first ? !paid : (!paid && !declined) || amount <= 0)
    return { kind: "ignored", why: `invoice ${invoice.billing_reason} ${invoice.status}, ${amount}` };
  // The fee and the decline live on the PaymentIntent that collected the invoice.
  const paymentIntentId = paymentIntentOfInvoice(invoice);
  const pi = paymentIntentId
    ? await getStripe().paymentIntents.retrieve(paymentIntentId, undefined, { stripeAccount })
    : null;
  if (first) {
    await attachFirstInvoice(parent, invoice, subscriptionId, pi);
    return { kind: "first_invoice", orderId: parent.id };
  }
  const period = billingPeriodOfInvoice(invoice);
  const row = {
    storeId: parent.storeId,
    priceId: parent.priceId,
    quantity: parent.quantity,
    amountTotal: amount,
    currency: invoice.currency.toUpperCase(),
    applicationFeeAmount: pi?.application_fee_amount ?? null,
    applicationFeePercentBps: parent.applicationFeePercentBps,
    externalOrderId: parent.externalOrderId,
    customerEmail: invoice.customer_email ?? parent.customerEmail,
    stripeAccountId: stripeAccount,
    subscriptionId,
    stripeCustomerId: typeof invoice.customer === "string" ? invoice.customer : (invoice.customer?.id ?? null),
    paymentIntentId,
    invoiceId: invoice.id,
    periodStart: period?.start ?? null,
    periodEnd: period?.end ?? null,
    renewalOfId: parent.id,
  };
  const order = paid
    ? await applyRenewalUpdate(row, { status: "PAID", paymentIntentId, amountTotal: amount }, audit)
    : await applyRenewalUpdate(
        row,
        { status: "FAILED", paymentIntentId, ...declineOf(pi, invoice.attempt_count) },
        audit,
      );
  return { kind: "renewal", order };
}
