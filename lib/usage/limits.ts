// Soft limits past 100 %: what the plan says happens next. "block" refuses new seller-initiated
// work (API calls with a store API key, orders and PIX charges created through /api/v1) with 429
// usage_limit_reached until the period ends or the plan changes. "credits" lets it through while
// the balance can pay every unpaid unit and this one; when it cannot, the limit is hard too.
// Buyer-facing paths (hosted pages, public routes, webhooks, queued callbacks) never call this.
import "server-only";
import { prisma } from "@/lib/db/client";
import { appUrl } from "@/lib/env/app-url";
import { AppError } from "@/lib/errors";
import type { UsagePeriod } from "./periods";
import { limitOf, overageOf, storeUsagePlan, type OverageRule } from "./plan";
import type { SoftResource } from "./resources";
import { usedInPeriod } from "./used";

export type SoftLimitState = {
  resource: SoftResource;
  limit: number | null;
  used: number;
  rule: OverageRule;
  /** Overage units already paid in credits this period. */
  unitsCharged: number;
  balance: number;
  period: UsagePeriod;
};

/** Whether one more unit is refused. */
export function isBlocked(s: Pick<SoftLimitState, "limit" | "used" | "rule" | "unitsCharged" | "balance">): boolean {
  if (s.limit === null || s.used < s.limit) return false;
  if (s.rule.mode === "block") return true;
  const unpaid = Math.max(0, s.used - s.limit - s.unitsCharged);
  return s.balance < s.rule.creditsPerUnit * (unpaid + 1);
}

export function usageLimitError(s: SoftLimitState, now = new Date()): AppError {
  const credits = s.rule.mode === "credits";
  const base = appUrl();
  return new AppError(
    "usage_limit_reached",
    credits
      ? `Your plan's ${s.resource} limit (${s.limit} this period) is reached and your credits do not cover more. Buy credits or upgrade your plan.`
      : `Your plan's ${s.resource} limit (${s.limit} this period) is reached. It resets on ${s.period.end.toISOString().slice(0, 10)}; upgrade your plan to continue now.`,
    {
      param: s.resource,
      retryAfterSeconds: Math.max(1, Math.ceil((s.period.end.getTime() - now.getTime()) / 1000)),
      details: {
        resource: s.resource,
        limit: s.limit,
        used: s.used,
        mode: s.rule.mode,
        period_end: s.period.end.toISOString(),
        upgrade_url: `${base}/dashboard/plan`,
        ...(credits ? { credits_url: `${base}/dashboard/credits` } : {}),
      },
    },
  );
}

/** The balance and overage units paid, which only matter in credits mode past the limit. */
export async function overagePosition(
  storeId: string,
  resource: string,
  period: UsagePeriod,
): Promise<{ unitsCharged: number; balance: number }> {
  const [row, balance] = await Promise.all([
    prisma.usageOverage.findUnique({
      where: { storeId_resource_periodStart: { storeId, resource, periodStart: period.start } },
      select: { unitsCharged: true },
    }),
    prisma.creditBalance.findUnique({ where: { storeId }, select: { balance: true } }),
  ]);
  return { unitsCharged: row?.unitsCharged ?? 0, balance: balance?.balance ?? 0 };
}

/** The store's position against a soft limit now, read fresh. */
export async function softLimitState(
  storeId: string,
  resource: SoftResource,
  now = new Date(),
): Promise<SoftLimitState> {
  const { plan, period } = await storeUsagePlan(storeId, now);
  const limit = limitOf(plan, resource);
  const rule = overageOf(plan, resource);
  if (limit === null) return { resource, limit, used: 0, rule, unitsCharged: 0, balance: 0, period };
  const used = await usedInPeriod(storeId, resource, period, now);
  const position =
    used >= limit && rule.mode === "credits"
      ? await overagePosition(storeId, resource, period)
      : { unitsCharged: 0, balance: 0 };
  return { resource, limit, used, rule, period, ...position };
}

/** Refuses creating one more unit of `resource` when the plan blocks it (see isBlocked). */
export async function assertWithinSoftLimit(storeId: string, resource: SoftResource): Promise<void> {
  const now = new Date();
  const state = await softLimitState(storeId, resource, now);
  if (isBlocked(state)) throw usageLimitError(state, now);
}
