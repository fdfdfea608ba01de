// A plan's price per currency and interval (PlatformPlanPrice) and its recurring Stripe price on the
// platform account, found by lookup_key vitrine_plan_<code>_<currency>_<interval> or made once.
import type { PlatformPlan } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env/server";
import { AppError } from "@/lib/errors";
import { getStripe } from "@/lib/stripe/client";
import { callStripe } from "@/lib/stripe/errors";

export type PlanInterval = "month" | "year";
export const toDbInterval = (i: PlanInterval) => (i === "year" ? ("YEAR" as const) : ("MONTH" as const));
export const fromDbInterval = (i: "MONTH" | "YEAR") => (i === "YEAR" ? ("year" as const) : ("month" as const));

export function planLookupKey(code: string, currency: string, interval: PlanInterval): string {
  return `vitrine_plan_${code}_${currency.toLowerCase()}_${interval}`;
}

/** The active price of a plan in a currency and interval, or a 422 naming what is missing. */
export async function findPlanPrice(plan: { id: string; name: string }, currency: string, interval: PlanInterval) {
  const price = await prisma.platformPlanPrice.findUnique({
    where: { planId_currency_interval: { planId: plan.id, currency, interval: toDbInterval(interval) } },
  });
  if (!price?.active)
    throw new AppError("currency_mismatch", `${plan.name} has no ${interval}ly price in ${currency}.`, {
      param: "interval",
    });
  return price;
}

/**
 * The Stripe price id for a plan price, created on first use. A price found by its lookup key is
 * reused only when amount, currency and interval still match; otherwise a new one takes the key over
 * (Stripe prices are immutable).
 */
export async function ensureStripePlanPrice(
  plan: { code: string; name: string },
  price: { id: string; currency: string; interval: "MONTH" | "YEAR"; amount: number; stripePriceId: string | null },
): Promise<string> {
  if (price.stripePriceId) return price.stripePriceId;
  const stripe = getStripe();
  const interval = fromDbInterval(price.interval);
  const lookupKey = planLookupKey(plan.code, price.currency, interval);
  const found = (await callStripe(() => stripe.prices.list({ lookup_keys: [lookupKey], active: true, limit: 1 })))
    .data[0];
  const matches =
    found &&
    found.unit_amount === price.amount &&
    found.currency === price.currency.toLowerCase() &&
    found.recurring?.interval === interval;
  const stripePrice = matches
    ? found
    : await callStripe(() =>
        stripe.prices.create(
          {
            currency: price.currency.toLowerCase(),
            unit_amount: price.amount,
            recurring: { interval },
            lookup_key: lookupKey,
            transfer_lookup_key: true,
            product_data: { name: `Vitrine ${plan.name}` },
            metadata: { planCode: plan.code },
          },
          { idempotencyKey: `vitrine:plan-price:${price.id}:${price.amount}` },
        ),
      );
  await prisma.platformPlanPrice.update({ where: { id: price.id }, data: { stripePriceId: stripePrice.id } });
  return stripePrice.id;
}

/**
 * The Stripe price a subscription to this plan uses: in the single-plan mode, PLATFORM_PRICE_ID (its
 * own currency and interval); otherwise the plan's price in the store's currency and the interval.
 */
export async function stripePriceFor(plan: PlatformPlan, currency: string, interval: PlanInterval | undefined) {
  if (env().PLATFORM_PRICE_ID && plan.stripePriceId === env().PLATFORM_PRICE_ID) {
    const own = fromDbInterval(plan.interval);
    if (interval && interval !== own)
      throw new AppError("validation_failed", `This plan is billed per ${own} only.`, { param: "interval" });
    return { priceId: plan.stripePriceId, interval: own };
  }
  const chosen = interval ?? "month";
  const price = await findPlanPrice(plan, currency, chosen);
  return { priceId: await ensureStripePlanPrice(plan, price), interval: chosen };
}
