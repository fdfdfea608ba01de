// Credits ledger figures: spends/second through spendCredits (one statement per spend,
// lib/credits/spend-entry.ts) for one store under N concurrent writers and across many stores,
// next to a bare baseline (one autocommit INSERT per operation on the same database, 32 writers),
// and the time of verifyCreditLedger (one set-based query) over bulk-loaded ledgers with four
// deliberately broken stores, which it must report.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { countRoundTrips, figure } from "./report";
import { memory, ms, runConcurrent } from "./util";

const SPENDS = Number(process.env.BENCH_SPENDS ?? 1500);
const VERIFY_ENTRIES = Number(process.env.BENCH_VERIFY_ENTRIES ?? 10_000);

/** One autocommit INSERT per operation straight through the driver: what the database and this
 * machine allow before any application code. */
async function bareInserts(count: number, writers: number) {
  const { getDatabase } = await import("../../lib/db/client");
  const db = getDatabase();
  const tag = randomBytes(3).toString("hex");
  const table = `bare_spend_${tag}`;
  if (db.pglite) {
    const lite = db.pglite;
    await lite.query(`CREATE TABLE ${table} (id text PRIMARY KEY, amount int NOT NULL)`);
    return runConcurrent(count, writers, async (i) => {
      await lite.query(`INSERT INTO ${table} (id, amount) VALUES ($1, $2)`, [`b${i}`, 1]);
    });
  }
  const pool = new pg.Pool({ connectionString: db.url, max: 10 });
  try {
    await pool.query(`CREATE TABLE ${table} (id text PRIMARY KEY, amount int NOT NULL)`);
    return await runConcurrent(count, writers, async (i) => {
      await pool.query(`INSERT INTO ${table} (id, amount) VALUES ($1, $2)`, [`b${i}`, 1]);
    });
  } finally {
    await pool.end();
  }
}

export async function benchCredits(dbLabel: string) {
  const { prisma, getDatabase } = await import("../../lib/db/client");
  const dbKey = getDatabase().kind === "postgres" ? "pg" : "pglite";
  // Round trips are counted on the node-postgres driver only (PGlite runs in process).
  const trips = (r: { txPerOp: number; stmtsPerOp: number }): Record<string, number> =>
    dbKey === "pg" ? { tx_per_op: r.txPerOp, stmts_per_op: r.stmtsPerOp } : {};
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
    `\nCredits ledger on ${dbLabel} — spendCredits (Idempotency-Key, one statement per spend), ${SPENDS} spends per run`,
  );
  const [single] = await newStores(1, "cs");
  await fund(single!);
  const bare = await bareInserts(SPENDS, 32);
  figure(`credits.${dbKey}.bare_insert.per_s`, bare.perSecond, { extra: { writers: 32, p99_ms: bare.p99 } });
  let key = 0;
  for (const writers of [1, 8, 32]) {
    const { out: run, ...rt } = await countRoundTrips(SPENDS, () =>
      runConcurrent(SPENDS, writers, async () => {
        await spendCredits(single!, { amount: 1, reason: "bench" }, { idempotencyKey: `k${key++}`, actor });
      }),
    );
    figure(`credits.${dbKey}.one_store_w${writers}.per_s`, run.perSecond, {
      base: bare.perSecond,
      extra: { p50_ms: run.p50, p99_ms: run.p99, ...trips(rt) },
    });
  }
  // Replays: the same keys again land nothing new.
  const replays = Math.min(SPENDS, 500);
  const { out: replay, ...replayTrips } = await countRoundTrips(replays, () =>
    runConcurrent(replays, 8, async (i) => {
      const r = await spendCredits(single!, { amount: 1, reason: "bench" }, { idempotencyKey: `k${i}`, actor });
      if (!r.replayed) throw new Error("replay created an entry");
    }),
  );
  figure(`credits.${dbKey}.replay_w8.per_s`, replay.perSecond, {
    base: bare.perSecond,
    extra: { p50_ms: replay.p50, p99_ms: replay.p99, ...trips(replayTrips) },
  });
  const many = await newStores(64, "cm");
  await Promise.all(many.map(fund));
  const { out: manyRun, ...manyTrips } = await countRoundTrips(SPENDS, () =>
    runConcurrent(SPENDS, 32, async (i) => {
      await spendCredits(many[i % many.length]!, { amount: 1, reason: "bench" }, { idempotencyKey: `m${i}`, actor });
    }),
  );
  figure(`credits.${dbKey}.stores64_w32.per_s`, manyRun.perSecond, {
    base: bare.perSecond,
    extra: { p50_ms: manyRun.p50, p99_ms: manyRun.p99, ...trips(manyTrips) },
  });
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
    figure(`credits.${dbKey}.verify_${stores}stores.ms`, current.ms, {
      extra: { entries: stores * per, broken_reported: `${found}/${expected}` },
    });
  }
  await clear();
}
