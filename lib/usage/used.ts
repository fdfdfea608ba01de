// How much of a resource a store has used in a period, read the cheapest exact way: counters for
// past days; for today, the live source count (orders, PIX charges, callbacks: an indexed count)
// or the counter plus what this process has metered and not flushed yet (API calls: other
// instances' last few seconds show after their next flush). Count resources are a live count.
import "server-only";
import { liveFlowCount, sumCounters } from "./counters";
import { pendingFor } from "./meter";
import { addDays, startOfUtcDay, type UsagePeriod } from "./periods";
import { ROLLUP_FLOWS, type RollupFlow } from "./resources";

const isRollupFlow = (r: string): r is RollupFlow => (ROLLUP_FLOWS as readonly string[]).includes(r);

/** Units of a flow (api_calls, orders, …, or a reported resource) used in the period. */
export async function usedInPeriod(storeId: string, resource: string, period: UsagePeriod, now: Date): Promise<number> {
  const today = startOfUtcDay(now);
  const current = period.start <= today && today < period.end;
  if (!current) return sumCounters(storeId, resource, period.start, period.end);
  if (isRollupFlow(resource)) {
    const [before, live] = await Promise.all([
      sumCounters(storeId, resource, period.start, today),
      liveFlowCount(storeId, resource, today, addDays(today, 1)),
    ]);
    return before + live;
  }
  return (await sumCounters(storeId, resource, period.start, period.end)) + pendingFor(storeId, resource);
}
