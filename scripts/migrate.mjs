#!/usr/bin/env node
// `npm run db:migrate`: `prisma migrate deploy` on PostgreSQL (DATABASE_URL), or the same
// committed migrations applied in process to the embedded database (see migrate-embedded.mts).
// Run alone, it reads the .env files first (lib/env/load.ts), so it migrates the database the app uses.
import { bin, loadEnv, log, run } from "./lib.mjs";

export function migrate(env = process.env) {
  if (env.DATABASE_URL) run(bin("prisma"), ["migrate", "deploy"], env);
  else run(bin("tsx"), ["scripts/migrate-embedded.mts"], env);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await loadEnv();
  log(
    process.env.DATABASE_URL
      ? "migrating PostgreSQL (DATABASE_URL)"
      : `migrating the embedded database in ${process.env.PGLITE_DIR || ".data/pglite"}`,
  );
  migrate({ ...process.env, __NEXT_PROCESSED_ENV: "true" });
}
