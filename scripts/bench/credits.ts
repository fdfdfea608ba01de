// Credits ledger figures: spends/second through spendCredits (appendEntry under the balance row
// lock) for one store under N concurrent writers and across many stores, and the time of
// verifyCreditLedger (one set-based query) over bulk-loaded ledgers with four deliberately broken
// stores, which it must report.
import { randomBytes } from "node:crypto";
import { memory, ms, runConcurrent } from "./util";

const SPENDS = Number(process.env.BENCH_SPENDS ?? 1500);
const VERIFY_ENTRIES = Number(process.env.BENCH_VERIFY_ENTRIES ?? 10_000);

export async function benchCredits(dbLabel: string) {
  const { prisma } = await import("../../lib/db/client");
  const { spendCredits } = await import("../../lib/credits/spend");
  const { appendEntry, inLedgerTx, verifyCreditLedger } = await import("../../lib/credits/ledger");
  const tag = randomBytes(3).toString("hex");
  const owner = await prisma.user.create({
    data: { email: `bench-credits-${tag}@example.com`, name: "Bench", passwordHash: "x" },
  });
  const newStores = async (n: number, prefix: string) => {
    const ids = Array.from({ length: n }, (_, i) => `${prefix}_${tag}_${String(i).padStart(5, "0")}`);
    await prisma.store.createMany({ data: ids.map((id) => ({ id, ownerId: owner.id, name: id, slug: id })) });
    return ids;
  };
  const actor = { type: "api_key" as const, id: "bench" };
  const fund = (storeId: string) =>
    inLedgerTx((tx) =>
      appendEntry(tx, {
        storeId,
        kind: "ADJUSTMENT",
        amount: 100_000_000,
        uniqueKey: `fund:${storeId}`,
        reason: "bench",
        actor: { type: "system" },
      }),
    );

  console.log(
    `\nCredits ledger on ${dbLabel} — spendCredits (Idempotency-Key, appendEntry under the balance row lock), ${SPENDS} spends per run`,
  );
  const [single] = await newStores(1, "cs");
  await fund(single!);
  let key = 0;
  for (const writers of [1, 8, 32]) {
    const run = await runConcurrent(SPENDS, writers, async () => {
      await spendCredits(single!, { amount: 1, reason: "bench" }, { idempotencyKey: `k${key++}`, actor });
    });
    console.log(
      `  one store, ${String(writers).padStart(2)} concurrent writers: ${run.perSecond.toFixed(0)} spends/s   p50 ${ms(run.p50)}   p95 ${ms(run.p95)}   p99 ${ms(run.p99)}`,
    );
  }
  // Replays: the same keys again land nothing new.
  const replay = await runConcurrent(Math.min(SPENDS, 500), 8, async (i) => {
    const r = await spendCredits(single!, { amount: 1, reason: "bench" }, { idempotencyKey: `k${i}`, actor });
    if (!r.replayed) throw new Error("replay created an entry");
  });
  console.log(
    `  one store, replayed keys (8 writers): ${replay.perSecond.toFixed(0)} replays/s   p50 ${ms(replay.p50)}   p95 ${ms(replay.p95)}`,
  );
  const many = await newStores(64, "cm");
  await Promise.all(many.map(fund));
  const manyRun = await runConcurrent(SPENDS, 32, async (i) => {
    await spendCredits(many[i % many.length]!, { amount: 1, reason: "bench" }, { idempotencyKey: `m${i}`, actor });
  });
  console.log(
    `  64 stores, 32 concurrent writers: ${manyRun.perSecond.toFixed(0)} spends/s   p50 ${ms(manyRun.p50)}   p95 ${ms(manyRun.p95)}   p99 ${ms(manyRun.p99)}`,
  );
  const balance = await prisma.creditBalance.findUniqueOrThrow({ where: { storeId: single! } });
  const spent = await prisma.creditLedgerEntry.count({ where: { storeId: single!, kind: "SPEND" } });
  console.log(
    `  one store after ${3 * SPENDS} spends: ${spent} SPEND entries, balance ${balance.balance} (expected ${100_000_000 - 3 * SPENDS}), lastSeq ${balance.lastSeq}   memory: ${memory()}`,
  );

  // verifyCreditLedger over bulk-loaded, consistent ledgers: one big store, then many small ones.
  const bulk = async (storeId: string, n: number) => {
    await prisma.$executeRawUnsafe(
      `INSERT INTO "CreditLedgerEntry" (id, "storeId", seq, kind, amount, "balanceAfter", "uniqueKey", "actorType", "createdAt")
       SELECT $1 || '_' || g, $1, g, 'ADJUSTMENT'::"CreditEntryKind", 5, 5 * g, 'bulk:' || g, 'system', now() FROM generate_series(1, $2::int) g`,
      storeId,
      n,
    );
    await prisma.$executeRawUnsafe(
      `INSERT INTO "CreditBalance" ("storeId", balance, held, "lastSeq", "updatedAt") VALUES ($1, 5 * $2::int, 0, $2::int, now())`,
      storeId,
      n,
    );
  };
  const time = async <T>(fn: () => Promise<T>) => {
    const t0 = performance.now();
    const out = await fn();
    return { out, ms: performance.now() - t0 };
  };
  const shapes: Array<[string, number, number]> = [
    ["1 store", 1, VERIFY_ENTRIES],
    ["1,000 stores", 1000, Math.max(1, Math.round(VERIFY_ENTRIES / 1000))],
  ];
  // Clear what the spend runs wrote so each shape is measured alone.
  const clear = async () => {
    await prisma.creditLedgerEntry.deleteMany({});
    await prisma.creditBalance.deleteMany({});
  };
  for (const [name, stores, per] of shapes) {
    await clear();
    const ids = await newStores(stores, `cv${stores}`);
    for (const id of ids) await bulk(id, per);
    // A few broken stores so both versions have something to report.
    if (ids.length >= 4) {
      await prisma.$executeRawUnsafe(
        `UPDATE "CreditLedgerEntry" SET "balanceAfter" = "balanceAfter" + 1 WHERE "storeId" = $1 AND seq = $2`,
        ids[0],
        Math.ceil(per / 2),
      );
      await prisma.$executeRawUnsafe(
        `DELETE FROM "CreditLedgerEntry" WHERE "storeId" = $1 AND seq = $2`,
        ids[1],
        Math.max(1, per - 1),
      );
      await prisma.$executeRawUnsafe(`UPDATE "CreditBalance" SET balance = balance + 7 WHERE "storeId" = $1`, ids[2]);
      await prisma.$executeRawUnsafe(`UPDATE "CreditBalance" SET held = 3 WHERE "storeId" = $1`, ids[3]);
    }
    const current = await time(() => verifyCreditLedger());
    const expected = ids.length >= 4 ? 4 : 0;
    const found = current.out.mismatches.length;
    console.log(
      `  verifyCreditLedger, ${(stores * per).toLocaleString("en")} entries in ${name}: ${ms(current.ms)}   broken stores reported: ${found}/${expected}${found === expected ? "" : "  ← WRONG"}   memory: ${memory()}`,
    );
  }
  await clear();
}
