// Applies the committed Prisma migrations (prisma/migrations/*/migration.sql) in order and records
// them in Prisma's own `_prisma_migrations` table, so `prisma migrate deploy` and `migrate status`
// agree afterwards. Used for in-memory test databases and throwaway PostgreSQL test databases,
// where spawning the Prisma CLI per test file would be slow; the run command uses the CLI.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";

export type SqlRunner = { exec(sql: string): Promise<void>; query<T>(sql: string, params?: unknown[]): Promise<T[]> };

export function migrationsDir() {
  return path.join(/* turbopackIgnore: true */ process.cwd(), "prisma", "migrations");
}

export function committedMigrations(dir = migrationsDir()): Array<{ name: string; sql: string; checksum: string }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const LEDGER = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

export async function applyMigrations(db: SqlRunner): Promise<string[]> {
  await db.exec(LEDGER);
  const done = new Set(
    (
      await db.query<{ migration_name: string }>(
        `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      )
    ).map((r) => r.migration_name),
  );
  const applied: string[] = [];
  for (const m of committedMigrations()) {
    if (done.has(m.name)) continue;
    await db.exec(`BEGIN;\n${m.sql}\n;COMMIT;`);
    await db.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
      [randomUUID(), m.checksum, m.name],
    );
    applied.push(m.name);
  }
  return applied;
}

/** Names of committed migrations that the database has not finished applying. */
export async function pendingMigrations(db: Pick<SqlRunner, "query">): Promise<string[]> {
  let done: Set<string>;
  try {
    done = new Set(
      (
        await db.query<{ migration_name: string }>(
          `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        )
      ).map((r) => r.migration_name),
    );
  } catch {
    done = new Set();
  }
  return committedMigrations()
    .map((m) => m.name)
    .filter((n) => !done.has(n));
}
