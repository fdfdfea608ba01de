// A store's usage in one period, per resource: used, limit, percent, overage paid in credits and
// whether more is refused; plus the daily series for the charts. The same numbers feed the API
// (GET /api/v1/usage/summary), the seller's usage page and the CSV export.
import "server-only";
import { prisma } from "@/lib/db/client";
import { hardLimitUsage, type HardLimitUsage } from "@/lib/billing/limits";
import { dailyCounters, liveFlowCount } from "./counters";
import { isBlocked } from "./limits";
import { pendingFor } from "./meter";
import { addDays, daysOf, dayKey, periodKey, resolvePeriod, startOfUtcDay, type PeriodSelector } from "./periods";
import { limitOf, overageOf, storeUsagePlan } from "./plan";
import type { ResourceUsageView, UsageReport, UsageSeries, UsageSummaryView } from "./views";
import {
  BLOCKABLE_RESOURCES,
  COUNT_RESOURCES,
  type CountResource,
  isCountResource,
  isSoftResource,
  percentOf,
  ROLLUP_FLOWS,
  SOFT_RESOURCES,
} from "./resources";

/** Products and stores now, counted and limited as lib/billing's hard limits count them. */
async function liveCounts(storeId: string): Promise<Record<CountResource, HardLimitUsage>> {
  const store = await prisma.store.findUniqueOrThrow({ where: { id: storeId }, select: { ownerId: true } });
  const [products, stores] = await Promise.all([
    hardLimitUsage({ resource: "products", storeId }),
    hardLimitUsage({ resource: "stores", ownerId: store.ownerId }),
  ]);
  return { products, stores };
}

export async function usageReport(
  storeId: string,
  selector: PeriodSelector = "current",
  now = new Date(),
): Promise<UsageReport> {
  const { plan, period: currentPeriod } = await storeUsagePlan(storeId, now);
  const period = resolvePeriod(currentPeriod, selector);
  const today = startOfUtcDay(now);
  const current = period.start <= today && today < period.end;
  const [daily, overages, balanceRow, live, liveToday] = await Promise.all([
    dailyCounters(storeId, period),
    prisma.usageOverage.findMany({ where: { storeId, periodStart: period.start } }),
    prisma.creditBalance.findUnique({ where: { storeId }, select: { balance: true } }),
    current ? liveCounts(storeId) : null,
    current
      ? Promise.all(
          ROLLUP_FLOWS.map(async (r) => [r, await liveFlowCount(storeId, r, today, addDays(today, 1))] as const),
        )
      : null,
  ]);

  // Daily values per resource; today's flows come from their source tables (the counter may lag a minute).
  const byResource = new Map<string, Map<string, number>>();
  for (const row of daily) {
    const m = byResource.get(row.resource) ?? new Map<string, number>();
    m.set(row.day, row.quantity);
    byResource.set(row.resource, m);
  }
  const todayKey = dayKey(today);
  const set = (resource: string, day: string, value: number) => {
    const m = byResource.get(resource) ?? new Map<string, number>();
    m.set(day, value);
    byResource.set(resource, m);
  };
  for (const [resource, n] of liveToday ?? []) set(resource, todayKey, n);
  if (current)
    set("api_calls", todayKey, (byResource.get("api_calls")?.get(todayKey) ?? 0) + pendingFor(storeId, "api_calls"));
  if (live) for (const r of COUNT_RESOURCES) set(r, todayKey, live[r].used);

  const reported = [...byResource.keys()].filter((r) => !isSoftResource(r) && !isCountResource(r)).sort();
  const resources = [...SOFT_RESOURCES, ...COUNT_RESOURCES, ...reported];
  const days = daysOf(period).map(dayKey);
  const balance = balanceRow?.balance ?? 0;

  const views = resources.map((resource): ResourceUsageView => {
    const values = byResource.get(resource) ?? new Map<string, number>();
    const kind = isSoftResource(resource) ? "flow" : isCountResource(resource) ? "count" : "reported";
    // Counts now are lib/billing's answer (what its hard limits enforce: stores against the most generous plan of the seller).
    const limit =
      kind === "reported"
        ? null
        : kind === "count" && live
          ? live[resource as CountResource].limit
          : limitOf(plan, resource);
    // A count is a level: its latest snapshot in the period (live today), not a sum.
    const lastDay = [...values.keys()].sort().at(-1);
    const used =
      kind === "count" ? (lastDay ? values.get(lastDay)! : 0) : [...values.values()].reduce((a, b) => a + b, 0);
    const base = {
      resource,
      kind,
      used,
      limit,
      percent: percentOf(used, limit),
      credits_per_unit: null,
      overage_units: 0,
      units_charged: 0,
      credits_debited: 0,
      credits_exhausted: false,
    } as const;
    if (kind === "reported") return { ...base, mode: null, blocked: false };
    if (kind === "count")
      return { ...base, mode: limit === null ? null : "hard", blocked: current && limit !== null && used >= limit };
    const rule = overageOf(plan, resource);
    const row = overages.find((o) => o.resource === resource);
    const unitsCharged = row?.unitsCharged ?? 0;
    return {
      ...base,
      mode: limit === null ? null : rule.mode,
      credits_per_unit: rule.mode === "credits" ? rule.creditsPerUnit : null,
      overage_units: limit === null ? 0 : Math.max(0, used - limit),
      units_charged: unitsCharged,
      credits_debited: row?.creditsDebited ?? 0,
      credits_exhausted: !!row?.exhaustedAt,
      blocked: current && BLOCKABLE_RESOURCES.has(resource) && isBlocked({ limit, used, rule, unitsCharged, balance }),
    };
  });

  const series: UsageSeries = {};
  for (const resource of resources) {
    const values = byResource.get(resource);
    series[resource] = days.map((date) => ({
      date,
      value: current && date > todayKey ? null : (values?.get(date) ?? (isCountResource(resource) ? null : 0)),
    }));
  }

  return {
    period: {
      key: periodKey(period),
      start: period.start.toISOString(),
      end: period.end.toISOString(),
      source: period.source,
      current,
    },
    plan: { code: plan.code, name: plan.name },
    resources: views,
    series,
  };
}

export async function usageSummary(
  storeId: string,
  selector: PeriodSelector = "current",
  now = new Date(),
): Promise<UsageSummaryView> {
  const { series: _series, ...summary } = await usageReport(storeId, selector, now);
  return summary;
}
