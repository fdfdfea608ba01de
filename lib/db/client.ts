// The one database handle of a process: PostgreSQL through @prisma/adapter-pg when DATABASE_URL is
// set, otherwise PGlite in process (one instance per process, file-backed under .data/). PGlite
// takes no lock on its directory, so the run command applies migrations before the server starts
// and every test process uses its own directory or memory://.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env/server";
import { DirectPool, inTransactionSlot } from "./direct";
import { applyMigrations, type SqlRunner } from "./migrations";

export type Database = {
  kind: "postgres" | "pglite";
  prisma: PrismaClient;
  /** Present for the embedded database; pg-boss shares it. */
  pglite?: PGlite;
  /** Connection string for pg-boss on PostgreSQL. */
  url?: string;
  /** PostgreSQL: the pool Prisma's adapter uses, also used by lib/db/raw.ts for hot raw statements. */
  pool?: DirectPool;
  /** PostgreSQL: hot raw statements are prepared per connection (DATABASE_PREPARED_STATEMENTS). */
  preparedStatements?: boolean;
  sql: SqlRunner;
  ready: Promise<void>;
};

function pgliteRunner(pg: PGlite): SqlRunner {
  return {
    exec: async (sql) => void (await pg.exec(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await pg.query<T>(sql, params as unknown[])).rows,
  };
}

function prismaRunner(prisma: PrismaClient): SqlRunner {
  return {
    exec: async (sql) => void (await prisma.$executeRawUnsafe(sql)),
    query: async <T>(sql: string, params: unknown[] = []) => (await prisma.$queryRawUnsafe(sql, ...params)) as T[],
  };
}

/**
 * Interactive transactions may wait up to 5 s for a connection and run up to 10 s (Prisma's
 * defaults are 2 s and 5 s). In a burst (the duplicates drill: 64 concurrent webhooks on 2 cores)
 * the defaults turned waiting into 500s — retried by the sender and applied once, but a wait
 * inside the sender's own timeout is the better answer. PGlite runs one transaction at a time, so
 * its queue is the same wait.
 */
const TRANSACTION_OPTIONS = { maxWait: 5_000, timeout: 10_000 };

export function createDatabase(opts: { url?: string; pgliteDir?: string } = {}): Database {
  const config = env();
  const url = opts.url ?? config.DATABASE_URL;
  if (url) {
    const pool = new DirectPool({ connectionString: url, max: config.DATABASE_POOL_MAX });
    const prisma = new PrismaClient({
      adapter: new PrismaPg(pool, { disposeExternalPool: true }),
      transactionOptions: TRANSACTION_OPTIONS,
    });
    return {
      kind: "postgres",
      prisma,
      url,
      pool,
      preparedStatements: config.DATABASE_PREPARED_STATEMENTS === "on",
      sql: prismaRunner(prisma),
      ready: Promise.resolve(),
    };
  }
  const dir = opts.pgliteDir ?? config.PGLITE_DIR;
  const inMemory = dir.startsWith("memory://");
  if (!inMemory) mkdirSync(dir, { recursive: true });
  const pglite = new PGlite(dir);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions: TRANSACTION_OPTIONS });
  const sql = pgliteRunner(pglite);
  // An in-memory database starts empty: apply the committed migrations in process.
  const ready = inMemory ? applyMigrations(sql).then(() => undefined) : pglite.waitReady;
  return { kind: "pglite", prisma, pglite, sql, ready };
}

const g = globalThis as unknown as { __vitrineDb?: Database };

export function getDatabase(): Database {
  g.__vitrineDb ??= createDatabase();
  return g.__vitrineDb;
}

/**
 * An interactive transaction whose raw statements (lib/db/raw.ts) go straight to the connection
 * it holds (lib/db/direct.ts). The array form passes through unchanged.
 */
function transactionOf(client: PrismaClient): PrismaClient["$transaction"] {
  return ((arg: unknown, options?: unknown) => {
    if (typeof arg !== "function") return client.$transaction(arg as never, options as never);
    const fn = arg as (tx: Tx) => Promise<unknown>;
    return inTransactionSlot((bind) =>
      client.$transaction(async (tx) => {
        bind(tx);
        return fn(tx);
      }, options as never),
    );
  }) as PrismaClient["$transaction"];
}

/** The Prisma client of this process. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_t, prop) {
    if (prop === "$transaction") return transactionOf(getDatabase().prisma);
    const client = getDatabase().prisma as unknown as Record<PropertyKey, unknown>;
    const value = client[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
