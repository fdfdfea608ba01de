// Past the last reminder (or when Stripe itself gives up) the store drops to Free: the Stripe
// subscription is canceled on the platform account, the store's subscription row moves to the Free
// plan with status "free" (so its fees and limits are Free's), the case ends, and the seller is told
// what happened and how to come back. Stripe first, then one transaction: both steps are idempotent,
// and the webhook path (customer.subscription.deleted) converges on the same transaction.
import type Stripe from "stripe";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { FREE_PLAN } from "@/lib/billing/catalog";
import { prisma, type Tx } from "@/lib/db/client";
import { getStripe } from "@/lib/stripe/client";
import { callStripe } from "@/lib/stripe/errors";
import { notifyDowngraded } from "./notify";

/** Subscription metadata key set before Vitrine cancels a subscription for non-payment. */
export const DUNNING_CANCEL_MARK = "vitrine_dunning_case";

const idOf = (v: string | { id: string } | null | undefined) => (typeof v === "string" ? v : (v?.id ?? null));

/** The plan subscription an invoice bills, if any. */
export function subscriptionIdOfInvoice(invoice: Stripe.Invoice): string | null {
  return idOf(invoice.parent?.subscription_details?.subscription ?? null);
}

/** True when Stripe ended the subscription for non-payment: its own retries ran out, or our downgrade. */
export function canceledForNonPayment(sub: Stripe.Subscription): boolean {
  return sub.cancellation_details?.reason === "payment_failed" || Boolean(sub.metadata?.[DUNNING_CANCEL_MARK]);
}

/**
 * Cancels the subscription of a case's invoice at Stripe (marked as ours first, so the webhook that
 * follows is read as a downgrade, not as the seller canceling) and stops collection on the invoice.
 */
export async function cancelAtStripe(caseId: string, invoice: Stripe.Invoice): Promise<void> {
  const stripe = getStripe();
  const subId = subscriptionIdOfInvoice(invoice);
  if (subId) {
    const sub = await callStripe(() => stripe.subscriptions.retrieve(subId));
    if (sub.status !== "canceled") {
      await callStripe(() => stripe.subscriptions.update(subId, { metadata: { [DUNNING_CANCEL_MARK]: caseId } }));
      await callStripe(() =>
        stripe.subscriptions.cancel(
          subId,
          { invoice_now: false, prorate: false, cancellation_details: { comment: "Unpaid: moved to Free by Vitrine" } },
          { idempotencyKey: `vitrine:dunning-cancel:${caseId}` },
        ),
      );
    }
  }
  if (invoice.status === "open" && invoice.id)
    await callStripe(() =>
      stripe.invoices.markUncollectible(invoice.id!, undefined, {
        idempotencyKey: `vitrine:dunning-uncollectible:${caseId}`,
      }),
    );
}

/**
 * Moves the store to Free and ends its active cases, once (the cases are claimed in the same
 * statement). Returns false when another path got there first. Free's row comes from the seed; in
 * the single-plan mode (no Free plan) the subscription is only marked canceled.
 */
export async function finishDowngrade(storeId: string, audit: AuditContext, now = new Date()): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const cases = await tx.dunningCase.findMany({
      where: { storeId, status: "active" },
      orderBy: { startedAt: "asc" },
    });
    const { count } = await tx.dunningCase.updateMany({
      where: { storeId, status: "active" },
      data: { status: "downgraded", endReason: "downgraded", endedAt: now, nextStepAt: null },
    });
    if (count === 0) return false;
    const before = await tx.platformSubscription.findUnique({ where: { storeId }, include: { plan: true } });
    const free = await tx.platformPlan.findUnique({ where: { code: FREE_PLAN.code } });
    await moveToFree(tx, storeId, free?.id ?? null);
    const first = cases[0]!;
    await appendAudit(tx, audit, {
      action: "billing.dunning_downgraded",
      storeId,
      target: { type: "dunning_case", id: first.id },
      before: before ? { plan: before.plan.code, status: before.status } : null,
      after: { plan: free ? free.code : (before?.plan.code ?? null), status: free ? "free" : "canceled" },
    });
    await notifyDowngraded(tx, {
      storeId,
      caseId: first.id,
      fromPlanName: before?.plan.name ?? "—",
      toPlanName: free?.name ?? FREE_PLAN.name,
      amountMinor: first.amountDue,
      currency: first.currency,
    });
    return true;
  });
}

/**
 * The other half of the convergence: a mirror of the canceled subscription that landed after the
 * downgrade (the webhook racing the job) would leave the old plan on the row as "canceled". When the
 * store's dunning already ended in a downgrade and the row still names that subscription, it goes
 * back to Free (no second notice). Returns whether it changed the row.
 */
export async function reassertFree(storeId: string, subscriptionId: string, audit: AuditContext): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.platformSubscription.findUnique({ where: { storeId }, include: { plan: true } });
    if (!row || row.stripeSubscriptionId !== subscriptionId || row.status !== "canceled") return false;
    const downgraded = await tx.dunningCase.findFirst({ where: { storeId, status: "downgraded" } });
    if (!downgraded) return false;
    const free = await tx.platformPlan.findUnique({ where: { code: FREE_PLAN.code } });
    if (!free) return false;
    await moveToFree(tx, storeId, free.id);
    await appendAudit(tx, audit, {
      action: "billing.dunning_downgraded",
      storeId,
      target: { type: "dunning_case", id: downgraded.id },
      before: { plan: row.plan.code, status: row.status },
      after: { plan: free.code, status: "free" },
    });
    return true;
  });
}

async function moveToFree(tx: Tx, storeId: string, freePlanId: string | null) {
  const detached = {
    stripeSubscriptionId: null,
    cancelAtPeriodEnd: false,
    currentPeriodStart: null,
    currentPeriodEnd: null,
    trialEnd: null,
    interval: null,
    couponId: null,
  };
  if (freePlanId) {
    await tx.platformSubscription.upsert({
      where: { storeId },
      create: { storeId, planId: freePlanId, status: "free" },
      update: { planId: freePlanId, status: "free", ...detached },
    });
    return;
  }
  await tx.platformSubscription.updateMany({ where: { storeId }, data: { status: "canceled", ...detached } });
}
