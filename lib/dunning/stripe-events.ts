// What platform billing events mean for dunning, called by the Stripe webhook handler after the
// plan mirror: a failed renewal opens a case; a paid or voided invoice, or the plan canceled by the
// seller, ends it; Stripe giving up (or our own cancellation) completes the downgrade. Every branch
// re-reads the invoice from Stripe and is idempotent, so replays and out-of-order events converge.
import type Stripe from "stripe";
import type { AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { enqueue } from "@/lib/jobs/runner";
import { logger } from "@/lib/log/logger";
import { metrics } from "@/lib/metrics/registry";
import { getStripe } from "@/lib/stripe/client";
import { activeCasesOfStore, endDunningCase, openDunningCase } from "./cases";
import { canceledForNonPayment, DUNNING_CANCEL_MARK, finishDowngrade, reassertFree } from "./downgrade";
import { DUNNING_JOB } from "./names";

/** Renewal and change invoices; a first invoice that fails leaves an incomplete subscription, not a debt. */
const DUNNING_BILLING_REASONS = new Set(["subscription_cycle", "subscription_update", "subscription_threshold"]);
const LAPSED = new Set(["incomplete", "incomplete_expired", "canceled"]);

/** The store a platform object belongs to: the subscription's metadata, checked against the customer we hold. */
async function storeOf(sub: Stripe.Subscription): Promise<string | null> {
  const storeId = sub.metadata?.storeId;
  if (!storeId) return null;
  const store = await prisma.store.findUnique({ where: { id: storeId }, select: { platformCustomerId: true } });
  const customer = typeof sub.customer === "string" ? sub.customer : sub.customer.id;
  return store && store.platformCustomerId === customer ? storeId : null;
}

/** How an invoice was paid: PIX when our own record says so (the PIX path marks it), else Stripe. */
async function paidBy(stripeInvoiceId: string): Promise<"pix" | "stripe"> {
  const ours = await prisma.invoice.findFirst({
    where: { issuer: "PLATFORM", stripeInvoiceId },
    select: { paymentMethod: true },
  });
  return ours?.paymentMethod === "pix" ? "pix" : "stripe";
}

/** Starts the dunning job now rather than at the next minute (no-op without a runner, as in tests). */
export async function kickDunning(): Promise<void> {
  try {
    await enqueue(DUNNING_JOB, {}, { singletonKey: "kick" });
  } catch (err) {
    if (err instanceof Error && err.message === "Job runner not started") return;
    logger.warn({ err }, "could not kick the dunning job; the cron run will advance the case");
  }
}

export async function onPlatformBillingEvent(event: Stripe.Event, sub: Stripe.Subscription, audit: AuditContext) {
  const obj = event.data.object as { object?: string; id?: string };
  if (obj.object === "invoice" && obj.id) return onInvoiceEvent(event, obj.id, sub, audit);
  if (event.type === "customer.subscription.deleted") return onSubscriptionEnded(sub, audit);
}

async function onInvoiceEvent(event: Stripe.Event, invoiceId: string, sub: Stripe.Subscription, audit: AuditContext) {
  if (!["invoice.payment_failed", "invoice.paid", "invoice.voided"].includes(event.type)) return;
  const invoice = await getStripe().invoices.retrieve(invoiceId);
  if (event.type === "invoice.voided" || invoice.status === "void") {
    await endDunningCase(invoiceId, "canceled", audit);
    return;
  }
  if (event.type === "invoice.paid" || invoice.status === "paid") {
    const provider = await paidBy(invoiceId);
    // PIX payments are counted where the PIX charge is paid; this event only mirrors them.
    if (event.type === "invoice.paid" && provider === "stripe" && invoice.amount_paid > 0)
      metrics.billing.payments.inc({ status: "succeeded", provider: "stripe" });
    await endDunningCase(invoiceId, provider === "pix" ? "paid_pix" : "paid_card", audit);
    return;
  }
  metrics.billing.payments.inc({ status: "failed", provider: "stripe" });
  if (invoice.status !== "open" || invoice.amount_remaining <= 0) return;
  if (!DUNNING_BILLING_REASONS.has(invoice.billing_reason ?? "") || LAPSED.has(sub.status)) return;
  const storeId = await storeOf(sub);
  if (!storeId) return;
  const { created } = await openDunningCase(
    {
      storeId,
      stripeInvoiceId: invoiceId,
      amountDue: invoice.amount_remaining,
      currency: invoice.currency,
      failedAt: new Date(event.created * 1000),
    },
    audit,
  );
  if (created) await kickDunning();
}

/**
 * The plan subscription ended. Canceled for non-payment (Stripe's retries ran out, or our own
 * downgrade): the store is on Free now. Canceled by the seller: the cases just end.
 */
async function onSubscriptionEnded(sub: Stripe.Subscription, audit: AuditContext) {
  const storeId = await storeOf(sub);
  if (!storeId) return;
  if (canceledForNonPayment(sub)) {
    if (!(await finishDowngrade(storeId, audit))) await reassertFree(storeId, sub.id, audit);
    return;
  }
  const cases = await activeCasesOfStore(storeId);
  for (const c of cases) await endDunningCase(c.stripeInvoiceId, "canceled", audit);
}

/**
 * A canceled subscription that is no longer the store's current one (the store moved to Free after
 * dunning, or subscribed again since), or one our downgrade canceled: mirroring it would put the old
 * plan back on the store's row.
 */
export async function isSupersededCancellation(sub: Stripe.Subscription): Promise<boolean> {
  if (sub.status !== "canceled") return false;
  if (sub.metadata?.[DUNNING_CANCEL_MARK]) return true;
  const storeId = sub.metadata?.storeId;
  if (!storeId) return false;
  const row = await prisma.platformSubscription.findUnique({
    where: { storeId },
    select: { stripeSubscriptionId: true },
  });
  return Boolean(row) && row!.stripeSubscriptionId !== sub.id;
}
