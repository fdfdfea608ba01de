// The usage rollup (job usage.rollup, every minute, one at a time across instances): flush this
// process's API calls, recompute yesterday's and today's counters of orders, PIX charges and
// delivered callbacks from their tables (set, not added: idempotent, converging, safe on any
// instance), snapshot today's product and store counts, then evaluate every store at or past
// 80 % of a soft limit (alerts; overage in credits).
import "server-only";
import { logger } from "@/lib/log/logger";
import { recountFlow, snapshotCounts, storesWithUsage, sumsForPeriods } from "./counters";
import { evaluateAll, type Evaluation } from "./evaluate";
import { flushUsage } from "./flush";
import { addDays, currentPeriod, startOfUtcDay } from "./periods";
import { limitOf, storeUsagePlans } from "./plan";
import { reachedThresholds, ROLLUP_FLOWS, SOFT_RESOURCES } from "./resources";

export type RollupReport = { changedStores: number; evaluated: number; failed: number };

/** Longest usage period (31 days) plus margin: stores with no usage since cannot be near a limit. */
const LOOKBACK_DAYS = 35;

export async function runUsageRollup(now = new Date()): Promise<RollupReport> {
  await flushUsage().catch((err: unknown) => logger.error({ err }, "usage flush before rollup failed"));
  const today = startOfUtcDay(now);
  const changed = new Set<string>();
  for (const resource of ROLLUP_FLOWS)
    for (const id of await recountFlow(resource, addDays(today, -1))) changed.add(id);
  await snapshotCounts(today);

  const storeIds = await storesWithUsage(SOFT_RESOURCES, addDays(today, -LOOKBACK_DAYS));
  const plans = await storeUsagePlans(storeIds);
  const periods = storeIds.map((storeId) => {
    const period = currentPeriod(plans.get(storeId)!.subscription, now);
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
