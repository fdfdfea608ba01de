// What a store's plan allows, as usage needs it: the limit per resource (null = unlimited), what
// happens past a soft limit, and the period soft limits count in. All of it comes from
// lib/billing's effectivePlan (which plan is in force, its parsed entitlements, its period);
// usage only widens the period to whole UTC days, the grain of its counters.
import "server-only";
import { effectivePlan, type EffectivePlan, type OverageRule } from "@/lib/billing/entitlements";
import { usagePeriodOf, type UsagePeriod } from "./periods";

export type { OverageRule };

export type UsagePlan = {
  code: string;
  name: string;
  /** Per resource; a missing key or null is unlimited. */
  limits: Record<string, number | null>;
  /** Per soft resource; a missing key is "block". */
  overage: Record<string, OverageRule>;
};

export type StoreUsagePlan = { plan: UsagePlan; period: UsagePeriod };

export function usagePlanOf(e: Pick<EffectivePlan, "plan" | "entitlements">): UsagePlan {
  return {
    code: e.plan.code,
    name: e.plan.name,
    limits: e.entitlements.limits,
    overage: e.entitlements.overage,
  };
}

export function limitOf(plan: UsagePlan, resource: string): number | null {
  return plan.limits[resource] ?? null;
}

export function overageOf(plan: UsagePlan, resource: string): OverageRule {
  return plan.overage[resource] ?? { mode: "block" };
}

/** The store's effective plan and its usage period at `now`. */
export async function storeUsagePlan(storeId: string, now = new Date()): Promise<StoreUsagePlan> {
  const effective = await effectivePlan(storeId, undefined, now);
  return { plan: usagePlanOf(effective), period: usagePeriodOf(effective.period) };
}

/** storeUsagePlan for many stores, a few at a time. */
export async function storeUsagePlans(storeIds: string[], now = new Date()): Promise<Map<string, StoreUsagePlan>> {
  const out = new Map<string, StoreUsagePlan>();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(8, storeIds.length) }, async () => {
      while (next < storeIds.length) {
        const id = storeIds[next++]!;
        out.set(id, await storeUsagePlan(id, now));
      }
    }),
  );
  return out;
}
