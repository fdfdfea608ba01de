// Sellers pay the platform for a plan: Free, Starter, Pro (seeded), or a single plan from
// PLATFORM_PRICE_ID. Paid plans are Stripe subscriptions on the PLATFORM account (no
// Stripe-Account header); the seller is a platform customer.
import { z } from "zod";
import type Stripe from "stripe";
import { prisma } from "@/lib/db/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { AppError, notFound } from "@/lib/errors";
import { getStripe } from "@/lib/stripe/client";
import { env } from "@/lib/env/server";
import { callStripe } from "@/lib/stripe/errors";
import { defaultFeeRate } from "./fee-rate";

/** The store a plan is for (lib/tenancy PlanStore has these; billing does not import tenancy, which imports billing). */
export type PlanStore = { id: string; name: string; currency: string };

export const SubscribeInput = z.strictObject({ planCode: z.string().trim().min(1).max(40) });

/** With PLATFORM_PRICE_ID set, that one Stripe price is the only plan (fee from the default rate). */
async function ensureSinglePlan(priceId: string) {
  const existing = await prisma.platformPlan.findUnique({ where: { stripePriceId: priceId } });
  if (existing) return;
  const price = await callStripe(() => getStripe().prices.retrieve(priceId, { expand: ["product"] }));
  const name =
    typeof price.product === "object" && price.product && "name" in price.product ? price.product.name : "Vitrine";
  const fee = defaultFeeRate({
    PLATFORM_FEE_PERCENT: env().PLATFORM_FEE_PERCENT,
    PLATFORM_FEE_FIXED: env().PLATFORM_FEE_FIXED,
  });
  await prisma.platformPlan.upsert({
    where: { code: "platform" },
    create: {
      code: "platform",
      name,
      amount: price.unit_amount ?? 0,
      currency: price.currency.toUpperCase(),
      interval: price.recurring?.interval === "year" ? "YEAR" : "MONTH",
      feePercentBps: fee.percentBps,
      feeFixed: fee.fixed,
      stripePriceId: price.id,
    },
    update: { stripePriceId: price.id, amount: price.unit_amount ?? 0, active: true },
  });
}

export async function listPlans() {
  const single = env().PLATFORM_PRICE_ID;
  if (single) {
    await ensureSinglePlan(single);
    return prisma.platformPlan.findMany({ where: { stripePriceId: single } });
  }
  return prisma.platformPlan.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" } });
}

/** Makes sure a paid plan has a recurring price on the platform account (looked up by lookup_key). */
export async function ensurePlanPrice(planId: string): Promise<string> {
  const plan = await prisma.platformPlan.findUniqueOrThrow({ where: { id: planId } });
  if (plan.stripePriceId) return plan.stripePriceId;
  const stripe = getStripe();
  const lookupKey = `vitrine_plan_${plan.code}`;
  const existing = await callStripe(() => stripe.prices.list({ lookup_keys: [lookupKey], active: true, limit: 1 }));
  const price =
    existing.data[0] ??
    (await callStripe(() =>
      stripe.prices.create(
        {
          currency: plan.currency.toLowerCase(),
          unit_amount: plan.amount,
          recurring: { interval: plan.interval === "YEAR" ? "year" : "month" },
          lookup_key: lookupKey,
          product_data: { name: `Vitrine ${plan.name}` },
        },
        { idempotencyKey: `vitrine:plan-price:${plan.id}:${plan.amount}` },
      ),
    ));
  await prisma.platformPlan.update({ where: { id: plan.id }, data: { stripePriceId: price.id } });
  return price.id;
}

/** The seller's customer on the platform account, created once per store. */
export async function ensurePlatformCustomer(store: PlanStore, email: string): Promise<string> {
  const row = await prisma.store.findUniqueOrThrow({ where: { id: store.id }, select: { platformCustomerId: true } });
  if (row.platformCustomerId) return row.platformCustomerId;
  const customer = await callStripe(() =>
    getStripe().customers.create(
      { email, name: store.name, metadata: { storeId: store.id } },
      { idempotencyKey: `vitrine:platform-customer:${store.id}` },
    ),
  );
  await prisma.store.update({ where: { id: store.id }, data: { platformCustomerId: customer.id } });
  return customer.id;
}

export async function getSubscription(storeId: string) {
  return prisma.platformSubscription.findUnique({ where: { storeId }, include: { plan: true } });
}

/** Free plan: recorded locally. Paid plan: a Checkout Session in subscription mode (trial honoured). */
/** subscribeToPlan for the store's owner (the platform customer is the owner's email). */
export async function subscribeStoreToPlan(
  store: PlanStore,
  planCode: string,
  ctx: { appUrl: string; audit: AuditContext },
) {
  const { owner } = await prisma.store.findUniqueOrThrow({
    where: { id: store.id },
    select: { owner: { select: { email: true } } },
  });
  return subscribeToPlan(store, owner.email, planCode, ctx);
}

export async function subscribeToPlan(
  store: PlanStore,
  email: string,
  planCode: string,
  ctx: { appUrl: string; audit: AuditContext },
) {
  const plan = await prisma.platformPlan.findFirst({ where: { code: planCode, active: true } });
  if (!plan) throw notFound("Plan");
  const current = await getSubscription(store.id);
  if (current?.stripeSubscriptionId && ["active", "trialing", "past_due"].includes(current.status))
    throw new AppError("already_exists", "You already have a paid plan: change it instead.", { param: "planCode" });
  if (plan.amount === 0) {
    return prisma.$transaction(async (tx) => {
      const sub = await tx.platformSubscription.upsert({
        where: { storeId: store.id },
        create: { storeId: store.id, planId: plan.id, status: "free" },
        update: { planId: plan.id, status: "free", stripeSubscriptionId: null, cancelAtPeriodEnd: false },
      });
      await appendAudit(tx, ctx.audit, {
        action: "billing.plan_changed",
        storeId: store.id,
        target: { type: "plan", id: plan.code },
        after: { plan: plan.code, status: "free" },
      });
      return { subscription: sub, checkoutUrl: null };
    });
  }
  const [customer, priceId] = await Promise.all([ensurePlatformCustomer(store, email), ensurePlanPrice(plan.id)]);
  const session = await callStripe(() =>
    getStripe().checkout.sessions.create({
      mode: "subscription",
      customer,
      line_items: [{ price: priceId, quantity: 1 }],
      success_url: `${ctx.appUrl}/dashboard/plan?subscribed={CHECKOUT_SESSION_ID}`,
      cancel_url: `${ctx.appUrl}/dashboard/plan`,
      client_reference_id: store.id,
      metadata: { storeId: store.id, planCode: plan.code },
      subscription_data: {
        metadata: { storeId: store.id, planCode: plan.code },
        ...(plan.trialDays ? { trial_period_days: plan.trialDays } : {}),
      },
    }),
  );
  return { subscription: current, checkoutUrl: session.url };
}

/** Mirrors a platform subscription (after Checkout, a change, or customer.subscription.* events). */
export async function applySubscription(sub: Stripe.Subscription, audit: AuditContext) {
  const storeId = sub.metadata?.storeId;
  if (!storeId) return null;
  const priceId = sub.items.data[0]?.price.id;
  const plan =
    (priceId && (await prisma.platformPlan.findUnique({ where: { stripePriceId: priceId } }))) ||
    (sub.metadata?.planCode && (await prisma.platformPlan.findUnique({ where: { code: sub.metadata.planCode } })));
  if (!plan) return null;
  const periodEnd = sub.items.data[0]?.current_period_end;
  const data = {
    planId: plan.id,
    stripeSubscriptionId: sub.id,
    status: sub.status,
    cancelAtPeriodEnd: sub.cancel_at_period_end,
    currentPeriodEnd: periodEnd ? new Date(periodEnd * 1000) : null,
    trialEnd: sub.trial_end ? new Date(sub.trial_end * 1000) : null,
  };
  return prisma.$transaction(async (tx) => {
    const before = await tx.platformSubscription.findUnique({ where: { storeId } });
    const row = await tx.platformSubscription.upsert({
      where: { storeId },
      create: { storeId, ...data },
      update: data,
      include: { plan: true },
    });
    if (
      !before ||
      before.status !== row.status ||
      before.planId !== row.planId ||
      before.cancelAtPeriodEnd !== row.cancelAtPeriodEnd
    ) {
      await appendAudit(tx, audit, {
        action: "billing.subscription_updated",
        storeId,
        target: { type: "subscription", id: sub.id },
        before: before
          ? { status: before.status, planId: before.planId, cancelAtPeriodEnd: before.cancelAtPeriodEnd }
          : null,
        after: { status: row.status, plan: plan.code, cancelAtPeriodEnd: row.cancelAtPeriodEnd },
      });
    }
    return row;
  });
}

/** Re-reads the store's platform subscription from Stripe (after returning from Checkout or the portal). */
export async function syncSubscription(store: PlanStore, audit: AuditContext) {
  const row = await prisma.store.findUniqueOrThrow({ where: { id: store.id }, select: { platformCustomerId: true } });
  if (!row.platformCustomerId) return getSubscription(store.id);
  const subs = await callStripe(() =>
    getStripe().subscriptions.list({ customer: row.platformCustomerId!, status: "all", limit: 10 }),
  );
  const live = subs.data.find((s) => s.status !== "canceled" && s.status !== "incomplete_expired") ?? subs.data[0];
  if (live) await applySubscription(live, audit);
  return getSubscription(store.id);
}

async function requirePaidSubscription(storeId: string) {
  const sub = await getSubscription(storeId);
  if (!sub?.stripeSubscriptionId) throw new AppError("not_found", "No paid plan to change.");
  return sub;
}

/** Upgrade or downgrade now, prorated. */
export async function changePlan(storeId: string, planCode: string, audit: AuditContext) {
  const sub = await requirePaidSubscription(storeId);
  const plan = await prisma.platformPlan.findFirst({ where: { code: planCode, active: true } });
  if (!plan) throw notFound("Plan");
  if (plan.amount === 0)
    throw new AppError("validation_failed", "To move to Free, cancel your plan at period end.", { param: "planCode" });
  const priceId = await ensurePlanPrice(plan.id);
  const stripeSub = await callStripe(() => getStripe().subscriptions.retrieve(sub.stripeSubscriptionId!));
  const updated = await callStripe(() =>
    getStripe().subscriptions.update(sub.stripeSubscriptionId!, {
      items: [{ id: stripeSub.items.data[0]!.id, price: priceId }],
      proration_behavior: "create_prorations",
      metadata: { storeId, planCode: plan.code },
    }),
  );
  return applySubscription(updated, audit);
}

export async function setCancelAtPeriodEnd(storeId: string, cancel: boolean, audit: AuditContext) {
  const sub = await requirePaidSubscription(storeId);
  const updated = await callStripe(() =>
    getStripe().subscriptions.update(sub.stripeSubscriptionId!, { cancel_at_period_end: cancel }),
  );
  return applySubscription(updated, audit);
}

export async function createBillingPortalSession(storeId: string, appUrl: string) {
  const row = await prisma.store.findUniqueOrThrow({ where: { id: storeId }, select: { platformCustomerId: true } });
  if (!row.platformCustomerId) throw new AppError("not_found", "Subscribe to a plan first.");
  const session = await callStripe(() =>
    getStripe().billingPortal.sessions.create({
      customer: row.platformCustomerId!,
      return_url: `${appUrl}/dashboard/plan`,
    }),
  );
  return { url: session.url };
}

export async function listPlatformInvoices(storeId: string) {
  const row = await prisma.store.findUniqueOrThrow({ where: { id: storeId }, select: { platformCustomerId: true } });
  if (!row.platformCustomerId) return [];
  const invoices = await callStripe(() => getStripe().invoices.list({ customer: row.platformCustomerId!, limit: 24 }));
  return invoices.data.map((i) => ({
    id: i.id!,
    number: i.number,
    status: i.status,
    amountDue: i.amount_due,
    amountPaid: i.amount_paid,
    currency: i.currency.toUpperCase(),
    created: new Date(i.created * 1000),
    hostedInvoiceUrl: i.hosted_invoice_url ?? null,
    invoicePdf: i.invoice_pdf ?? null,
  }));
}
