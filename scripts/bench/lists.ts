// Seller lists at 1k and 1M rows (issue #19, "server time flat ± 20 % from 1k to 1M rows"): the
// credits ledger, the callback delivery log and a store's audit trail, each seeded with INSERT …
// SELECT generate_series into the throwaway PostgreSQL database (a 1k store first, then a 1M one:
// the small store's rows are the oldest, so a list not scoped by its index would wade through the
// big one). Pages of 50: the newest, one half-way down (keyset cursor) and the filters each list
// offers. One `figure("lists.<list>.<case>.ms", median at 1M, { base: median at 1k })` line per case
// with the database's own time (EXPLAIN ANALYZE), the CPU time and statements per page; printed,
// never asserted. The payment history's cases are in scripts/bench/payments.ts, through the same
// helpers. BENCH_PAYMENTS sets the large size; BENCH_EXPLAIN=1 also prints EXPLAIN (ANALYZE,
// BUFFERS) of every SELECT a case sends, at both sizes.
import pg from "pg";
import { countRoundTrips, figure } from "./report";

export const LARGE = Number(process.env.BENCH_PAYMENTS ?? 1_000_000);
const RUNS = 15;

export type Measured = { ms: number; cpuMs: number; stmts: number };

/** Median wall time of RUNS runs (after one warm-up), with CPU ms and statements per run. */
export async function measure(run: () => Promise<unknown>): Promise<Measured> {
  await run();
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  const { stmtsPerOp } = await countRoundTrips(RUNS, async () => {
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await run();
      times.push(performance.now() - t0);
    }
  });
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, cpuMs: (cpu.user + cpu.system) / 1000 / RUNS, stmts: stmtsPerOp };
}

export type Case = [name: string, run: () => Promise<unknown>];

type QueryFn = (this: object, config: unknown, ...rest: unknown[]) => Promise<unknown>;
type Statement = { text: string; values: unknown };

/** Runs `run` once and returns the SELECTs it sent, with their parameters. */
async function capture(run: () => Promise<unknown>): Promise<Statement[]> {
  const proto = pg.Client.prototype as unknown as { query: QueryFn };
  const inner = proto.query;
  const seen: Statement[] = [];
  proto.query = function (this: object, config: unknown, ...rest: unknown[]) {
    const text = typeof config === "string" ? config : (config as { text?: unknown } | null)?.text;
    const values = typeof config === "string" ? rest[0] : (config as { values?: unknown }).values;
    if (typeof text === "string" && /^\s*\(?\s*SELECT/i.test(text)) seen.push({ text, values });
    return inner.call(this, config, ...rest);
  };
  try {
    await run();
  } finally {
    proto.query = inner;
  }
  return seen;
}

/**
 * The database's own time for one page: the SELECTs a run sends, re-run under EXPLAIN (ANALYZE,
 * TIMING OFF), their Execution Times summed; the median of 5. Free of this process's CPU (Prisma's
 * query compiler, JSON), so steadier on a shared machine than the wall time.
 */
async function serverMs(client: pg.Client, statements: Statement[]): Promise<number> {
  const sums: number[] = [];
  for (let i = 0; i < 5; i++) {
    let sum = 0;
    for (const q of statements) {
      const res = await client.query({
        text: `EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${q.text}`,
        values: q.values as unknown[],
      });
      sum += (res.rows[0] as { "QUERY PLAN": Array<{ "Execution Time": number }> })["QUERY PLAN"][0]!["Execution Time"];
    }
    sums.push(sum);
  }
  sums.sort((a, b) => a - b);
  return sums[2]!;
}

/** BENCH_EXPLAIN=1: the plans of a case's SELECTs. */
async function printPlans(client: pg.Client, label: string, statements: Statement[]) {
  for (const q of statements) {
    const res = await client.query({ text: `EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, values: q.values as unknown[] });
    console.log(`  explain ${label}:`);
    for (const row of res.rows as Array<Record<string, string>>) console.log(`    ${row["QUERY PLAN"]}`);
  }
}

/**
 * Measures each case at both sizes and prints one figure per case: value = median wall time of a
 * page at the large size, base = the same at 1k (ratio = 1M/1k), then the database's own time
 * (db_ms, base_db_ms, db_ratio), this process's CPU per page and statements per page.
 */
export async function report(list: string, small: Case[], large: Case[]) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    for (let i = 0; i < small.length; i++) {
      const [name, runSmall] = small[i]!;
      const runLarge = large[i]![1];
      const a = await measure(runSmall);
      const b = await measure(runLarge);
      const [qa, qb] = [await capture(runSmall), await capture(runLarge)];
      const [dbA, dbB] = [await serverMs(client, qa), await serverMs(client, qb)];
      figure(`lists.${list}.${name}.ms`, b.ms, {
        base: a.ms,
        extra: {
          db_ms: dbB,
          base_db_ms: dbA,
          db_ratio: (dbB / Math.max(dbA, 0.001)).toFixed(2),
          cpu_ms: b.cpuMs,
          base_cpu_ms: a.cpuMs,
          stmts_per_op: b.stmts,
          rows: LARGE,
          base_rows: 1000,
        },
      });
      if (process.env.BENCH_EXPLAIN) {
        await printPlans(client, `${list}.${name} (1k)`, qa);
        await printPlans(client, `${list}.${name} (${LARGE.toLocaleString("en")})`, qb);
      }
    }
  } finally {
    await client.end();
  }
}

const at = (i: string) => `now() - (${i} * interval '30 seconds')`;

async function seedLedger(storeId: string, count: number, tag: string) {
  const { prisma } = await import("../../lib/db/client");
  // One entry every 30 s back from now (seq 1 the oldest); 1 in 10 a purchase, 1 in 1,000 an
  // adjustment (a rare kind: its filter must not walk the whole ledger), the rest spends.
  await prisma.$executeRawUnsafe(
    `INSERT INTO "CreditLedgerEntry" ("id","storeId","seq","kind","amount","balanceAfter","reference","uniqueKey",
       "actorType","createdAt")
     SELECT 'cl${tag}' || s, $1, s,
       (CASE WHEN s % 1000 = 0 THEN 'ADJUSTMENT' WHEN s % 10 = 0 THEN 'PURCHASE' ELSE 'SPEND' END)::"CreditEntryKind",
       CASE WHEN s % 10 = 0 THEN 100 ELSE -1 END, 1000000, 'ref' || s, 'bench:' || s, 'system', ${at("($2::int - s)")}
     FROM generate_series(1, $2::int) AS s`,
    storeId,
    count,
  );
  await prisma.$executeRawUnsafe(`ANALYZE "CreditLedgerEntry"`);
}

async function seedDeliveries(storeId: string, endpointId: string, count: number, tag: string) {
  const { prisma } = await import("../../lib/db/client");
  // Finished deliveries only (no pump may pick them up): 1 in 200 failed, the rest succeeded.
  await prisma.$executeRawUnsafe(
    `INSERT INTO "CallbackDelivery" ("id","storeId","endpointId","eventId","eventType","payload","status","attempts",
       "nextAttemptAt","lastStatusCode","lastLatencyMs","deliveredAt","createdAt","updatedAt")
     SELECT 'cd${tag}' || i, $1, $2, 'evt_${tag}' || i, 'payment.succeeded',
       jsonb_build_object('type', 'payment.succeeded', 'data', jsonb_build_object('vitrineOrderId', 'o${tag}' || i, 'orderId', 'PED-' || i)),
       (CASE WHEN i % 200 = 0 THEN 'FAILED' ELSE 'SUCCEEDED' END)::"CallbackStatus", 1,
       ${at("i")}, CASE WHEN i % 200 = 0 THEN 500 ELSE 200 END, 40, ${at("i")}, ${at("i")}, ${at("i")}
     FROM generate_series(1, $3::int) AS i`,
    storeId,
    endpointId,
    count,
  );
  await prisma.$executeRawUnsafe(`ANALYZE "CallbackDelivery"`);
}

async function seedAudit(storeId: string, count: number, tag: string) {
  const { prisma } = await import("../../lib/db/client");
  // The list does not verify the chain, so the rows need only be well-formed: a chain of their own
  // (never appended to or anchored here), 1 in 20 an order decline, the rest credit spends.
  await prisma.$executeRawUnsafe(
    `INSERT INTO "AuditLog" ("createdAt","actorType","storeId","action","targetType","targetId","after","prevHash","hash",
       "chainKey","seq")
     SELECT ${at("($2::int - s)")}, 'system', $1,
       CASE WHEN s % 20 = 0 THEN 'order.failed' ELSE 'credits.spent' END,
       CASE WHEN s % 20 = 0 THEN 'order' ELSE 'credit_entry' END, 't${tag}' || s,
       jsonb_build_object('amount', 1), md5('${tag}' || (s - 1)), md5('${tag}' || s) || '${tag}', 'bench:${tag}', s
     FROM generate_series(1, $2::int) AS s`,
    storeId,
    count,
  );
  await prisma.$executeRawUnsafe(`ANALYZE "AuditLog"`);
}

/** Ledger, deliveries and audit lists of a 1k-row and a LARGE-row store. */
export async function benchLists(dbLabel: string) {
  const { prisma } = await import("../../lib/db/client");
  const { listLedger } = await import("../../lib/credits/views");
  const { pageDeliveries } = await import("../../lib/callbacks/deliveries");
  const { listAuditPage } = await import("../../lib/admin/audit-query");
  console.log(
    `\nSeller lists (ledger, callback deliveries, audit) — ${dbLabel}, median of ${RUNS} runs per page of 50`,
  );
  const owner = await prisma.user.create({
    data: { email: `bench-lists-${Date.now()}@example.com`, name: "Bench", passwordHash: "x" },
  });
  const cases: Record<"ledger" | "deliveries" | "audit", Case[][]> = { ledger: [], deliveries: [], audit: [] };
  for (const [tag, count] of [
    ["s", 1000],
    ["l", LARGE],
  ] as const) {
    const store = await prisma.store.create({
      data: { ownerId: owner.id, name: `Bench lists ${tag}`, slug: `bench-lists-${tag}-${Date.now()}` },
    });
    const endpoint = await prisma.callbackEndpoint.create({
      data: { storeId: store.id, url: "http://127.0.0.1:9/events", secretEnc: "x", secretPrefix: "whsec_x" },
    });
    let t0 = performance.now();
    await seedLedger(store.id, count, tag);
    const tLedger = performance.now() - t0;
    t0 = performance.now();
    await seedDeliveries(store.id, endpoint.id, count, tag);
    const tDeliveries = performance.now() - t0;
    t0 = performance.now();
    await seedAudit(store.id, count, tag);
    const tAudit = performance.now() - t0;
    console.log(
      `  seeded ${count.toLocaleString("en")} ledger entries (${(tLedger / 1000).toFixed(1)} s), deliveries (${(tDeliveries / 1000).toFixed(1)} s), audit entries (${(tAudit / 1000).toFixed(1)} s)`,
    );
    const half = Math.floor(count / 2);
    // Cursors half-way down, as the previous page would have handed them out.
    const ledgerCursor = String(half + 1);
    const midDelivery = await prisma.callbackDelivery.findUniqueOrThrow({ where: { id: `cd${tag}${half}` } });
    const deliveryCursor = Buffer.from(`${midDelivery.createdAt.toISOString()}|${midDelivery.id}`).toString(
      "base64url",
    );
    const midAudit = await prisma.auditLog.findFirstOrThrow({ where: { chainKey: `bench:${tag}`, seq: half } });
    const from = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    const d = (q: { status?: "FAILED"; endpointId?: string; cursor?: string }) => () =>
      pageDeliveries(store.id, { limit: 50, ...q });
    cases.ledger.push([
      ["newest", () => listLedger(store.id, { limit: 50 })],
      ["half_way", () => listLedger(store.id, { limit: 50, cursor: ledgerCursor })],
      ["kind_purchase", () => listLedger(store.id, { limit: 50, kind: "PURCHASE" })],
      ["kind_adjustment", () => listLedger(store.id, { limit: 50, kind: "ADJUSTMENT" })],
      ["last_7_days", () => listLedger(store.id, { limit: 50, from })],
    ]);
    cases.deliveries.push([
      ["newest", d({})],
      ["half_way", d({ cursor: deliveryCursor })],
      ["status_failed", d({ status: "FAILED" })],
      ["endpoint", d({ endpointId: endpoint.id })],
    ]);
    cases.audit.push([
      ["newest", () => listAuditPage({ store: store.id }, 50)],
      ["half_way", () => listAuditPage({ store: store.id, before: midAudit.id.toString() }, 50)],
      ["action_domain", () => listAuditPage({ store: store.id, action: "order." }, 50)],
      [
        "one_object",
        () =>
          prisma.auditLog.findMany({
            where: { storeId: store.id, targetType: "order", targetId: `t${tag}${half - (half % 20)}` },
            orderBy: { id: "asc" },
            take: 100,
          }),
      ],
    ]);
  }
  for (const list of ["ledger", "deliveries", "audit"] as const)
    await report(list, ...(cases[list] as [Case[], Case[]]));
}
