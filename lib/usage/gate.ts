// The API-call limit on the request path, without a database round trip: each store's position
// (flushed total, limit, overage rule, credits) is cached here, refreshed after every flush that
// carried its calls and in the background when older than GATE_TTL_MS; the calls this process
// metered since the last flush are added from memory. A store's first call on a fresh process is
// let through while its position loads. Calls refused here are not counted.
import "server-only";
import { logger } from "@/lib/log/logger";
import { sumCounters } from "./counters";
import { evaluateUsage } from "./evaluate";
import { isBlocked, overagePosition, usageLimitError, type SoftLimitState } from "./limits";
import { meter, pendingFor } from "./meter";
import { limitOf, overageOf, storeUsagePlan, type StoreUsagePlan } from "./plan";

export const GATE_TTL_MS = 15_000;
/** The plan and period behind a gate are re-read at most this often (a plan change shows within it). */
const PLAN_TTL_MS = 60_000;
const EVICT_AFTER_MS = 10 * 60_000;

type Gate = { at: number; planAt: number; plan: StoreUsagePlan; state: SoftLimitState };
type Gates = { gates: Map<string, Gate>; loading: Map<string, Promise<void>> };

const g = globalThis as unknown as { __vitrineUsageGates?: Gates };
const store = (): Gates => (g.__vitrineUsageGates ??= { gates: new Map(), loading: new Map() });

/** Counts one API call for the store, or throws usage_limit_reached when its plan blocks more. */
export function admitApiCall(storeId: string): void {
  const now = Date.now();
  const gate = store().gates.get(storeId);
  if (!gate || now - gate.at > GATE_TTL_MS) refreshInBackground(storeId);
  if (gate && now < gate.state.period.end.getTime()) {
    const position = { ...gate.state, used: gate.state.used + pendingFor(storeId, "api_calls") };
    if (isBlocked(position)) throw usageLimitError(position, new Date(now));
  }
  meter(storeId, "api_calls");
}

function refreshInBackground(storeId: string) {
  if (store().loading.has(storeId)) return;
  const p = refreshGate(storeId)
    .catch((err: unknown) => logger.warn({ err, storeId }, "usage gate refresh failed"))
    .finally(() => store().loading.delete(storeId));
  store().loading.set(storeId, p);
}

/**
 * Re-reads the store's flushed API-call total for the period and caches its position; with
 * `evaluate`, records alerts and charges overage for that total first (after a flush).
 */
export async function refreshGate(storeId: string, opts: { evaluate?: boolean } = {}): Promise<void> {
  const now = new Date();
  const previous = store().gates.get(storeId);
  const plan =
    previous && now.getTime() - previous.planAt < PLAN_TTL_MS && now < previous.state.period.end
      ? previous.plan
      : await storeUsagePlan(storeId);
  const planAt = plan === previous?.plan ? previous.planAt : now.getTime();
  const { period } = plan;
  const limit = limitOf(plan.plan, "api_calls");
  const rule = overageOf(plan.plan, "api_calls");
  let state: SoftLimitState = { resource: "api_calls", limit, used: 0, rule, unitsCharged: 0, balance: 0, period };
  if (limit !== null) {
    const used = await sumCounters(storeId, "api_calls", period.start, period.end);
    if (opts.evaluate) await evaluateUsage({ storeId, resource: "api_calls", period, used, plan: plan.plan });
    const position =
      used >= limit && rule.mode === "credits"
        ? await overagePosition(storeId, "api_calls", period)
        : { unitsCharged: 0, balance: 0 };
    state = { ...state, used, ...position };
  }
  store().gates.set(storeId, { at: Date.now(), planAt, plan, state });
}

/** Drops positions of stores not seen for a while. */
export function pruneGates(now = Date.now()): void {
  for (const [id, gate] of store().gates) if (now - gate.at > EVICT_AFTER_MS) store().gates.delete(id);
}

/** Forgets every cached position (tests; a plan change in a test takes effect at once). */
export function resetGates(): void {
  store().gates.clear();
}
