// The usage rollup (job usage.rollup, every minute, one at a time across instances): flush this
// process's API calls, recompute yesterday's and today's counters of orders, PIX charges and
// delivered callbacks from their tables (set, not added: idempotent, converging, safe on any
// instance), snapshot today's product and store counts, then evaluate every store at or past
// 80 % of a soft limit (alerts; overage in credits).
import "server-only";
import { logger } from "@/lib/log/logger";
import { FREE_PLAN } from "@/lib/billing/catalog";
import { planEntitlements } from "@/lib/billing/entitlements";
import { prisma } from "@/lib/db/client";
import { recountFlow, snapshotCounts, sumsForPeriods, sumsSince } from "./counters";
import { evaluateAll, type Evaluation } from "./evaluate";
import { flushUsage } from "./flush";
import { addDays, startOfUtcDay } from "./periods";
import { limitOf, storeUsagePlans } from "./plan";
import { ALERT_THRESHOLDS, percentOf, reachedThresholds, ROLLUP_FLOWS, SOFT_RESOURCES } from "./resources";

export type RollupReport = { changedStores: number; evaluated: number; failed: number };

/** A usage period is at most 31 whole days (32 with a mid-day start widened to days). */
const LONGEST_PERIOD_DAYS = 32;

/**
 * The stores that may be at 80 % of a soft limit: any whose usage over the longest period reaches
 * 80 % of the smallest limit any plan sets for that resource. Only these need their plan read.
 */
async function storesNearAnyLimit(today: Date): Promise<string[]> {
  const rows = await prisma.platformPlan.findMany({
    select: { code: true, limits: true, overage: true, features: true },
  });
  const smallest = new Map<string, number>();
  for (const row of [...rows, FREE_PLAN]) {
    let limits: Record<string, number | null>;
    try {
      limits = planEntitlements(row).limits;
    } catch (err) {
      logger.error({ err, plan: row.code }, "usage rollup: a plan's limits do not parse");
      continue;
    }
    for (const r of SOFT_RESOURCES) {
      const limit = limits[r];
      if (limit !== null && limit !== undefined) smallest.set(r, Math.min(limit, smallest.get(r) ?? limit));
    }
  }
  if (!smallest.size) return [];
  const sums = await sumsSince([...smallest.keys()], addDays(today, -(LONGEST_PERIOD_DAYS - 1)));
  return [...sums]
    .filter(([, m]) => [...m].some(([r, used]) => (percentOf(used, smallest.get(r)!) ?? 0) >= ALERT_THRESHOLDS[0]))
    .map(([storeId]) => storeId);
}

export async function runUsageRollup(now = new Date()): Promise<RollupReport> {
  await flushUsage().catch((err: unknown) => logger.error({ err }, "usage flush before rollup failed"));
  const today = startOfUtcDay(now);
  const changed = new Set<string>();
  for (const resource of ROLLUP_FLOWS)
    for (const id of await recountFlow(resource, addDays(today, -1))) changed.add(id);
  await snapshotCounts(today);

  const storeIds = await storesNearAnyLimit(today);
  const plans = await storeUsagePlans(storeIds, now);
  const periods = storeIds.map((storeId) => {
    const { period } = plans.get(storeId)!;
    return { storeId, period, from: period.start, to: period.end };
  });
  const sums = await sumsForPeriods(periods);
  const items: Evaluation[] = [];
  for (const { storeId, period } of periods) {
    const { plan } = plans.get(storeId)!;
    for (const resource of SOFT_RESOURCES) {
      const used = sums.get(storeId)?.get(resource) ?? 0;
      if (reachedThresholds(used, limitOf(plan, resource)).length)
        items.push({ storeId, resource, period, used, plan });
    }
  }
  const failed = await evaluateAll(items);
  return { changedStores: changed.size, evaluated: items.length, failed };
}
