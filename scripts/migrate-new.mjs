#!/usr/bin/env node
// `npm run db:migrate:new -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
// the SQL that takes the committed migrations to the current prisma/schema.prisma. Needs a real
// PostgreSQL for Prisma's shadow database (MIGRATE_DATABASE_URL, default the local server).
import { mkdirSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { bin, log, root } from "./lib.mjs";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migrate:new -- <name>");
  process.exit(2);
}
const url = process.env.MIGRATE_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const res = spawnSync(
  bin("prisma"),
  [
    "migrate",
    "diff",
    "--from-migrations",
    "prisma/migrations",
    "--to-schema-datamodel",
    "prisma/schema.prisma",
    "--script",
  ],
  { cwd: root, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" },
);
if (res.status !== 0) {
  process.stderr.write(res.stderr || res.stdout);
  process.exit(res.status ?? 1);
}
const sql = res.stdout.replace(/^Loaded Prisma config.*\n/m, "").trim();
if (!sql || /This is an empty migration/.test(sql)) {
  log("schema and migrations already match; nothing written");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join(root, "prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
log(`wrote ${path.relative(root, dir)}/migration.sql`);
