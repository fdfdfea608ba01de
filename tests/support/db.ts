// Each test file gets its own database: a throwaway PostgreSQL database when TEST_DATABASE_URL
// points at a server (created here, migrated, dropped afterwards), else in-memory PGlite.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import pg from "pg";
import { createDatabase, type Database } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrations";

const g = globalThis as unknown as { __vitrineDb?: Database };

export function testDatabaseKind(): "postgres" | "pglite" {
  return process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
}

function assertLocal(url: URL) {
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(url.hostname))
    throw new Error(`Refusing to run tests against non-local database host ${url.hostname}`);
}

/** Installs a fresh database as the process-wide one for this test file. */
export function useTestDatabase(): { db: () => Database } {
  let db: Database | undefined;
  let dropName: string | undefined;
  let adminUrl: URL | undefined;
  beforeAll(async () => {
    const base = process.env.TEST_DATABASE_URL;
    if (base) {
      adminUrl = new URL(base);
      assertLocal(adminUrl);
      dropName = `vitrine_test_${randomBytes(5).toString("hex")}`;
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${dropName}"`);
      await admin.end();
      const url = new URL(base);
      url.pathname = `/${dropName}`;
      db = createDatabase({ url: url.toString() });
      await applyMigrations(db.sql);
    } else {
      db = createDatabase({ url: "", pgliteDir: "memory://" });
      await db.ready;
    }
    g.__vitrineDb = db;
  });
  afterAll(async () => {
    await db?.prisma.$disconnect();
    if (db?.pglite) await db.pglite.close();
    g.__vitrineDb = undefined;
    if (dropName && adminUrl) {
      const admin = new pg.Client({ connectionString: adminUrl.toString() });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${dropName}" WITH (FORCE)`);
      await admin.end();
    }
  });
  return { db: () => db! };
}

let seq = 0;
export function uniqueEmail(tag = "user") {
  return `${tag}-${Date.now().toString(36)}-${(seq++).toString(36)}-${randomBytes(2).toString("hex")}@example.com`;
}

export const ctx = { ip: "203.0.113.9", userAgent: "vitest", requestId: "req_test_0001" };
