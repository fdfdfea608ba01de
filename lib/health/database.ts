// What the health endpoints report about the database: reachable, the app's schema present (a
// liveness "ok" over an empty database would send traffic to an app that fails every request),
// and every committed migration applied (readiness).
import { getDatabase, type Database } from "@/lib/db/client";
import { pendingMigrations } from "@/lib/db/migrations";

export type DatabaseHealth =
  | { ok: true; database: Database["kind"]; pendingMigrations: string[] }
  | { ok: false; database: Database["kind"]; reason: "database_unreachable" | "schema_missing" };

/** Tables every request path needs; their absence means migrations never ran against this database. */
const CORE_TABLES = ['"_prisma_migrations"', '"User"', '"Store"'];

export async function databaseHealth(
  opts: { migrations: boolean },
  db: Database = getDatabase(),
): Promise<DatabaseHealth> {
  let rows: Array<{ present: boolean }>;
  try {
    await db.ready;
    rows = await db.sql.query<{ present: boolean }>(
      `SELECT ${CORE_TABLES.map((t) => `to_regclass('public.${t}') IS NOT NULL`).join(" AND ")} AS present`,
    );
  } catch {
    return { ok: false, database: db.kind, reason: "database_unreachable" };
  }
  if (!rows[0]?.present) return { ok: false, database: db.kind, reason: "schema_missing" };
  return { ok: true, database: db.kind, pendingMigrations: opts.migrations ? await pendingMigrations(db.sql) : [] };
}
