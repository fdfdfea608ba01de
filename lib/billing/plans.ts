// Sellers pay the platform for a plan: the catalog's Free, Starter, Pro (Enterprise is arranged by
// hand), monthly or yearly in the store's currency, or a single plan from PLATFORM_PRICE_ID. Paid
// plans are Stripe subscriptions on the PLATFORM account (no Stripe-Account header); the seller is a
// platform customer. What a plan grants: entitlements.ts; the catalog: catalog.ts.
import type Stripe from "stripe";
import { prisma } from "@/lib/db/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { AppError, notFound } from "@/lib/errors";
import { getStripe } from "@/lib/stripe/client";
import { env } from "@/lib/env/server";
import { callStripe } from "@/lib/stripe/errors";
import { platformCheckoutDiscounts } from "@/lib/coupons/platform";
import { defaultFeeRate } from "./fee-rate";
import { fromDbInterval, stripePriceFor } from "./plan-prices";
import type { ChangePlanRequest, SubscribeRequest } from "./schemas";

/** The store a plan is for (a lib/tenancy StoreSummary fits; billing does not import tenancy, which imports billing). */
export type PlanStore = { id: string; name: string; currency: string };

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

/** subscribeToPlan for the store's owner (the platform customer is the owner's email). */
export async function subscribeStoreToPlan(
  store: PlanStore,
  input: SubscribeRequest,
  ctx: { appUrl: string; audit: AuditContext },
) {
  const { owner } = await prisma.store.findUniqueOrThrow({
    where: { id: store.id },
    select: { owner: { select: { email: true } } },
  });
  return subscribeToPlan(store, owner.email, input, ctx);
}

/**
 * Free plan: recorded locally. Paid plan: a Checkout Session in subscription mode on the platform
 * account, priced in the store's currency for the chosen interval (trial honoured). A promotion code
 * is checked by lib/coupons and put on the session; without one, Stripe's page offers the field.
 * Enterprise (not self-serve) is never subscribed here.
 */
export async function subscribeToPlan(
  store: PlanStore,
  email: string,
  input: SubscribeRequest,
  ctx: { appUrl: string; audit: AuditContext },
) {
  const plan = await prisma.platformPlan.findFirst({ where: { code: input.planCode, active: true } });
  if (!plan) throw notFound("Plan");
  if (!plan.selfServe)
    throw new AppError("validation_failed", `${plan.name} is arranged with our team: contact us instead.`, {
      param: "planCode",
    });
  const current = await getSubscription(store.id);
  if (current?.stripeSubscriptionId && ["active", "trialing", "past_due"].includes(current.status))
    throw new AppError("already_exists", "You already have a paid plan: change it instead.", { param: "planCode" });
  if (plan.amount === 0) {
    if (input.promotionCode)
      throw new AppError("validation_failed", "A promotion code applies to a paid plan.", {
        param: "promotion_code",
      });
    return prisma.$transaction(async (tx) => {
      const sub = await tx.platformSubscription.upsert({
        where: { storeId: store.id },
        create: { storeId: store.id, planId: plan.id, status: "free" },
        update: {
          planId: plan.id,
          status: "free",
          stripeSubscriptionId: null,
          cancelAtPeriodEnd: false,
          interval: null,
          currentPeriodStart: null,
          currentPeriodEnd: null,
          trialEnd: null,
          couponId: null,
        },
        include: { plan: true },
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
  const { priceId, interval } = await stripePriceFor(plan, store.currency, input.interval);
  const discount = input.promotionCode
    ? await platformCheckoutDiscounts({
        storeId: store.id,
        planCode: plan.code,
        currency: store.currency,
        interval,
        code: input.promotionCode,
      })
    : null;
  const customer = await ensurePlatformCustomer(store, email);
  const metadata = {
    storeId: store.id,
    planCode: plan.code,
    interval,
    ...(discount
      ? {
          vitrineCouponId: discount.couponId,
          ...(discount.promotionCodeId ? { vitrinePromotionCodeId: discount.promotionCodeId } : {}),
        }
      : {}),
  };
  const session = await callStripe(() =>
    getStripe().checkout.sessions.create({
      mode: "subscription",
      customer,
      line_items: [{ price: priceId, quantity: 1 }],
      success_url: `${ctx.appUrl}/dashboard/plan?subscribed={CHECKOUT_SESSION_ID}`,
      cancel_url: `${ctx.appUrl}/dashboard/plan`,
      client_reference_id: store.id,
      metadata,
      // Codes are taken on our plan page only: a code typed on Stripe's page would skip the plan,
      // currency and first-subscription rules lib/coupons checks (Stripe cannot express them).
      ...(discount ? { discounts: discount.discounts } : {}),
      subscription_data: {
        metadata,
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
  const item = sub.items.data[0];
  const priceId = item?.price.id;
  // The plan by its price (catalog price per currency/interval, or the single/legacy plan price), else by metadata.
  const plan =
    (priceId &&
      ((await prisma.platformPlanPrice.findUnique({ where: { stripePriceId: priceId }, include: { plan: true } }))
        ?.plan ??
        (await prisma.platformPlan.findUnique({ where: { stripePriceId: priceId } })))) ||
    (sub.metadata?.planCode && (await prisma.platformPlan.findUnique({ where: { code: sub.metadata.planCode } })));
  if (!plan) return null;
  const recurring = item?.price.recurring?.interval;
  const couponId = sub.metadata?.vitrineCouponId;
  const data = {
    planId: plan.id,
    stripeSubscriptionId: sub.id,
    status: sub.status,
    cancelAtPeriodEnd: sub.cancel_at_period_end,
    interval: recurring === "year" ? ("YEAR" as const) : recurring === "month" ? ("MONTH" as const) : null,
    currentPeriodStart: item?.current_period_start ? new Date(item.current_period_start * 1000) : null,
    currentPeriodEnd: item?.current_period_end ? new Date(item.current_period_end * 1000) : null,
    trialEnd: sub.trial_end ? new Date(sub.trial_end * 1000) : null,
    ...(couponId ? { couponId } : {}),
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
      before.interval !== row.interval ||
      before.cancelAtPeriodEnd !== row.cancelAtPeriodEnd
    ) {
      await appendAudit(tx, audit, {
        action: "billing.subscription_updated",
        storeId,
        target: { type: "subscription", id: sub.id },
        before: before
          ? {
              status: before.status,
              planId: before.planId,
              interval: before.interval,
              cancelAtPeriodEnd: before.cancelAtPeriodEnd,
            }
          : null,
        after: {
          status: row.status,
          plan: plan.code,
          interval: row.interval,
          cancelAtPeriodEnd: row.cancelAtPeriodEnd,
        },
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

/**
 * Upgrade, downgrade or change interval now, prorated; the price is in the store's currency. The
 * interval stays what it was unless one is given.
 */
export async function changePlan(storeId: string, input: ChangePlanRequest, audit: AuditContext) {
  const sub = await requirePaidSubscription(storeId);
  const plan = await prisma.platformPlan.findFirst({ where: { code: input.planCode, active: true } });
  if (!plan) throw notFound("Plan");
  if (!plan.selfServe)
    throw new AppError("validation_failed", `${plan.name} is arranged with our team: contact us instead.`, {
      param: "planCode",
    });
  if (plan.amount === 0)
    throw new AppError("validation_failed", "To move to Free, cancel your plan at period end.", { param: "planCode" });
  const store = await prisma.store.findUniqueOrThrow({ where: { id: storeId }, select: { currency: true } });
  const { priceId, interval } = await stripePriceFor(
    plan,
    store.currency,
    input.interval ?? (sub.interval ? fromDbInterval(sub.interval) : undefined),
  );
  const stripeSub = await callStripe(() => getStripe().subscriptions.retrieve(sub.stripeSubscriptionId!));
  const updated = await callStripe(() =>
    getStripe().subscriptions.update(sub.stripeSubscriptionId!, {
      items: [{ id: stripeSub.items.data[0]!.id, price: priceId }],
      proration_behavior: "create_prorations",
      metadata: { storeId, planCode: plan.code, interval },
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
