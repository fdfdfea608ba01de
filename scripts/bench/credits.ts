// Credits ledger figures: spends/second through spendCredits (appendEntry under the balance row
// lock) for one store under N concurrent writers and across many stores, and the time of
// verifyCreditLedger over bulk-loaded ledgers — next to a set-based SQL version of the same check
// (proposed, not used by the app) whose report is compared with the real one.
import { randomBytes } from "node:crypto";
import { memory, ms, runConcurrent } from "./util";

const SPENDS = Number(process.env.BENCH_SPENDS ?? 1500);
const VERIFY_ENTRIES = Number(process.env.BENCH_VERIFY_ENTRIES ?? 10_000);

type Mismatch = { storeId: string; cached: number; sum: number; problem: string };

/** The proposed one-query verifyCreditLedger: same invariants and messages, one round trip. */
export const PROPOSED_VERIFY_SQL = `
WITH w AS (
  SELECT "storeId", seq, amount, "balanceAfter",
         row_number() OVER s AS rn,
         sum(amount) OVER (s ROWS UNBOUNDED PRECEDING) AS running
  FROM "CreditLedgerEntry" WHERE ($1::text IS NULL OR "storeId" = $1)
  WINDOW s AS (PARTITION BY "storeId" ORDER BY seq)
), agg AS (
  SELECT "storeId", count(*) AS n, sum(amount) AS total,
         min(rn) FILTER (WHERE seq <> rn OR "balanceAfter" <> running) AS first_bad
  FROM w GROUP BY "storeId"
), holds AS (
  SELECT h."storeId", sum(-h.amount) AS open FROM "CreditLedgerEntry" h
  WHERE h."uniqueKey" LIKE 'dispute-hold:%' AND ($1::text IS NULL OR h."storeId" = $1)
    AND NOT EXISTS (SELECT 1 FROM "CreditLedgerEntry" c WHERE c."storeId" = h."storeId" AND c."uniqueKey" = 'dispute-close:' || substr(h."uniqueKey", 14))
  GROUP BY h."storeId"
), ids AS (
  SELECT "storeId" FROM "CreditBalance" WHERE ($1::text IS NULL OR "storeId" = $1) UNION SELECT "storeId" FROM agg
)
SELECT ids."storeId", coalesce(b.balance, 0)::int8 AS balance, coalesce(b.held, 0)::int8 AS held, coalesce(b."lastSeq", 0)::int8 AS "lastSeq",
       coalesce(a.n, 0)::int8 AS n, coalesce(a.total, 0)::int8 AS total, coalesce(h.open, 0)::int8 AS open,
       x.rn::int8 AS bad_rn, x.seq AS bad_seq, x."balanceAfter" AS bad_after, x.running::int8 AS bad_running
FROM ids
LEFT JOIN "CreditBalance" b ON b."storeId" = ids."storeId"
LEFT JOIN agg a ON a."storeId" = ids."storeId"
LEFT JOIN holds h ON h."storeId" = ids."storeId"
LEFT JOIN w x ON x."storeId" = ids."storeId" AND x.rn = a.first_bad
ORDER BY ids."storeId" COLLATE "C"`;

type Row = { storeId: string; balance: unknown; held: unknown; lastSeq: unknown; n: unknown; total: unknown; open: unknown; bad_rn: unknown; bad_seq: number | null; bad_after: number | null; bad_running: unknown };

export async function proposedVerify(storeId?: string) {
  const { prisma } = await import("../../lib/db/client");
  const rows = await prisma.$queryRawUnsafe<Row[]>(PROPOSED_VERIFY_SQL, storeId ?? null);
  const mismatches: Mismatch[] = [];
  for (const r of rows) {
    const [balance, held, lastSeq, n, total, open] = [r.balance, r.held, r.lastSeq, r.n, r.total, r.open].map(Number) as [number, number, number, number, number, number];
    let problem: string | null = null;
    if (r.bad_rn !== null) {
      const rn = Number(r.bad_rn);
      problem = r.bad_seq !== rn ? `seq gap: expected ${rn}, found ${r.bad_seq}` : `balanceAfter of seq ${r.bad_seq} is ${r.bad_after}, expected ${Number(r.bad_running)}`;
    } else if (balance !== total) problem = `cached balance ${balance} differs from the sum of entries ${total}`;
    else if (lastSeq !== n) problem = `cached lastSeq ${lastSeq} differs from ${n} entries`;
    else if (held !== open) problem = `cached held ${held} differs from the open dispute holds ${open}`;
    if (problem) mismatches.push({ storeId: r.storeId, cached: balance, sum: total, problem });
  }
  return { checked: rows.length, ok: mismatches.length === 0, mismatches };
}

export async function benchCredits(dbLabel: string) {
  const { prisma } = await import("../../lib/db/client");
  const { spendCredits } = await import("../../lib/credits/spend");
  const { appendEntry, inLedgerTx, verifyCreditLedger } = await import("../../lib/credits/ledger");
  const tag = randomBytes(3).toString("hex");
  const owner = await prisma.user.create({ data: { email: `bench-credits-${tag}@example.com`, name: "Bench", passwordHash: "x" } });
  const newStores = async (n: number, prefix: string) => {
    const ids = Array.from({ length: n }, (_, i) => `${prefix}_${tag}_${String(i).padStart(5, "0")}`);
    await prisma.store.createMany({ data: ids.map((id) => ({ id, ownerId: owner.id, name: id, slug: id })) });
    return ids;
  };
  const actor = { type: "api_key" as const, id: "bench" };
  const fund = (storeId: string) => inLedgerTx((tx) => appendEntry(tx, { storeId, kind: "ADJUSTMENT", amount: 100_000_000, uniqueKey: `fund:${storeId}`, reason: "bench", actor: { type: "system" } }));

  console.log(`\nCredits ledger on ${dbLabel} — spendCredits (Idempotency-Key, appendEntry under the balance row lock), ${SPENDS} spends per run`);
  const [single] = await newStores(1, "cs");
  await fund(single!);
  let key = 0;
  for (const writers of [1, 8, 32]) {
    const run = await runConcurrent(SPENDS, writers, async () => {
      await spendCredits(single!, { amount: 1, reason: "bench" }, { idempotencyKey: `k${key++}`, actor });
    });
    console.log(`  one store, ${String(writers).padStart(2)} concurrent writers: ${run.perSecond.toFixed(0)} spends/s   p50 ${ms(run.p50)}   p95 ${ms(run.p95)}   p99 ${ms(run.p99)}`);
  }
  // Replays: the same keys again land nothing new.
  const replay = await runConcurrent(Math.min(SPENDS, 500), 8, async (i) => {
    const r = await spendCredits(single!, { amount: 1, reason: "bench" }, { idempotencyKey: `k${i}`, actor });
    if (!r.replayed) throw new Error("replay created an entry");
  });
  console.log(`  one store, replayed keys (8 writers): ${replay.perSecond.toFixed(0)} replays/s   p50 ${ms(replay.p50)}   p95 ${ms(replay.p95)}`);
  const many = await newStores(64, "cm");
  await Promise.all(many.map(fund));
  const manyRun = await runConcurrent(SPENDS, 32, async (i) => {
    await spendCredits(many[i % many.length]!, { amount: 1, reason: "bench" }, { idempotencyKey: `m${i}`, actor });
  });
  console.log(`  64 stores, 32 concurrent writers: ${manyRun.perSecond.toFixed(0)} spends/s   p50 ${ms(manyRun.p50)}   p95 ${ms(manyRun.p95)}   p99 ${ms(manyRun.p99)}`);
  const balance = await prisma.creditBalance.findUniqueOrThrow({ where: { storeId: single! } });
  const spent = await prisma.creditLedgerEntry.count({ where: { storeId: single!, kind: "SPEND" } });
  console.log(`  one store after ${3 * SPENDS} spends: ${spent} SPEND entries, balance ${balance.balance} (expected ${100_000_000 - 3 * SPENDS}), lastSeq ${balance.lastSeq}   memory: ${memory()}`);

  // verifyCreditLedger over bulk-loaded, consistent ledgers: one big store, then many small ones.
  const bulk = async (storeId: string, n: number) => {
    await prisma.$executeRawUnsafe(
      `INSERT INTO "CreditLedgerEntry" (id, "storeId", seq, kind, amount, "balanceAfter", "uniqueKey", "actorType", "createdAt")
       SELECT $1 || '_' || g, $1, g, 'ADJUSTMENT'::"CreditEntryKind", 5, 5 * g, 'bulk:' || g, 'system', now() FROM generate_series(1, $2::int) g`,
      storeId, n,
    );
    await prisma.$executeRawUnsafe(`INSERT INTO "CreditBalance" ("storeId", balance, held, "lastSeq", "updatedAt") VALUES ($1, 5 * $2::int, 0, $2::int, now())`, storeId, n);
  };
  const time = async <T,>(fn: () => Promise<T>) => {
    const t0 = performance.now();
    const out = await fn();
    return { out, ms: performance.now() - t0 };
  };
  const shapes: Array<[string, number, number]> = [["1 store", 1, VERIFY_ENTRIES], ["1,000 stores", 1000, Math.max(1, Math.round(VERIFY_ENTRIES / 1000))]];
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
      await prisma.$executeRawUnsafe(`UPDATE "CreditLedgerEntry" SET "balanceAfter" = "balanceAfter" + 1 WHERE "storeId" = $1 AND seq = $2`, ids[0], Math.ceil(per / 2));
      await prisma.$executeRawUnsafe(`DELETE FROM "CreditLedgerEntry" WHERE "storeId" = $1 AND seq = $2`, ids[1], Math.max(1, per - 1));
      await prisma.$executeRawUnsafe(`UPDATE "CreditBalance" SET balance = balance + 7 WHERE "storeId" = $1`, ids[2]);
      await prisma.$executeRawUnsafe(`UPDATE "CreditBalance" SET held = 3 WHERE "storeId" = $1`, ids[3]);
    }
    const current = await time(() => verifyCreditLedger());
    const proposed = await time(() => proposedVerify());
    const same = JSON.stringify(current.out) === JSON.stringify(proposed.out);
    console.log(`  verifyCreditLedger, ${(stores * per).toLocaleString("en")} entries in ${name}: ${ms(current.ms)} (${current.out.mismatches.length} mismatches)   proposed one-query SQL: ${ms(proposed.ms)}   same report: ${same ? "yes" : "NO"}   memory: ${memory()}`);
    if (!same) console.log(`    current ${JSON.stringify(current.out).slice(0, 600)}\n    proposed ${JSON.stringify(proposed.out).slice(0, 600)}`);
  }
  await clear();
}
