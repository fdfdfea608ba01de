// The single-statement spend (lib/credits/spend-entry.ts) under real concurrency on PostgreSQL
// (serialised on PGlite): a balance that covers exactly 20 spends lets exactly 20 of 50 through and
// never goes below zero; one Idempotency-Key sent many times at once lands once; spends interleaved
// with lock-taking ledger writers (appendEntry) keep seq gap-free and the ledger verifiable.
import { describe, expect, it } from "vitest";
import { testDatabaseKind, useTestDatabase } from "../support/db";
import { seller } from "./support";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { appendEntry, inLedgerTx, verifyCreditLedger } from "@/lib/credits/ledger";
import { spendCredits } from "@/lib/credits/spend";

const actor = { type: "api_key" as const, id: "key_test" };

function fund(storeId: string, amount: number, key: string) {
  return inLedgerTx((tx) =>
    appendEntry(tx, { storeId, kind: "ADJUSTMENT", amount, uniqueKey: key, reason: "test", actor: { type: "system" } }),
  );
}

const spend = (storeId: string, amount: number, key: string, reason = "job") =>
  spendCredits(storeId, { amount, reason }, { idempotencyKey: key, actor }).catch((e: unknown) => e);

describe(`single-statement spends (${testDatabaseKind()})`, () => {
  useTestDatabase();

  it("50 concurrent spends against a balance for exactly 20: 20 succeed, 30 are refused, balance 0", async () => {
    const s = await seller("USD");
    await fund(s.store.id, 140, "seed");
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => spend(s.store.id, 7, `k-${i}`)));
    const ok = results.filter((r) => !(r instanceof Error)) as Array<{ balance: number; entry: { seq: number } }>;
    const refused = results.filter((r) => r instanceof AppError);
    expect(ok).toHaveLength(20);
    expect(refused).toHaveLength(30);
    expect(refused.every((e) => (e as AppError).code === "insufficient_credits")).toBe(true);
    const entries = await prisma.creditLedgerEntry.findMany({
      where: { storeId: s.store.id },
      orderBy: { seq: "asc" },
    });
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(Math.min(...entries.map((e) => e.balanceAfter))).toBe(0);
    expect(entries.at(-1)!.balanceAfter).toBe(0);
    // Each success reports the balance right after its own entry.
    expect(ok.map((r) => r.balance).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i * 7));
    const balance = await prisma.creditBalance.findUniqueOrThrow({ where: { storeId: s.store.id } });
    expect([balance.balance, balance.lastSeq]).toEqual([0, 21]);
    expect((await verifyCreditLedger(s.store.id)).ok).toBe(true);
  });

  it("one key sent 12 times at once spends once; every answer is the same; other parameters conflict", async () => {
    const s = await seller("USD");
    await fund(s.store.id, 100, "seed");
    const results = await Promise.all(Array.from({ length: 12 }, () => spend(s.store.id, 30, "same-key")));
    expect(results.filter((r) => r instanceof Error)).toEqual([]);
    const bodies = results.map((r) => {
      const { replayed: _replayed, ...body } = r as { replayed: boolean };
      return JSON.stringify(body);
    });
    expect(new Set(bodies).size).toBe(1);
    expect(results.filter((r) => !(r as { replayed: boolean }).replayed)).toHaveLength(1);
    expect(await prisma.creditLedgerEntry.count({ where: { storeId: s.store.id, kind: "SPEND" } })).toBe(1);
    expect((await prisma.creditBalance.findUniqueOrThrow({ where: { storeId: s.store.id } })).balance).toBe(70);
    const conflict = await spend(s.store.id, 31, "same-key");
    expect((conflict as AppError).code).toBe("idempotency_conflict");
    // A refused spend's key is free: the same key succeeds once the balance covers it.
    expect(((await spend(s.store.id, 500, "later")) as AppError).code).toBe("insufficient_credits");
    await fund(s.store.id, 1000, "top-up");
    expect(await spend(s.store.id, 500, "later")).toMatchObject({ balance: 570, replayed: false });
  });

  it("spends racing lock-taking ledger writers keep seq gap-free and the ledger verifiable", async () => {
    const s = await seller("USD");
    const ops = Array.from({ length: 40 }, (_, i) =>
      i % 4 === 0 ? fund(s.store.id, 25, `fund-${i}`) : spend(s.store.id, 10, `mix-${i}`),
    );
    await Promise.all(ops);
    const entries = await prisma.creditLedgerEntry.findMany({
      where: { storeId: s.store.id },
      orderBy: { seq: "asc" },
    });
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: entries.length }, (_, i) => i + 1));
    expect(entries.every((e) => e.balanceAfter >= 0)).toBe(true);
    expect((await verifyCreditLedger(s.store.id)).ok).toBe(true);
  });

  it("a store that never had credits is refused without creating anything", async () => {
    const s = await seller("USD");
    expect(((await spend(s.store.id, 1, "none")) as AppError).code).toBe("insufficient_credits");
    expect(await prisma.creditLedgerEntry.count({ where: { storeId: s.store.id } })).toBe(0);
  });
});
