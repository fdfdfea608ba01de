// Daily counters (UsageCounter: store × resource × UTC day) and the source-table counts they are
// recomputed from. Increments add (API calls, reported usage); the rollup sets.
import "server-only";
import { prisma, type Tx } from "@/lib/db/client";
import { dayKey, type UsagePeriod } from "./periods";
import type { RollupFlow } from "./resources";

type Client = Pick<Tx, "$executeRawUnsafe" | "$queryRawUnsafe">;

export type Increment = { storeId: string; resource: string; day: string; quantity: number };

/** Rows per statement (arrays of this length are sent as four parameters). */
const INSERT_CHUNK = 5_000;

/** One increment per counter (a statement may touch a row once), in key order (writers lock rows in the same order: no deadlock). */
function mergeSorted(rows: Increment[]): Increment[] {
  const merged = new Map<string, Increment>();
  for (const r of rows) {
    const key = `${r.storeId}\t${r.resource}\t${r.day}`;
    const seen = merged.get(key);
    merged.set(key, seen ? { ...seen, quantity: seen.quantity + r.quantity } : { ...r });
  }
  return [...merged.keys()].sort().map((k) => merged.get(k)!);
}

/**
 * Adds each increment to its counter, one statement per chunk of rows passed as four arrays.
 * Safe with several app instances (PostgreSQL adds under the row lock of the conflicting row);
 * saturates at the column's maximum.
 */
export async function addToCounters(increments: Increment[], client: Client = prisma): Promise<void> {
  const rows = mergeSorted(increments);
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    await client.$executeRawUnsafe(
      `INSERT INTO "UsageCounter" ("storeId", "resource", "day", "quantity", "updatedAt")
       SELECT s, r, d, q, $5::timestamp(3) FROM unnest($1::text[], $2::text[], $3::date[], $4::int[]) WITH ORDINALITY AS x(s, r, d, q, n)
       ORDER BY n
       ON CONFLICT ("storeId", "resource", "day") DO UPDATE
       SET "quantity" = LEAST(2147483647, "UsageCounter"."quantity"::int8 + excluded."quantity")::int, "updatedAt" = excluded."updatedAt"`,
      chunk.map((r) => r.storeId),
      chunk.map((r) => r.resource),
      chunk.map((r) => r.day),
      chunk.map((r) => r.quantity),
      new Date().toISOString(),
    );
  }
}

/** Where each flow is counted from: its table, the instant that dates a row, and which rows count. */
const SOURCES: Record<RollupFlow, { table: string; at: string; where: (fromParam: string) => string }> = {
  orders: { table: `"Order"`, at: `"createdAt"`, where: () => "TRUE" },
  pix_charges: { table: `"PixCharge"`, at: `"createdAt"`, where: () => "TRUE" },
  // A delivery is counted the day it succeeded. Deliveries retry for about two days, so one that
  // succeeds on a day was created at most three days before it: that bound lets the (storeId,
  // createdAt) index narrow the scan.
  callbacks: {
    table: `"CallbackDelivery"`,
    at: `"deliveredAt"`,
    where: (from) => `status = 'SUCCEEDED' AND "createdAt" >= ${from}::timestamp(3) - interval '3 days'`,
  },
};

/**
 * Recomputes the counters of `resource` for every store from `fromDay` (a UTC midnight) on, from
 * the source table, and sets them: idempotent, and converging whatever ran before. Counters of
 * days in range whose source rows are gone go to zero. Returns the stores whose counters changed.
 */
export async function recountFlow(resource: RollupFlow, fromDay: Date, client: Client = prisma): Promise<string[]> {
  const s = SOURCES[resource];
  const src = `SELECT "storeId", (${s.at})::date AS day, count(*)::int AS n FROM ${s.table}
    WHERE ${s.at} >= $1::timestamp(3) AND ${s.where("$1")} GROUP BY 1, 2`;
  const changed = await client.$queryRawUnsafe<{ storeId: string }[]>(
    `WITH src AS (${src}),
     upserted AS (
       INSERT INTO "UsageCounter" ("storeId", "resource", "day", "quantity", "updatedAt")
       SELECT "storeId", $2, day, n, $3::timestamp(3) FROM src ORDER BY "storeId", day
       ON CONFLICT ("storeId", "resource", "day") DO UPDATE SET "quantity" = excluded."quantity", "updatedAt" = excluded."updatedAt"
       WHERE "UsageCounter"."quantity" <> excluded."quantity"
       RETURNING "storeId"
     ),
     zeroed AS (
       UPDATE "UsageCounter" c SET "quantity" = 0, "updatedAt" = $3::timestamp(3)
       WHERE c."resource" = $2 AND c."day" >= $1::date AND c."quantity" <> 0
         AND NOT EXISTS (SELECT 1 FROM src WHERE src."storeId" = c."storeId" AND src.day = c."day")
       RETURNING c."storeId"
     )
     SELECT DISTINCT "storeId" FROM (SELECT "storeId" FROM upserted UNION ALL SELECT "storeId" FROM zeroed) x`,
    fromDay.toISOString(),
    resource,
    new Date().toISOString(),
  );
  return changed.map((r) => r.storeId);
}

/**
 * Today's level of the count resources, as a daily snapshot for the charts: products (active)
 * per store and stores per owner (every store of an owner carries the owner's count).
 */
export async function snapshotCounts(today: Date, client: Client = prisma): Promise<void> {
  const at = new Date().toISOString();
  const upsert = (resource: string, select: string) =>
    client.$executeRawUnsafe(
      `INSERT INTO "UsageCounter" ("storeId", "resource", "day", "quantity", "updatedAt")
       SELECT "storeId", $2, $1::date, n, $3::timestamp(3) FROM (${select}) src ORDER BY "storeId"
       ON CONFLICT ("storeId", "resource", "day") DO UPDATE SET "quantity" = excluded."quantity", "updatedAt" = excluded."updatedAt"
       WHERE "UsageCounter"."quantity" <> excluded."quantity"`,
      dayKey(today),
      resource,
      at,
    );
  await upsert("products", `SELECT "storeId", count(*)::int AS n FROM "Product" WHERE active GROUP BY 1`);
  await upsert(
    "stores",
    `SELECT s.id AS "storeId", o.n FROM "Store" s JOIN (SELECT "ownerId", count(*)::int AS n FROM "Store" GROUP BY 1) o ON o."ownerId" = s."ownerId"`,
  );
}

/** Sum of a store's counters of `resource` over the days in [from, to). */
export async function sumCounters(storeId: string, resource: string, from: Date, to: Date): Promise<number> {
  if (to <= from) return 0;
  const rows = await prisma.$queryRawUnsafe<{ n: bigint | number | null }[]>(
    `SELECT sum("quantity")::int8 AS n FROM "UsageCounter" WHERE "storeId" = $1 AND "resource" = $2 AND "day" >= $3::date AND "day" < $4::date`,
    storeId,
    resource,
    dayKey(from),
    dayKey(to),
  );
  return Number(rows[0]?.n ?? 0);
}

/** Per resource, the sum of a store's counters over the days in [from, to). */
export async function sumCountersByResource(storeId: string, from: Date, to: Date): Promise<Map<string, number>> {
  const rows = await prisma.$queryRawUnsafe<{ resource: string; n: bigint | number }[]>(
    `SELECT "resource", sum("quantity")::int8 AS n FROM "UsageCounter" WHERE "storeId" = $1 AND "day" >= $2::date AND "day" < $3::date GROUP BY 1`,
    storeId,
    dayKey(from),
    dayKey(to),
  );
  return new Map(rows.map((r) => [r.resource, Number(r.n)]));
}

/** A store's live count of a flow's source rows in [from, to): exact where a counter may lag. */
export async function liveFlowCount(storeId: string, resource: RollupFlow, from: Date, to: Date): Promise<number> {
  const s = SOURCES[resource];
  const rows = await prisma.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM ${s.table} WHERE "storeId" = $3 AND ${s.at} >= $1::timestamp(3) AND ${s.at} < $2::timestamp(3) AND ${s.where("$1")}`,
    from.toISOString(),
    to.toISOString(),
    storeId,
  );
  return Number(rows[0]?.n ?? 0);
}

/** A store's counters per day and resource over the period (for charts and CSV). */
export async function dailyCounters(
  storeId: string,
  period: UsagePeriod,
): Promise<{ day: string; resource: string; quantity: number }[]> {
  const rows = await prisma.usageCounter.findMany({
    where: { storeId, day: { gte: period.start, lt: period.end } },
    select: { day: true, resource: true, quantity: true },
    orderBy: [{ day: "asc" }, { resource: "asc" }],
  });
  return rows.map((r) => ({ day: dayKey(r.day), resource: r.resource, quantity: r.quantity }));
}

/** For many stores at once, each over its own days [from, to): the sum of every resource's counters. */
export async function sumsForPeriods(
  periods: { storeId: string; from: Date; to: Date }[],
): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  for (let i = 0; i < periods.length; i += 1_000) {
    const chunk = periods
      .slice(i, i + 1_000)
      .map((p) => ({ storeId: p.storeId, from: dayKey(p.from), to: dayKey(p.to) }));
    const rows = await prisma.$queryRawUnsafe<{ storeId: string; resource: string; n: bigint | number }[]>(
      `WITH p AS (SELECT * FROM json_to_recordset($1::json) AS x("storeId" text, "from" date, "to" date))
       SELECT c."storeId", c."resource", sum(c."quantity")::int8 AS n
       FROM "UsageCounter" c JOIN p ON p."storeId" = c."storeId" AND c."day" >= p."from" AND c."day" < p."to"
       GROUP BY 1, 2`,
      JSON.stringify(chunk),
    );
    for (const r of rows) {
      const m = out.get(r.storeId) ?? new Map<string, number>();
      m.set(r.resource, Number(r.n));
      out.set(r.storeId, m);
    }
  }
  return out;
}

/** Per store and resource, the sum of counters of these resources from `fromDay` on (stores with any). */
export async function sumsSince(
  resources: readonly string[],
  fromDay: Date,
): Promise<Map<string, Map<string, number>>> {
  const rows = await prisma.usageCounter.groupBy({
    by: ["storeId", "resource"],
    where: { resource: { in: [...resources] }, day: { gte: fromDay }, quantity: { gt: 0 } },
    _sum: { quantity: true },
  });
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const m = out.get(r.storeId) ?? new Map<string, number>();
    m.set(r.resource, r._sum.quantity ?? 0);
    out.set(r.storeId, m);
  }
  return out;
}
