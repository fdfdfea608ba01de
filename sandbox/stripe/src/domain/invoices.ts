/**
 * Invoice lifecycle: draft → open (finalized) → paid | uncollectible | void. Payments go through a
 * PaymentIntent linked to the invoice, so declines, 3-D Secure and events behave like any payment.
 */
import type Stripe from "stripe";
import type { Ctx } from "../context";
import { invalidRequest } from "../errors";
import { diff, emit } from "../events";
import { invoiceLineObject, invoiceObject, invoicePaymentObject, type LineInput } from "../factories/billing";
import { paymentIntentObject } from "../factories/payments";
import { idOf, newId } from "../ids";
import type { Rec } from "../store";
import { attemptPayment, type AttemptResult } from "./payments";
import { discountLines } from "./subscription-discounts";
import { onSubscriptionInvoiceFailed, onSubscriptionInvoicePaid } from "./subscriptions";

export const RETRY_DAYS = [3, 5, 7];

function accountName(ctx: Ctx): string {
  if (!ctx.scope) return "Vitrine";
  const acct = ctx.app.store.find("account", ctx.scope);
  return acct?.obj.business_profile?.name ?? acct?.obj.email ?? ctx.scope;
}

export type NewInvoice = {
  customer: Rec<"customer">;
  subscription: Rec<"subscription"> | null;
  lines: LineInput[];
  billingReason: Stripe.Invoice.BillingReason;
  periodStart: number;
  periodEnd: number;
  /** The subscription's discounts that apply to this invoice. */
  discounts?: Rec<"discount">[];
};

/** Creates and immediately finalizes an invoice (Stripe waits ~1h before finalizing renewals; we don't). */
export function createInvoice(ctx: Ctx, input: NewInvoice): Rec<"invoice"> {
  const { app } = ctx;
  const now = app.clock.now();
  const id = newId("in");
  const customer = input.customer.obj;
  const seq = customer.next_invoice_sequence ?? 1;
  customer.next_invoice_sequence = seq + 1;
  const sub = input.subscription?.obj ?? null;
  const currency = input.lines[0]?.currency ?? "usd";
  const discounted = discountLines(input.discounts ?? [], currency, input.lines);
  const obj = invoiceObject(
    id,
    {
      customer,
      currency,
      subscription: sub?.id ?? null,
      subscriptionMetadata: sub?.metadata,
      billingReason: input.billingReason,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      accountName: accountName(ctx),
      applicationFeePercent: sub?.application_fee_percent ?? null,
      number: `${customer.invoice_prefix ?? "EMU"}-${String(seq).padStart(4, "0")}`,
      discounts: discounted.discounts,
      totalDiscountAmounts: discounted.totals,
    },
    discounted.lines.map((l) => invoiceLineObject(id, l)),
    { hosted: app.url(`/invoice/${id}`), pdf: app.url(`/invoice/${id}/pdf`) },
    now,
  );
  obj.default_payment_method = sub ? idOf(sub.default_payment_method) : null;
  const rec = app.store.insert("invoice", ctx.scope, obj, {});
  emit(ctx, "invoice.created", rec.obj);
  finalizeInvoice(ctx, rec);
  return rec;
}

export function finalizeInvoice(ctx: Ctx, inv: Rec<"invoice">): void {
  if (inv.obj.status !== "draft")
    throw invalidRequest(`This invoice is already finalized, you can't re-finalize a non-draft invoice.`, {
      code: "invoice_not_editable",
    });
  inv.obj.status = "open";
  inv.obj.status_transitions.finalized_at = ctx.app.clock.now();
  inv.obj.effective_at = ctx.app.clock.now();
  emit(ctx, "invoice.finalized", inv.obj);
}

/** Pays an open invoice with `pm` (or the subscription/customer default). $0 invoices are paid at once. */
export function payInvoice(
  ctx: Ctx,
  inv: Rec<"invoice">,
  opts: { pm?: Rec<"payment_method"> | null; offSession: boolean; returnUrl?: string; outOfBand?: boolean },
): AttemptResult | null {
  if (inv.obj.status !== "open")
    throw invalidRequest(`Invoice is already ${inv.obj.status}.`, { code: "invoice_not_editable" });
  // paid_out_of_band: the money arrived elsewhere (a PIX transfer, a bank deposit); nothing is charged.
  if (inv.obj.amount_due === 0 || opts.outOfBand) {
    markPaid(ctx, inv);
    return { status: "succeeded" };
  }
  const pi = ensurePaymentIntent(ctx, inv);
  const pm = opts.pm ?? defaultPaymentMethod(ctx, inv);
  if (!pm) return null;
  return attemptPayment(ctx, pi, pm, { offSession: opts.offSession, returnUrl: opts.returnUrl });
}

/** The PaymentIntent that collects this invoice, created on first use (its client secret confirms it). */
export function ensurePaymentIntent(ctx: Ctx, inv: Rec<"invoice">): Rec<"payment_intent"> {
  const { app } = ctx;
  const existing = inv.x.paymentIntent ? app.store.get("payment_intent", inv.x.paymentIntent, inv.scope) : undefined;
  if (existing) return existing;
  const subId = inv.obj.parent?.subscription_details ? idOf(inv.obj.parent.subscription_details.subscription) : null;
  const sub = subId ? app.store.get("subscription", subId, inv.scope) : undefined;
  const pi = app.store.insert(
    "payment_intent",
    inv.scope,
    paymentIntentObject(
      {
        amount: inv.obj.amount_due,
        currency: inv.obj.currency,
        customer: idOf(inv.obj.customer),
        description: inv.obj.billing_reason === "subscription_create" ? "Subscription creation" : "Subscription update",
        application_fee_amount: inv.obj.application_fee_amount,
        transfer_data: sub?.obj.transfer_data ? { destination: String(idOf(sub.obj.transfer_data.destination)) } : null,
      },
      app.clock.now(),
    ),
    { invoice: inv.id },
  );
  emit(ctx, "payment_intent.created", pi.obj);
  inv.x.paymentIntent = pi.id;
  inv.obj.payments?.data.push(invoicePaymentObject(inv.obj, pi.id, app.clock.now()));
  return pi;
}

function defaultPaymentMethod(ctx: Ctx, inv: Rec<"invoice">): Rec<"payment_method"> | null {
  const customer = ctx.app.store.get("customer", String(idOf(inv.obj.customer)), inv.scope);
  const pmId =
    idOf(inv.obj.default_payment_method) ?? idOf(customer?.obj.invoice_settings.default_payment_method ?? null);
  return pmId ? (ctx.app.store.get("payment_method", pmId, inv.scope) ?? null) : null;
}

function markPaid(ctx: Ctx, inv: Rec<"invoice">): void {
  const now = ctx.app.clock.now();
  inv.obj.status = "paid";
  inv.obj.amount_paid = inv.obj.amount_due;
  inv.obj.amount_remaining = 0;
  inv.obj.attempted = true;
  inv.obj.attempt_count = Math.max(1, inv.obj.attempt_count + (inv.obj.amount_due === 0 ? 0 : 1));
  inv.obj.next_payment_attempt = null;
  inv.obj.status_transitions.paid_at = now;
  for (const p of inv.obj.payments?.data ?? []) {
    p.status = "paid";
    p.amount_paid = inv.obj.amount_due;
    p.status_transitions.paid_at = now;
  }
  emit(ctx, "invoice.paid", inv.obj);
  emit(ctx, "invoice.payment_succeeded", inv.obj);
  onSubscriptionInvoicePaid(ctx, inv);
}

export function onInvoicePaymentSucceeded(ctx: Ctx, invoiceId: string, pi: Rec<"payment_intent">): void {
  const inv = ctx.app.store.get("invoice", invoiceId, ctx.scope);
  if (!inv || inv.obj.status !== "open") return;
  const subId = inv.obj.parent?.subscription_details ? idOf(inv.obj.parent.subscription_details.subscription) : null;
  const sub = subId ? ctx.app.store.get("subscription", subId, ctx.scope) : undefined;
  if (
    sub &&
    !sub.obj.default_payment_method &&
    pi.obj.payment_method &&
    sub.obj.payment_settings?.save_default_payment_method === "on_subscription"
  ) {
    sub.obj.default_payment_method = idOf(pi.obj.payment_method);
  }
  markPaid(ctx, inv);
}

export function onInvoicePaymentFailed(ctx: Ctx, invoiceId: string): void {
  const inv = ctx.app.store.get("invoice", invoiceId, ctx.scope);
  if (!inv || inv.obj.status !== "open") return;
  inv.obj.attempted = true;
  inv.obj.attempt_count += 1;
  const wait = RETRY_DAYS[inv.obj.attempt_count - 1];
  inv.obj.next_payment_attempt =
    wait !== undefined && inv.obj.billing_reason !== "subscription_create" ? ctx.app.clock.now() + wait * 86400 : null;
  emit(ctx, "invoice.payment_failed", inv.obj);
  onSubscriptionInvoiceFailed(ctx, inv);
}

export function voidInvoice(ctx: Ctx, inv: Rec<"invoice">): void {
  if (inv.obj.status !== "open")
    throw invalidRequest(`You can only void an open invoice (this one is ${inv.obj.status}).`, {
      code: "invoice_not_editable",
    });
  const before = structuredClone(inv.obj);
  inv.obj.status = "void";
  inv.obj.amount_remaining = 0;
  inv.obj.next_payment_attempt = null;
  inv.obj.status_transitions.voided_at = ctx.app.clock.now();
  cancelOpenPaymentIntent(ctx, inv);
  emit(ctx, "invoice.voided", inv.obj, diff(before, inv.obj));
}

export function markUncollectible(ctx: Ctx, inv: Rec<"invoice">): void {
  if (inv.obj.status !== "open")
    throw invalidRequest(`You can only mark an open invoice uncollectible (this one is ${inv.obj.status}).`, {
      code: "invoice_not_editable",
    });
  const before = structuredClone(inv.obj);
  inv.obj.status = "uncollectible";
  inv.obj.next_payment_attempt = null;
  inv.obj.status_transitions.marked_uncollectible_at = ctx.app.clock.now();
  emit(ctx, "invoice.marked_uncollectible", inv.obj, diff(before, inv.obj));
}

function cancelOpenPaymentIntent(ctx: Ctx, inv: Rec<"invoice">): void {
  const pi = inv.x.paymentIntent ? ctx.app.store.get("payment_intent", inv.x.paymentIntent, inv.scope) : undefined;
  if (pi && pi.obj.status !== "succeeded" && pi.obj.status !== "canceled") {
    pi.obj.status = "canceled";
    pi.obj.canceled_at = ctx.app.clock.now();
    pi.obj.cancellation_reason = "void_invoice";
    emit(ctx, "payment_intent.canceled", pi.obj);
  }
}
