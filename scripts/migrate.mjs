#!/usr/bin/env node
// `npm run db:migrate`: `prisma migrate deploy` on PostgreSQL (DATABASE_URL), or the same
// committed migrations applied in process to the embedded database (see migrate-embedded.mts).
import { bin, run } from "./lib.mjs";

export function migrate(env = process.env) {
  if (env.DATABASE_URL) run(bin("prisma"), ["migrate", "deploy"], env);
  else run(bin("tsx"), ["scripts/migrate-embedded.mts"], env);
}

if (import.meta.url === `file://${process.argv[1]}`) migrate();
