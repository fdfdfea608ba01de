// Every store's usage in its current period for the admin: soft resources from the counters
// (the rollup keeps them within a minute), counts live; sorted by the highest percent of any soft
// limit, so who is near (≥ 80 %) or over comes first.
import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { sumsForPeriods } from "./counters";
import { limitOf, overageOf, storeUsagePlans } from "./plan";
import { COUNT_RESOURCES, isSoftResource, percentOf, SOFT_RESOURCES } from "./resources";
import type { AdminUsageRow } from "./views";

export const AdminUsageQuery = z.object({
  sort: z.enum(["percent", "name"]).catch("percent"),
  show: z.enum(["all", "attention"]).catch("all"),
});
export type AdminUsageQuery = z.infer<typeof AdminUsageQuery>;

/** Stores shown at most (the busiest first when sorted by percent). */
const MAX_STORES = 2_000;

export async function adminUsageOverview(
  q: AdminUsageQuery,
  now = new Date(),
): Promise<{ rows: AdminUsageRow[]; near: number; over: number; total: number }> {
  const stores = await prisma.store.findMany({
    select: { id: true, name: true, ownerId: true, owner: { select: { email: true } } },
    orderBy: { createdAt: "desc" },
    take: MAX_STORES,
  });
  const ids = stores.map((s) => s.id);
  const plans = await storeUsagePlans(ids, now);
  const periods = stores.map((s) => {
    const { period } = plans.get(s.id)!;
    return { storeId: s.id, period, from: period.start, to: period.end };
  });
  const [sums, products, owners, overages] = await Promise.all([
    sumsForPeriods(periods),
    prisma.product.groupBy({ by: ["storeId"], where: { storeId: { in: ids }, active: true }, _count: { _all: true } }),
    prisma.store.groupBy({
      by: ["ownerId"],
      where: { ownerId: { in: stores.map((s) => s.ownerId) } },
      _count: { _all: true },
    }),
    prisma.usageOverage.findMany({
      where: { storeId: { in: ids } },
      select: { storeId: true, periodStart: true, creditsDebited: true },
    }),
  ]);
  const productCount = new Map(products.map((p) => [p.storeId, p._count._all]));
  const storeCount = new Map(owners.map((o) => [o.ownerId, o._count._all]));
  const debited = new Map<string, number>();
  for (const o of overages) {
    const key = `${o.storeId}\t${o.periodStart.toISOString()}`;
    debited.set(key, (debited.get(key) ?? 0) + o.creditsDebited);
  }

  const rows = stores.map((s, i): AdminUsageRow => {
    const { plan } = plans.get(s.id)!;
    const { period } = periods[i]!;
    const used = (r: string) =>
      r === "products"
        ? (productCount.get(s.id) ?? 0)
        : r === "stores"
          ? (storeCount.get(s.ownerId) ?? 0)
          : (sums.get(s.id)?.get(r) ?? 0);
    const resources = [...SOFT_RESOURCES, ...COUNT_RESOURCES].map((resource) => {
      const limit = limitOf(plan, resource);
      const u = used(resource);
      return { resource, used: u, limit, percent: percentOf(u, limit) };
    });
    // Status and the highest percent are about this period's flows (soft limits); counts (products,
    // stores) are shown for context: a Free seller's one store of one is not news.
    const flows = resources.filter((r) => isSoftResource(r.resource));
    const percents = flows.map((r) => r.percent).filter((p): p is number => p !== null);
    const maxPercent = percents.length ? Math.max(...percents) : null;
    const over = flows.some(
      (r) =>
        r.limit !== null && (r.used > r.limit || (r.used === r.limit && overageOf(plan, r.resource).mode === "block")),
    );
    return {
      storeId: s.id,
      storeName: s.name,
      ownerEmail: s.owner.email,
      plan: { code: plan.code, name: plan.name },
      periodStart: period.start.toISOString(),
      periodEnd: period.end.toISOString(),
      resources,
      maxPercent,
      status: over ? "over" : maxPercent !== null && maxPercent >= 80 ? "near" : "ok",
      creditsDebited: debited.get(`${s.id}\t${period.start.toISOString()}`) ?? 0,
    };
  });
  const near = rows.filter((r) => r.status === "near").length;
  const over = rows.filter((r) => r.status === "over").length;
  const shown = q.show === "attention" ? rows.filter((r) => r.status !== "ok") : rows;
  shown.sort((a, b) =>
    q.sort === "name"
      ? a.storeName.localeCompare(b.storeName)
      : (b.maxPercent ?? -1) - (a.maxPercent ?? -1) || a.storeName.localeCompare(b.storeName),
  );
  return { rows: shown, near, over, total: rows.length };
}
