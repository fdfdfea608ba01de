// What the plan cards, the landing page and GET /api/v1/platform/plans show: each plan with its
// prices in one currency (monthly and yearly), fee, limits, overage rules and features — all read
// from the plan rows the catalog wrote, so the page, the API and the fee on each sale agree.
import type { PlatformPlan, PlatformPlanPrice } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env/server";
import { type Entitlements, effectivePlan, planEntitlements } from "./entitlements";
import { listPlans } from "./plans";

export type PlanOffer = {
  id: string;
  code: string;
  name: string;
  description: string | null;
  selfServe: boolean;
  trialDays: number;
  feePercentBps: number;
  feeFixed: string;
  /** The currency of `prices` (and of the fixed fee): the store's, or the single plan's own. */
  currency: string;
  /** Minor units per interval; null where the plan has no such price (Free has none: it costs nothing). */
  prices: { month: number | null; year: number | null };
  /** The monthly price (0 for Free, Enterprise, or a yearly-only plan), kept for older API clients. */
  amount: number;
  /** Where to ask for a plan that is not self-serve. */
  contactUrl: string | null;
} & Entitlements;

export function salesContactUrl(): string {
  return `mailto:${env().PLATFORM_SALES_EMAIL}?subject=${encodeURIComponent("Vitrine Enterprise")}`;
}

function offerOf(plan: PlatformPlan & { prices: PlatformPlanPrice[] }, currency: string): PlanOffer {
  const single = !!env().PLATFORM_PRICE_ID && plan.stripePriceId === env().PLATFORM_PRICE_ID;
  const priceIn = (interval: "MONTH" | "YEAR") => {
    if (single) return plan.interval === interval ? plan.amount : null;
    if (plan.amount === 0 && plan.selfServe) return interval === "MONTH" ? 0 : null;
    return plan.prices.find((p) => p.active && p.currency === currency && p.interval === interval)?.amount ?? null;
  };
  const prices = { month: priceIn("MONTH"), year: priceIn("YEAR") };
  return {
    id: plan.id,
    code: plan.code,
    name: plan.name,
    description: plan.description,
    selfServe: plan.selfServe,
    trialDays: plan.trialDays,
    feePercentBps: plan.feePercentBps,
    feeFixed: plan.feeFixed,
    currency: single ? plan.currency : currency,
    prices,
    amount: prices.month ?? 0,
    contactUrl: plan.selfServe ? null : salesContactUrl(),
    ...planEntitlements(plan),
  };
}

/** Every active plan, cheapest first, priced in `currency` (a store's; BRL or USD on the landing page). */
export async function listPlanOffers(currency: string): Promise<PlanOffer[]> {
  const rows = await listPlans();
  const prices = await prisma.platformPlanPrice.findMany({ where: { planId: { in: rows.map((r) => r.id) } } });
  return rows.map((plan) =>
    offerOf({ ...plan, prices: prices.filter((p) => p.planId === plan.id) }, currency.toUpperCase()),
  );
}

export type EffectivePlanView = {
  code: string;
  name: string;
  source: "subscription" | "fallback";
  status: string;
  feePercentBps: number;
  feeFixed: string;
  limits: Entitlements["limits"];
};

/** The plan in force, for the seller's plan page: what each sale pays and which limits hold now. */
export async function effectivePlanView(storeId: string): Promise<EffectivePlanView> {
  const e = await effectivePlan(storeId);
  return {
    code: e.plan.code,
    name: e.plan.name,
    source: e.source,
    status: e.status,
    feePercentBps: e.fee.percentBps,
    feeFixed: e.fee.fixed,
    limits: e.entitlements.limits,
  };
}
