// What a store's effective plan allows, as usage needs it: the limit per resource (null =
// unlimited) and what happens past a soft limit. This is the one seam between usage and plans:
// it reads the plan rows the way lib/billing/entitlements.ts will (effectivePlan/planEntitlements,
// #14 plans work) and switches to those functions once they land, without changing its callers.
import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { PeriodSubscription } from "./periods";

export type OverageRule = { mode: "block" } | { mode: "credits"; creditsPerUnit: number };

export type UsagePlan = {
  code: string;
  name: string;
  /** Per resource; a missing key or null is unlimited. */
  limits: Record<string, number | null>;
  /** Per soft resource; a missing key is "block". */
  overage: Record<string, OverageRule>;
};

export type StoreUsagePlan = { plan: UsagePlan; subscription: PeriodSubscription };

const Limits = z.record(z.string(), z.number().int().min(0).nullable()).catch({});
const Rule = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("block") }),
  z.object({ mode: z.literal("credits"), creditsPerUnit: z.number().int().min(1) }),
]);
const Overage = z.record(z.string(), Rule.or(z.unknown().transform(() => undefined))).catch({});

/** Statuses in which a subscription's own plan applies; anything else (past due, canceled, none) is Free. */
const PLAN_HOLDS = new Set(["active", "trialing", "free"]);

type PlanRow = { code: string; name: string; limits: unknown; overage: unknown };

export function usagePlanOf(row: PlanRow | null): UsagePlan {
  if (!row) return { code: "none", name: "", limits: {}, overage: {} };
  const overage: Record<string, OverageRule> = {};
  for (const [k, v] of Object.entries(Overage.parse(row.overage ?? {}))) if (v) overage[k] = v as OverageRule;
  return { code: row.code, name: row.name, limits: Limits.parse(row.limits ?? {}), overage };
}

export function limitOf(plan: UsagePlan, resource: string): number | null {
  return plan.limits[resource] ?? null;
}

export function overageOf(plan: UsagePlan, resource: string): OverageRule {
  return plan.overage[resource] ?? { mode: "block" };
}

const PLAN_SELECT = { code: true, name: true, limits: true, overage: true } as const;

/** The store's effective plan and the subscription fields its period comes from. */
export async function storeUsagePlan(storeId: string): Promise<StoreUsagePlan> {
  return (await storeUsagePlans([storeId])).get(storeId)!;
}

/** The effective plan of each store (past due, canceled or none → Free), in two queries. */
export async function storeUsagePlans(storeIds: string[]): Promise<Map<string, StoreUsagePlan>> {
  const [subs, free] = await Promise.all([
    prisma.platformSubscription.findMany({
      where: { storeId: { in: storeIds } },
      select: {
        storeId: true,
        status: true,
        currentPeriodStart: true,
        currentPeriodEnd: true,
        interval: true,
        plan: { select: PLAN_SELECT },
      },
    }),
    prisma.platformPlan.findUnique({ where: { code: "free" }, select: PLAN_SELECT }),
  ]);
  const byStore = new Map(subs.map((s) => [s.storeId, s]));
  const freePlan = usagePlanOf(free);
  return new Map(
    storeIds.map((id) => {
      const sub = byStore.get(id);
      return [
        id,
        {
          plan: sub && PLAN_HOLDS.has(sub.status) ? usagePlanOf(sub.plan) : freePlan,
          subscription: sub
            ? {
                currentPeriodStart: sub.currentPeriodStart,
                currentPeriodEnd: sub.currentPeriodEnd,
                interval: sub.interval,
              }
            : null,
        },
      ];
    }),
  );
}
