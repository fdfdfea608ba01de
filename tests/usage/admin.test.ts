// The admin's view of every store's usage this period: sorted by the highest percent of a soft
// limit, near (≥ 80 %) and over told apart, the near-or-over filter, and a Free seller's one store
// of one not counted as a problem.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { putOnPlan, usageSeller, useUsageIsolation } from "./support";
import { adminUsageOverview } from "@/lib/usage/admin";
import { addToCounters } from "@/lib/usage/counters";
import { dayKey } from "@/lib/usage/periods";

describe("admin usage overview", () => {
  useTestDatabase();
  useUsageIsolation();

  it("puts the stores nearest their limits first and filters the ones that need attention", async () => {
    const [calm, near, over] = [await usageSeller(), await usageSeller(), await usageSeller()];
    for (const s of [calm, near, over])
      await putOnPlan(s.store.id, { limits: { api_calls: 100, orders: 10, stores: 1 }, overage: {} });
    const today = dayKey(new Date());
    await addToCounters([
      { storeId: calm.store.id, resource: "api_calls", day: today, quantity: 10 },
      { storeId: near.store.id, resource: "api_calls", day: today, quantity: 85 },
      { storeId: over.store.id, resource: "orders", day: today, quantity: 10 },
    ]);

    const all = await adminUsageOverview({ sort: "percent", show: "all" });
    const ours = all.rows.filter((r) => [calm, near, over].some((s) => s.store.id === r.storeId));
    expect(ours.map((r) => [r.storeId, r.maxPercent, r.status])).toEqual([
      [over.store.id, 100, "over"],
      [near.store.id, 85, "near"],
      [calm.store.id, 10, "ok"],
    ]);
    expect(ours[1]!.resources.find((c) => c.resource === "api_calls")).toEqual({
      resource: "api_calls",
      used: 85,
      limit: 100,
      percent: 85,
    });
    expect(all.near).toBe(1);
    expect(all.over).toBe(1);

    const attention = await adminUsageOverview({ sort: "percent", show: "attention" });
    expect(attention.rows.map((r) => r.storeId)).toEqual([over.store.id, near.store.id]);
  });
});
