// What follows from a store's usage of a soft resource in a period: the 80 % / 100 % alerts and,
// in credits mode, the overage debit. Run by the rollup job and after each API-call flush; both
// are idempotent, so evaluating twice (or on two instances at once) changes nothing more.
import "server-only";
import { logger } from "@/lib/log/logger";
import { recordAlerts } from "./alerts";
import { chargeOverage } from "./overage";
import type { UsagePeriod } from "./periods";
import { limitOf, overageOf, type UsagePlan } from "./plan";

export type Evaluation = { storeId: string; resource: string; period: UsagePeriod; used: number; plan: UsagePlan };

export async function evaluateUsage(e: Evaluation): Promise<void> {
  const limit = limitOf(e.plan, e.resource);
  if (limit === null) return;
  await recordAlerts({ storeId: e.storeId, resource: e.resource, periodStart: e.period.start, used: e.used, limit });
  const rule = overageOf(e.plan, e.resource);
  if (rule.mode === "credits" && e.used > limit) {
    const state = await chargeOverage({
      storeId: e.storeId,
      resource: e.resource,
      periodStart: e.period.start,
      used: e.used,
      limit,
      creditsPerUnit: rule.creditsPerUnit,
    });
    if (state.chargedNow)
      logger.info(
        { storeId: e.storeId, resource: e.resource, units: state.chargedNow, exhausted: !!state.exhaustedAt },
        "usage overage charged in credits",
      );
  }
}

/** Evaluates each item, one failure not stopping the rest; returns how many failed. */
export async function evaluateAll(items: Evaluation[]): Promise<number> {
  let failed = 0;
  for (const item of items) {
    try {
      await evaluateUsage(item);
    } catch (err) {
      failed++;
      logger.error({ err, storeId: item.storeId, resource: item.resource }, "usage evaluation failed");
    }
  }
  return failed;
}
