// Applies the committed migrations to the embedded database (PGlite) in this process, recording
// them in Prisma's `_prisma_migrations` ledger exactly as `prisma migrate deploy` does (same names
// and checksums). The Prisma CLI's wasm engine over PGlite is slow to start and has been seen to
// hang after finishing; PostgreSQL still goes through `prisma migrate deploy`.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { applyMigrations } from "../lib/db/migrations.ts";
import { loadEnvFiles } from "../lib/env/load.ts";
import { ServerEnvShape } from "../lib/env/schema.ts";

loadEnvFiles();
const dir = ServerEnvShape.PGLITE_DIR.parse(process.env.PGLITE_DIR || undefined);
if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
const pg = new PGlite(dir);
const applied = await applyMigrations({
  exec: async (sql) => void (await pg.exec(sql)),
  query: async <T,>(sql: string, params?: unknown[]) => (await pg.query<T>(sql, params as unknown[])).rows,
});
await pg.close();
console.log(
  applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "No pending migrations.",
);
