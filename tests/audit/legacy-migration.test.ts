// The migration to per-store chains keeps the single chain written before it: its rows verify
// unchanged as chain "legacy", new entries start per-store chains after it, anchors record it, and
// tampering with it is still found. Runs the real migration files on PGlite, or on PostgreSQL when
// TEST_DATABASE_URL is set.
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { anchorChainHeads } from "@/lib/audit/anchor";
import { chainHash, GENESIS_HASH } from "@/lib/audit/chain";
import { appendAudit } from "@/lib/audit/log";
import { verifyAuditChain } from "@/lib/audit/verify";
import { createDatabase } from "@/lib/db/client";
import { committedMigrations } from "@/lib/db/migrations";

const MIGRATION = "20261205212939_audit_chains_per_store";
type Sql = (text: string, params?: unknown[]) => Promise<unknown>;

describe("migrating the single audit chain", () => {
  let prisma: PrismaClient;
  let sql: Sql;
  let cleanup: () => Promise<void>;
  const legacy: Array<{ id: number; hash: string }> = [];

  beforeAll(async () => {
    const base = process.env.TEST_DATABASE_URL;
    if (base) {
      const name = `vitrine_test_hb_${randomBytes(4).toString("hex")}`;
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      const url = new URL(base);
      url.pathname = `/${name}`;
      const db = createDatabase({ url: url.toString() });
      prisma = db.prisma;
      sql = (text, params = []) => prisma.$executeRawUnsafe(text, ...params);
      cleanup = async () => {
        await prisma.$disconnect();
        const a = new pg.Client({ connectionString: base });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await a.end();
      };
    } else {
      const lite = new PGlite("memory://");
      prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) });
      sql = (text, params = []) => lite.query(text, params);
      cleanup = async () => {
        await prisma.$disconnect();
        await lite.close();
      };
    }
    const run = async (sqlText: string) => {
      for (const statement of sqlText.split(/;\s*$/m).filter((s) => s.replace(/--.*$/gm, "").trim()))
        await sql(statement);
    };
    const migrations = committedMigrations();
    for (const m of migrations.filter((x) => x.name < MIGRATION)) await run(m.sql);

    // The chain as the old code wrote it: one chain, hashes without chain key or position.
    let prev = GENESIS_HASH;
    for (const [i, storeId] of ["store_old_a", null, "store_old_b"].entries()) {
      const fields = {
        createdAt: new Date(Date.UTC(2026, 10, 1, 12, i)),
        actorType: "system",
        actorId: "old",
        storeId,
        action: "test.before_migration",
        targetType: "n",
        targetId: String(i),
        before: null,
        after: { i },
        ip: null,
        userAgent: null,
        requestId: null,
      };
      const hash = chainHash(prev, fields);
      await sql(
        `INSERT INTO "AuditLog" ("createdAt", "actorType", "actorId", "storeId", action, "targetType", "targetId", after, "prevHash", hash)
         VALUES ($1::timestamptz AT TIME ZONE 'UTC', $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10)`,
        [
          fields.createdAt.toISOString(),
          "system",
          "old",
          storeId,
          fields.action,
          "n",
          String(i),
          JSON.stringify({ i }),
          prev,
          hash,
        ],
      );
      legacy.push({ id: i + 1, hash });
      prev = hash;
    }
    for (const m of migrations.filter((x) => x.name >= MIGRATION)) await run(m.sql);
  }, 120_000);

  afterAll(async () => cleanup());

  it("keeps the old rows verifiable as the legacy chain, with its head", async () => {
    const rows = await prisma.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.chainKey, Number(r.seq), r.hash])).toEqual(
      legacy.map((l, i) => ["legacy", i + 1, l.hash]),
    );
    expect(await prisma.auditChainHead.findMany()).toMatchObject([
      { chainKey: "legacy", seq: 3n, hash: legacy[2]!.hash },
    ]);
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true, checked: 3, chains: 1 });
  });

  it("starts per-store chains after it, and anchors the legacy head too", async () => {
    await prisma.$transaction((tx) =>
      appendAudit(tx, { actor: { type: "system", id: "new" } }, { storeId: "store_old_a", action: "test.after" }),
    );
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "test.after" } });
    expect(entry).toMatchObject({ chainKey: "store_old_a", seq: 1n, prevHash: GENESIS_HASH });
    expect(await anchorChainHeads(prisma)).toMatchObject({ anchored: true, chains: 2 });
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true, checked: 5, chains: 3, anchoredHeads: 2 });
  });

  it("still finds tampering in the legacy chain", async () => {
    await sql(`UPDATE "AuditLog" SET action = 'test.forged' WHERE id = 2`);
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: false, chainKey: "legacy", brokenAt: "2" });
  });
});
