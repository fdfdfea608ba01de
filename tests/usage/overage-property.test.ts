// Property test (fast-check): any interleaving of metered usage, flushes, rollups, retried
// rollups and credit top-ups debits exactly creditsPerUnit × the units paid, where the units
// paid follow an independent model (each evaluation pays min(unpaid, whole units the balance
// covers)), never a unit twice: the OVERAGE entries' unit ranges are contiguous from 1 and
// disjoint, and the ledger verifies after every step. Seeded so a failure replays;
// USAGE_PROPERTY_RUNS runs more.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { useTestDatabase } from "../support/db";
import { balanceOf, putOnPlan, topUp, useUsageIsolation } from "./support";
import { verifyCreditLedger } from "@/lib/credits/ledger";
import { prisma } from "@/lib/db/client";
import { flushUsage } from "@/lib/usage/flush";
import { meter } from "@/lib/usage/meter";
import { runUsageRollup } from "@/lib/usage/rollup";

const LIMIT = 4;
const CPU = 3;

type Op =
  | { kind: "use"; n: number }
  | { kind: "flush" }
  | { kind: "rollup" }
  | { kind: "rollupTwice" }
  | { kind: "topUp"; credits: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }).map((n) => ({ kind: "use" as const, n })) },
  { weight: 2, arbitrary: fc.constant({ kind: "flush" as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: "rollup" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "rollupTwice" as const }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 10 }).map((credits) => ({ kind: "topUp" as const, credits })) },
);

async function newStore() {
  const tag = randomBytes(5).toString("hex");
  const owner = await prisma.user.create({
    data: { email: `prop-${tag}@example.com`, name: "Prop", passwordHash: "x" },
  });
  return prisma.store.create({ data: { ownerId: owner.id, name: "Prop", slug: `prop-${tag}` } });
}

async function checkRanges(storeId: string, charged: number) {
  const entries = await prisma.creditLedgerEntry.findMany({
    where: { storeId, kind: "OVERAGE" },
    orderBy: { seq: "asc" },
  });
  let next = 1;
  for (const e of entries) {
    const [from, to] = e.uniqueKey.split(":").at(-1)!.split("-").map(Number) as [number, number];
    expect(from).toBe(next);
    expect(e.amount).toBe(-(to - from + 1) * CPU);
    next = to + 1;
  }
  expect(next - 1).toBe(charged);
}

describe("overage from credits — property", () => {
  useTestDatabase();
  useUsageIsolation();

  it("debits each unit beyond the limit exactly once, as far as credits go", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const store = await newStore();
        await putOnPlan(store.id, {
          limits: { api_calls: LIMIT },
          overage: { api_calls: { mode: "credits", creditsPerUnit: CPU } },
        });
        const m = { metered: 0, flushed: 0, charged: 0, balance: 0 };
        const evaluate = () => {
          m.flushed = m.metered;
          const unpaid = Math.max(0, m.flushed - LIMIT - m.charged);
          const paid = Math.min(unpaid, Math.floor(m.balance / CPU));
          m.charged += paid;
          m.balance -= paid * CPU;
        };
        for (const o of [...ops, { kind: "topUp", credits: 1000 } as Op, { kind: "rollup" } as Op]) {
          if (o.kind === "use") {
            meter(store.id, "api_calls", o.n);
            m.metered += o.n;
          } else if (o.kind === "topUp") {
            await topUp(store.id, o.credits);
            m.balance += o.credits;
          } else {
            if (o.kind === "flush") await flushUsage();
            else await runUsageRollup();
            if (o.kind === "rollupTwice") await runUsageRollup();
            evaluate();
          }
          expect(await balanceOf(store.id)).toBe(m.balance);
          const state = await prisma.usageOverage.findFirst({ where: { storeId: store.id } });
          expect(state?.unitsCharged ?? 0).toBe(m.charged);
          expect(state?.creditsDebited ?? 0).toBe(m.charged * CPU);
          if (o.kind !== "use" && o.kind !== "topUp") expect(!!state?.exhaustedAt).toBe(m.flushed - LIMIT > m.charged);
        }
        // With credits to spare, the last rollup paid every unit beyond the limit.
        expect(m.charged).toBe(Math.max(0, m.metered - LIMIT));
        await checkRanges(store.id, m.charged);
        expect((await verifyCreditLedger(store.id)).ok).toBe(true);
      }),
      { numRuns: Number(process.env.USAGE_PROPERTY_RUNS ?? 20), seed: 20261204, endOnFailure: true },
    );
  }, 240_000);
});
