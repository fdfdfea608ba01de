// `npm run bench`: prints throughput and latency figures on PostgreSQL (never asserts them).
//  1. Signed Stripe webhook ingestion (scripts/bench/stripe.ts) through the real route, as a ratio
//     to a bare node:http verify-and-insert server in the same run — on PostgreSQL.
//  2. Store callback delivery (scripts/bench/callbacks.ts) to local receivers through the pump:
//     deliveries/s and the delay from the commit to the first attempt (p50/p99).
//  3. Credits ledger (scripts/bench/credits.ts): spends/s for one store under 1/8/32 writers and
//     across 64 stores, and verifyCreditLedger over 10k entries — on PGlite and PostgreSQL.
//  4. PIX webhook ingestion (scripts/bench/pix.ts) through the real route with the simulator
//     answering the status re-read — on PGlite and PostgreSQL.
//  5. Invoice PDFs (scripts/bench/invoices.ts): cold first render, warm time per page, a cache hit —
//     on PGlite.
//  6. Usage metering (scripts/bench/usage.ts): ns per meter() and per admitApiCall() on the request
//     path, and flushUsage() of N counters — on PGlite and PostgreSQL.
//  7. Seller lists (scripts/bench/payments.ts, scripts/bench/lists.ts): server time per page at 1k and 1M rows
//     of payments, credits ledger entries, callback deliveries and audit entries — on PostgreSQL.
// PostgreSQL: BENCH_DATABASE_URL, else a throwaway database on the local server (127.0.0.1:5432);
// skipped with a note when unreachable. Sections that report through scripts/bench/report.ts print
// `bench run=… figure=… value=… ratio=… load1=… cores=…` lines, appended to .data/bench-history.log
// and compared with the previous run at the end. BENCH_ONLY=stripe,callbacks,credits,pix,invoices,usage,payments picks sections;
// BENCH_DB=pg skips the PGlite runs.
import "./bench/resolve";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { benchCallbacks } from "./bench/callbacks";
import { benchCredits } from "./bench/credits";
import { benchInvoices } from "./bench/invoices";
import { benchPayments } from "./bench/payments";
import { benchPix } from "./bench/pix";
import { finishReport } from "./bench/report";
import { BENCH_WEBHOOK_SECRET, benchStripe } from "./bench/stripe";
import { benchUsage } from "./bench/usage";

const admin = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const dbName = `vitrine_bench_${randomBytes(4).toString("hex")}`;
const dbUrl = Object.assign(new URL(admin), { pathname: `/${dbName}` }).toString();
const only = new Set(
  (process.env.BENCH_ONLY ?? "stripe,callbacks,credits,pix,invoices,usage,payments").split(",").map((s) => s.trim()),
);

/** The credits and PIX sections on an in-memory PGlite (the default embedded database). */
async function onPglite() {
  if (!only.has("credits") && !only.has("pix") && !only.has("invoices") && !only.has("usage")) return;
  if (process.env.BENCH_DB === "pg") return;
  const { createDatabase } = await import("../lib/db/client");
  const g = globalThis as unknown as { __vitrineDb?: import("../lib/db/client").Database };
  const db = createDatabase({ url: undefined, pgliteDir: "memory://" });
  g.__vitrineDb = db;
  await db.ready;
  if (only.has("credits")) await benchCredits("PGlite (in memory)");
  if (only.has("pix")) await benchPix("PGlite (in memory)");
  if (only.has("usage")) await benchUsage("PGlite (in memory)");
  if (only.has("invoices")) await benchInvoices("PGlite (in memory)");
  await db.prisma.$disconnect();
  await db.pglite?.close();
  delete g.__vitrineDb;
}

async function main() {
  process.env.LOG_LEVEL = "silent";
  process.env.STRIPE_CONNECT_WEBHOOK_SECRET = BENCH_WEBHOOK_SECRET;
  process.env.RATE_LIMIT_WEBHOOK = "1000000/minute";
  process.env.CALLBACK_ALLOWED_HOSTS = "127.0.0.1";
  process.env.STRIPE_EMULATOR = "1";
  const savedUrl = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  await onPglite();
  const adminClient = new pg.Client({ connectionString: admin });
  try {
    await adminClient.connect();
  } catch (err) {
    console.log(
      `\nPostgreSQL at ${new URL(admin).host} is not reachable (${(err as Error).message}); its sections were skipped.`,
    );
    return;
  }
  await adminClient.query(`CREATE DATABASE "${dbName}"`);
  process.env.DATABASE_URL = dbUrl;
  try {
    const { getDatabase } = await import("../lib/db/client");
    const { applyMigrations } = await import("../lib/db/migrations");
    const db = getDatabase();
    await applyMigrations(db.sql);
    if (only.has("stripe")) await benchStripe(dbUrl);
    if (only.has("callbacks")) await benchCallbacks(db);
    if (only.has("credits")) await benchCredits("PostgreSQL");
    if (only.has("pix")) await benchPix("PostgreSQL");
    if (only.has("usage")) await benchUsage("PostgreSQL");
    if (only.has("payments")) await benchPayments("PostgreSQL");
    await db.prisma.$disconnect();
  } finally {
    await adminClient.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await adminClient.end();
    if (savedUrl) process.env.DATABASE_URL = savedUrl;
  }
}

main().then(
  () => {
    finishReport();
    process.exit(0);
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
