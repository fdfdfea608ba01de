// The ledger verifier (one set-based query) finds each way a ledger can be broken, names it, and
// keeps stores apart: a healthy store next to broken ones is reported healthy.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { seller } from "./support";
import { appendEntry, inLedgerTx, verifyCreditLedger } from "@/lib/credits/ledger";
import { prisma } from "@/lib/db/client";

describe("verifyCreditLedger", () => {
  useTestDatabase();
  const system = { type: "system" as const };

  async function storeWith(amounts: number[], hold?: { id: string; amount: number; closed?: boolean }) {
    const { store } = await seller();
    for (const [i, amount] of amounts.entries())
      await inLedgerTx((tx) =>
        appendEntry(tx, {
          storeId: store.id,
          kind: amount >= 0 ? "ADJUSTMENT" : "SPEND",
          amount,
          uniqueKey: `t:${i}`,
          actor: system,
        }),
      );
    if (hold) {
      await inLedgerTx((tx) =>
        appendEntry(tx, {
          storeId: store.id,
          kind: "DISPUTE_HOLD",
          amount: -hold.amount,
          uniqueKey: `dispute-hold:${hold.id}`,
          actor: system,
          allowNegative: true,
          heldDelta: hold.amount,
        }),
      );
      if (hold.closed)
        await inLedgerTx((tx) =>
          appendEntry(tx, {
            storeId: store.id,
            kind: "DISPUTE_RELEASE",
            amount: hold.amount,
            uniqueKey: `dispute-close:${hold.id}`,
            actor: system,
            heldDelta: -hold.amount,
          }),
        );
    }
    return store.id;
  }

  it("reports nothing for healthy ledgers, open and closed dispute holds included", async () => {
    const a = await storeWith([100, -30, 5], { id: "dp_open", amount: 50 });
    const b = await storeWith([40], { id: "dp_closed", amount: 40, closed: true });
    for (const id of [a, b]) expect(await verifyCreditLedger(id)).toEqual({ checked: 1, ok: true, mismatches: [] });
    expect((await prisma.creditBalance.findUniqueOrThrow({ where: { storeId: a } })).held).toBe(50);
  });

  it("names a broken balanceAfter, a seq gap, a wrong cached balance, a wrong lastSeq and wrong held credits — each in its own store only", async () => {
    const healthy = await storeWith([10, 20]);
    const badAfter = await storeWith([10, 20, 30]);
    await prisma.$executeRawUnsafe(
      `UPDATE "CreditLedgerEntry" SET "balanceAfter" = 31 WHERE "storeId" = $1 AND seq = 2`,
      badAfter,
    );
    const gap = await storeWith([10, 20, 30]);
    await prisma.$executeRawUnsafe(`UPDATE "CreditLedgerEntry" SET seq = 9 WHERE "storeId" = $1 AND seq = 2`, gap);
    const cached = await storeWith([10, 20]);
    await prisma.creditBalance.update({ where: { storeId: cached }, data: { balance: 37 } });
    const lastSeq = await storeWith([10, 20]);
    await prisma.creditBalance.update({ where: { storeId: lastSeq }, data: { lastSeq: 5 } });
    const held = await storeWith([100], { id: "dp_x", amount: 25 });
    await prisma.creditBalance.update({ where: { storeId: held }, data: { held: 3 } });

    const problems = new Map((await verifyCreditLedger()).mismatches.map((m) => [m.storeId, m]));
    expect(problems.has(healthy)).toBe(false);
    expect(problems.get(badAfter)).toMatchObject({
      problem: "balanceAfter of seq 2 is 31, expected 30",
      cached: 60,
      sum: 60,
    });
    expect(problems.get(gap)?.problem).toMatch(/^seq gap: expected 2, found 3$|^seq gap: expected 2, found 9$/);
    expect(problems.get(cached)).toMatchObject({
      problem: "cached balance 37 differs from the sum of entries 30",
      cached: 37,
      sum: 30,
    });
    expect(problems.get(lastSeq)?.problem).toBe("cached lastSeq 5 differs from 2 entries");
    expect(problems.get(held)?.problem).toBe("cached held 3 differs from the open dispute holds 25");
    expect(await verifyCreditLedger(healthy)).toMatchObject({ ok: true, checked: 1 });
  });
});
