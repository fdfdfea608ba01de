// Overage paid from credits: each unit past the limit is debited once, in ledger entries named by
// their unit range; re-runs debit nothing; when credits run out only whole affordable units are
// paid and the limit turns hard (the PIX route refuses with usage_limit_reached and where to buy
// credits); credits bought later pay the backlog at the next rollup and lift the block.
import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { useTestDatabase } from "../support/db";
import { balanceOf, params, putOnPlan, topUp, usageSeller, useUsageIsolation } from "./support";
import { POST as pixChargeRoute } from "@/app/api/v1/pix/charges/route";
import { verifyCreditLedger } from "@/lib/credits/ledger";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertWithinSoftLimit } from "@/lib/usage/limits";
import { storeUsagePlan } from "@/lib/usage/plan";
import { runUsageRollup } from "@/lib/usage/rollup";

async function pixCharges(storeId: string, n: number) {
  await prisma.pixCharge.createMany({
    data: Array.from({ length: n }, () => ({
      storeId,
      reference: `ref${randomBytes(8).toString("hex")}`,
      amountCentavos: 1000,
      description: "Pedido",
    })),
  });
}

const overageEntries = (storeId: string) =>
  prisma.creditLedgerEntry.findMany({ where: { storeId, kind: "OVERAGE" }, orderBy: { seq: "asc" } });

describe("overage paid from credits", () => {
  useTestDatabase();
  useUsageIsolation();

  it("debits each unit once, pays what the balance covers, blocks, then pays the backlog", async () => {
    const s = await usageSeller();
    await putOnPlan(s.store.id, {
      limits: { pix_charges: 2 },
      overage: { pix_charges: { mode: "credits", creditsPerUnit: 3 } },
    });
    const periodStart = (await storeUsagePlan(s.store.id)).period.start.toISOString();
    await topUp(s.store.id, 7);
    await pixCharges(s.store.id, 2);
    await runUsageRollup();
    expect(await overageEntries(s.store.id)).toEqual([]);
    // At the limit with credits for the next unit: creation is allowed.
    await expect(assertWithinSoftLimit(s.store.id, "pix_charges")).resolves.toBeUndefined();

    await pixCharges(s.store.id, 3); // 5 used: 3 over, 7 credits pay 2 of them
    await runUsageRollup();
    await runUsageRollup();
    let entries = await overageEntries(s.store.id);
    expect(entries.map((e) => [e.amount, e.uniqueKey])).toEqual([[-6, `overage:pix_charges:${periodStart}:1-2`]]);
    expect(await balanceOf(s.store.id)).toBe(1);
    const state = await prisma.usageOverage.findFirstOrThrow({ where: { storeId: s.store.id } });
    expect(state).toMatchObject({ unitsCharged: 2, creditsDebited: 6 });
    expect(state.exhaustedAt).not.toBeNull();
    expect(await prisma.auditLog.count({ where: { storeId: s.store.id, action: "usage.credits_exhausted" } })).toBe(1);

    // The soft limit is hard now: the API refuses a new charge before anything else happens.
    const refused = await pixChargeRoute(
      s.call("/api/v1/pix/charges", "POST", { amountCentavos: 1500, description: "Pedido 9" }),
      params(),
    );
    expect(refused.status).toBe(429);
    const error = (await refused.json()).error;
    expect(error).toMatchObject({
      code: "usage_limit_reached",
      details: { resource: "pix_charges", limit: 2, used: 5, mode: "credits" },
    });
    expect(error.details.credits_url).toMatch(/\/dashboard\/credits$/);
    expect(await prisma.pixCharge.count({ where: { storeId: s.store.id } })).toBe(5);

    // Credits bought: the next rollup pays the remaining unit and lifts the block.
    await topUp(s.store.id, 10);
    await runUsageRollup();
    entries = await overageEntries(s.store.id);
    expect(entries.map((e) => [e.amount, e.uniqueKey])).toEqual([
      [-6, `overage:pix_charges:${periodStart}:1-2`],
      [-3, `overage:pix_charges:${periodStart}:3-3`],
    ]);
    expect(await balanceOf(s.store.id)).toBe(8);
    expect(await prisma.usageOverage.findFirstOrThrow({ where: { storeId: s.store.id } })).toMatchObject({
      unitsCharged: 3,
      creditsDebited: 9,
      exhaustedAt: null,
    });
    await expect(assertWithinSoftLimit(s.store.id, "pix_charges")).resolves.toBeUndefined();
    // Re-runs find nothing due.
    await runUsageRollup();
    expect(await overageEntries(s.store.id)).toHaveLength(2);
    expect((await verifyCreditLedger(s.store.id)).ok).toBe(true);
  });

  it("in block mode never debits credits and refuses one past the limit", async () => {
    const s = await usageSeller();
    await putOnPlan(s.store.id, { limits: { pix_charges: 1 }, overage: { pix_charges: { mode: "block" } } });
    await topUp(s.store.id, 100);
    await pixCharges(s.store.id, 1);
    const err = await assertWithinSoftLimit(s.store.id, "pix_charges").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("usage_limit_reached");
    await runUsageRollup();
    expect(await overageEntries(s.store.id)).toEqual([]);
    expect(await balanceOf(s.store.id)).toBe(100);
  });
});
