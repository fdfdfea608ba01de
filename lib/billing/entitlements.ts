// What a store's plan lets it do, and which plan that is. One answer used by the fee on each sale,
// the hard limits (products, stores) and usage metering (soft limits, overage): effectivePlan.
// A plan's limits, overage rules and features are JSON columns written from lib/billing/catalog.ts;
// planEntitlements parses them. docs/billing.md "Plans and entitlements" and "Limits".
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env/server";
import { FREE_PLAN } from "./catalog";
import { defaultFeeRate, type FeeRate } from "./fee-rate";

/** Counts at any time; creating one more than the limit is refused (plan_limit_reached). */
export const HARD_RESOURCES = ["products", "stores", "team_members"] as const;
/** Flows per billing period; past the limit the plan's overage rule decides (block or credits). */
export const SOFT_RESOURCES = ["api_calls", "orders", "pix_charges", "callbacks"] as const;
export const RESOURCES = [...HARD_RESOURCES, ...SOFT_RESOURCES] as const;
export type HardResource = (typeof HARD_RESOURCES)[number];
export type SoftResource = (typeof SOFT_RESOURCES)[number];
export type Resource = (typeof RESOURCES)[number];

/** Feature keys shown on plan cards (translated in lib/i18n/messages/billing.ts billing.features.*). */
export const FEATURE_KEYS = [
  "card_payments",
  "pix_payments",
  "store_callbacks",
  "api_access",
  "prepaid_credits",
  "custom_limits",
] as const;
export type FeatureKey = (typeof FEATURE_KEYS)[number];

const Limit = z.number().int().nonnegative().nullable();
/** null = unlimited. A key missing from the JSON is unlimited too (the catalog always writes every key). */
export const PlanLimitsSchema = z.object({
  products: Limit.default(null),
  stores: Limit.default(null),
  team_members: Limit.default(null),
  api_calls: Limit.default(null),
  orders: Limit.default(null),
  pix_charges: Limit.default(null),
  callbacks: Limit.default(null),
});
export type PlanLimits = z.infer<typeof PlanLimitsSchema>;

export const OverageRuleSchema = z.discriminatedUnion("mode", [
  z.strictObject({ mode: z.literal("block") }),
  z.strictObject({ mode: z.literal("credits"), creditsPerUnit: z.number().int().positive() }),
]);
export type OverageRule = z.infer<typeof OverageRuleSchema>;
const BLOCK: OverageRule = { mode: "block" };
/** Per soft resource; a resource without a rule blocks past its limit. */
export const PlanOverageSchema = z.object({
  api_calls: OverageRuleSchema.optional(),
  orders: OverageRuleSchema.optional(),
  pix_charges: OverageRuleSchema.optional(),
  callbacks: OverageRuleSchema.optional(),
});
export type PlanOverage = z.infer<typeof PlanOverageSchema>;

export type Entitlements = {
  limits: Record<Resource, number | null>;
  overage: Record<SoftResource, OverageRule>;
  features: FeatureKey[];
};

const isFeature = (k: unknown): k is FeatureKey => (FEATURE_KEYS as readonly unknown[]).includes(k);

/** Parses a plan's JSON columns. A malformed column is a catalog bug: it throws naming the plan. */
export function planEntitlements(plan: {
  code?: string;
  limits: unknown;
  overage: unknown;
  features: unknown;
}): Entitlements {
  const limits = PlanLimitsSchema.safeParse(plan.limits ?? {});
  const overage = PlanOverageSchema.safeParse(plan.overage ?? {});
  if (!limits.success || !overage.success)
    throw new Error(
      `Plan ${plan.code ?? "?"} has malformed ${!limits.success ? "limits" : "overage"}: ${(limits.error ?? overage.error)!.message}`,
    );
  const features = Array.isArray(plan.features) ? plan.features.filter(isFeature) : [];
  return {
    limits: limits.data,
    overage: {
      api_calls: overage.data.api_calls ?? BLOCK,
      orders: overage.data.orders ?? BLOCK,
      pix_charges: overage.data.pix_charges ?? BLOCK,
      callbacks: overage.data.callbacks ?? BLOCK,
    },
    features,
  };
}

/** Subscription statuses that grant the subscribed plan; every other one (and none) is Free. */
export const PLAN_GRANTING_STATUSES = ["active", "trialing", "free"] as const;

export type EffectivePlan = {
  plan: { id: string | null; code: string; name: string; selfServe: boolean };
  fee: FeeRate;
  entitlements: Entitlements;
  /** "subscription": the store's own plan is in force; "fallback": Free (or the single-plan default). */
  source: "subscription" | "fallback";
  /** The recorded subscription status, or "none" when the store never chose a plan. */
  status: string;
  /** The month soft limits count in: a month of the subscription's period (yearly plans too), else the UTC calendar month. */
  period: { start: Date; end: Date };
};

type Db = Pick<Tx, "platformSubscription" | "platformPlan">;

function calendarMonth(now: Date) {
  return {
    start: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
    end: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)),
  };
}

/** `anchor` plus `months` calendar months, the day clamped to the month's last (Jan 31 + 1 → Feb 28). */
function addMonths(anchor: Date, months: number): Date {
  const y = anchor.getUTCFullYear();
  const m = anchor.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = new Date(anchor);
  d.setUTCFullYear(y, m, Math.min(anchor.getUTCDate(), lastDay));
  return d;
}

/**
 * Soft limits are monthly whatever the billing interval: the month of the subscription's period
 * (anchored on its start) that holds `now` — the period itself for a monthly plan, one twelfth of a
 * yearly one — else the UTC calendar month.
 */
function monthlyPeriod(start: Date | null, end: Date | null, now: Date) {
  if (!start || !end || now < start || now >= end) return calendarMonth(now);
  let k = 0;
  while (k < 36 && addMonths(start, k + 1) <= now) k++;
  const sliceEnd = addMonths(start, k + 1);
  return { start: addMonths(start, k), end: sliceEnd < end ? sliceEnd : end };
}

const UNLIMITED = planEntitlements({ limits: {}, overage: {}, features: [] });

/**
 * The plan in force for a store now. A subscription that is active, trialing or the chosen Free
 * plan grants its plan; past_due, canceled, incomplete, incomplete_expired, unpaid, paused and no
 * subscription at all get the Free plan — never a cheaper rate. In the single-plan mode
 * (PLATFORM_PRICE_ID) there is no Free plan: the fallback is PLATFORM_FEE_PERCENT/FIXED, no limits.
 * Pass a transaction client to read inside it (the hard-limit checks do).
 */
export async function effectivePlan(storeId: string, db: Db = prisma, now = new Date()): Promise<EffectivePlan> {
  const sub = await db.platformSubscription.findUnique({ where: { storeId }, include: { plan: true } });
  const status = sub?.status ?? "none";
  if (sub && (PLAN_GRANTING_STATUSES as readonly string[]).includes(sub.status)) {
    return {
      plan: { id: sub.plan.id, code: sub.plan.code, name: sub.plan.name, selfServe: sub.plan.selfServe },
      fee: { percentBps: sub.plan.feePercentBps, fixed: sub.plan.feeFixed },
      entitlements: planEntitlements(sub.plan),
      source: "subscription",
      status,
      period: monthlyPeriod(sub.currentPeriodStart, sub.currentPeriodEnd, now),
    };
  }
  const config = env();
  if (config.PLATFORM_PRICE_ID)
    return {
      plan: { id: null, code: "none", name: "No plan", selfServe: true },
      fee: defaultFeeRate({
        PLATFORM_FEE_PERCENT: config.PLATFORM_FEE_PERCENT,
        PLATFORM_FEE_FIXED: config.PLATFORM_FEE_FIXED,
      }),
      entitlements: UNLIMITED,
      source: "fallback",
      status,
      period: calendarMonth(now),
    };
  // The seeded Free row; the catalog's own definition if the database was never seeded.
  const free = await db.platformPlan.findUnique({ where: { code: FREE_PLAN.code } });
  return {
    plan: free
      ? { id: free.id, code: free.code, name: free.name, selfServe: true }
      : { id: null, code: FREE_PLAN.code, name: FREE_PLAN.name, selfServe: true },
    fee: free ? { percentBps: free.feePercentBps, fixed: free.feeFixed } : FREE_PLAN.fee,
    entitlements: planEntitlements(free ?? FREE_PLAN),
    source: "fallback",
    status,
    period: calendarMonth(now),
  };
}
