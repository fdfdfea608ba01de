// Several evaluations at once — rollups on different instances, flushes, retries — charge each
// overage unit once: on PostgreSQL (TEST_DATABASE_URL) they really run in parallel and serialise
// on the UsageOverage row lock; on PGlite they run one after another. Concurrent reported usage
// with one idempotency key lands once.
import { describe, expect, it } from "vitest";
import { testDatabaseKind, useTestDatabase } from "../support/db";
import { balanceOf, counter, params, putOnPlan, topUp, usageSeller, useUsageIsolation } from "./support";
import { POST as reportRoute } from "@/app/api/v1/usage/route";
import { verifyCreditLedger } from "@/lib/credits/ledger";
import { prisma } from "@/lib/db/client";
import { addToCounters } from "@/lib/usage/counters";
import { chargeOverage } from "@/lib/usage/overage";
import { dayKey } from "@/lib/usage/periods";
import { storeUsagePlan } from "@/lib/usage/plan";
import { runUsageRollup } from "@/lib/usage/rollup";

describe(`overage under concurrency (${testDatabaseKind()})`, () => {
  useTestDatabase();
  useUsageIsolation();

  it("charges every unit once when many evaluations race", async () => {
    const s = await usageSeller();
    await putOnPlan(s.store.id, {
      limits: { api_calls: 10 },
      overage: { api_calls: { mode: "credits", creditsPerUnit: 2 } },
    });
    await topUp(s.store.id, 1_000);
    const { period } = await storeUsagePlan(s.store.id);
    // 40 calls over the limit, written as they would be by several instances' flushes.
    await addToCounters(
      Array.from({ length: 10 }, () => ({
        storeId: s.store.id,
        resource: "api_calls",
        day: dayKey(new Date()),
        quantity: 5,
      })),
    );
    expect(await counter(s.store.id, "api_calls")).toBe(50);
    const direct = (used: number) =>
      chargeOverage({
        storeId: s.store.id,
        resource: "api_calls",
        periodStart: period.start,
        used,
        limit: 10,
        creditsPerUnit: 2,
      });
    // Evaluations that saw different totals (a lagging one sees fewer) race with full rollups.
    await Promise.all([
      ...Array.from({ length: 6 }, () => runUsageRollup()),
      ...[50, 30, 50, 45, 50, 20, 50].map(direct),
    ]);
    const entries = await prisma.creditLedgerEntry.findMany({
      where: { storeId: s.store.id, kind: "OVERAGE" },
      orderBy: { seq: "asc" },
    });
    const units = entries.flatMap((e) => {
      const [from, to] = e.uniqueKey.split(":").at(-1)!.split("-").map(Number) as [number, number];
      return Array.from({ length: to - from + 1 }, (_, i) => from + i);
    });
    expect(units).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(entries.reduce((a, e) => a + e.amount, 0)).toBe(-80);
    expect(await balanceOf(s.store.id)).toBe(920);
    expect(await prisma.usageOverage.findFirstOrThrow({ where: { storeId: s.store.id } })).toMatchObject({
      unitsCharged: 40,
      creditsDebited: 80,
      exhaustedAt: null,
    });
    expect(await prisma.usageAlert.count({ where: { storeId: s.store.id } })).toBe(2);
    expect((await verifyCreditLedger(s.store.id)).ok).toBe(true);
  });

  it("records a usage report once when the same key arrives many times at once", async () => {
    const s = await usageSeller();
    const body = { resource_type: "sms_sent", quantity: 7, unit: "messages", source: "sms" };
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        reportRoute(s.call("/api/v1/usage", "POST", body, { "idempotency-key": "same" }), params()),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((x) => x === 201)).toHaveLength(1);
    expect(statuses.filter((x) => x === 200)).toHaveLength(11);
    const ids = new Set(await Promise.all(results.map(async (r) => (await r.json()).id)));
    expect(ids.size).toBe(1);
    expect(await counter(s.store.id, "sms_sent")).toBe(7);
  });
});
