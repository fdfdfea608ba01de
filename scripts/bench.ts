// `npm run bench`: prints throughput and latency figures on PostgreSQL (never asserts them).
//  1. Signed Stripe webhook ingestion through the real route (verify, ledger, claim, dispatch) at
//     64 concurrent senders with 30 % duplicates, next to a bare node:http server in the same run
//     that does only the same signature check and one insert — the ratio is the figure.
//     Run twice: an event type with no handler (payment_intent.created) and one whose handler runs
//     (payment_intent.succeeded for an order that is not ours).
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
//  7. Payment history (scripts/bench/payments.ts): server time per page at 1k and 1M payments — on PostgreSQL.
// PostgreSQL: BENCH_DATABASE_URL, else a throwaway database on the local server (127.0.0.1:5432);
// skipped with a note when unreachable. BENCH_ONLY=stripe,callbacks,credits,pix,invoices,usage,payments picks sections.
import "./bench/resolve";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import pg from "pg";
import Stripe from "stripe";
import { benchCallbacks } from "./bench/callbacks";
import { benchCredits } from "./bench/credits";
import { benchInvoices } from "./bench/invoices";
import { benchPayments } from "./bench/payments";
import { benchPix } from "./bench/pix";
import { benchUsage } from "./bench/usage";
import { memory } from "./bench/util";

const SENDERS = 64;
const EVENTS = Number(process.env.BENCH_EVENTS ?? 3000);
const DUPLICATE_SHARE = 0.3;
const SECRET = "whsec_bench_secret";

const admin = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const dbName = `vitrine_bench_${randomBytes(4).toString("hex")}`;
const dbUrl = Object.assign(new URL(admin), { pathname: `/${dbName}` }).toString();
const only = new Set(
  (process.env.BENCH_ONLY ?? "stripe,callbacks,credits,pix,invoices,usage,payments").split(",").map((s) => s.trim()),
);

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

function listen(server: Server): Promise<string> {
  return new Promise((r) =>
    server.listen(0, "127.0.0.1", () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

function pct(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function drive(url: string, payloads: string[], signer: Stripe, senders = SENDERS) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: senders }, async () => {
      for (;;) {
        const i = next++;
        if (i >= payloads.length) return;
        const payload = payloads[i]!;
        const sig = signer.webhooks.generateTestHeaderString({ payload, secret: SECRET });
        const t0 = performance.now();
        const res = await fetch(url, {
          method: "POST",
          body: payload,
          headers: { "content-type": "application/json", "stripe-signature": sig },
        });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`status ${res.status}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  latencies.sort((a, b) => a - b);
  // CPU of this process (senders + server) per delivery: steadier than req/s on a busy machine.
  return {
    perSecond: payloads.length / seconds,
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
    cpuMs: (cpu.user + cpu.system) / 1000 / payloads.length,
  };
}

/** The credits and PIX sections on an in-memory PGlite (the default embedded database). */
async function onPglite() {
  if (!only.has("credits") && !only.has("pix") && !only.has("invoices") && !only.has("usage")) return;
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
  process.env.STRIPE_CONNECT_WEBHOOK_SECRET = SECRET;
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
    if (only.has("stripe")) await benchStripe();
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

async function benchStripe() {
  const { getDatabase } = await import("../lib/db/client");
  const db = getDatabase();
  {
    // Events: unique ids, 30 % of sends repeat an earlier event.
    const unique = Math.round(EVENTS * (1 - DUPLICATE_SHARE));
    const make = (type: string, i: number) =>
      JSON.stringify({
        id: `evt_bench_${type}_${i}`,
        object: "event",
        api_version: "2026-10-28.endive",
        type,
        account: "acct_bench",
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        data: { object: { id: `pi_${i}`, object: "payment_intent", metadata: {} } },
      });
    const order = Array.from({ length: EVENTS }, (_, i) => (i < unique ? i : Math.floor(Math.random() * unique)));
    const signer = new Stripe("sk_test_bench");

    // Vitrine's route.
    const { stripeWebhookRoute } = await import("../lib/webhooks/stripe/route");
    const { NextRequest } = await import("next/server");
    const route = stripeWebhookRoute("connect");
    const app = createServer(async (req, res) => {
      const raw = await body(req);
      const out = await route(
        new NextRequest("http://localhost/api/webhooks/stripe/connect", {
          method: "POST",
          body: raw,
          headers: { "content-type": "application/json", "stripe-signature": String(req.headers["stripe-signature"]) },
        }),
      );
      res.writeHead(out.status, { "content-type": "application/json" }).end(await out.text());
    });
    // The bare baseline: same signature check, one insert.
    const pool = new pg.Pool({ connectionString: dbUrl, max: 10 });
    await pool.query(`CREATE TABLE bare_event (id text PRIMARY KEY, payload jsonb NOT NULL)`);
    const bare = createServer(async (req, res) => {
      const raw = await body(req);
      try {
        const event = signer.webhooks.constructEvent(raw, String(req.headers["stripe-signature"]), SECRET);
        await pool.query(`INSERT INTO bare_event (id, payload) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
          event.id,
          raw,
        ]);
        res.writeHead(200).end("{}");
      } catch {
        res.writeHead(400).end("{}");
      }
    });
    const [appUrl, bareUrl] = await Promise.all([listen(app), listen(bare)]);
    // Committed transactions in the bench database (each autocommit statement is one): a
    // load-independent count of round trips per delivery. Statistics are flushed about once a second.
    const commits = async () => {
      await new Promise((r) => setTimeout(r, 1500));
      const c = await pool.connect();
      try {
        await c.query("SELECT pg_stat_clear_snapshot()");
        return Number(
          (
            await c.query<{ n: string }>(
              "SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = current_database()",
            )
          ).rows[0]!.n,
        );
      } finally {
        c.release();
      }
    };
    const bareRun = await drive(
      bareUrl,
      order.map((i) => make("bare", i)),
      signer,
    );
    console.log(
      `\nStripe webhook ingestion on PostgreSQL — ${EVENTS} signed deliveries, ${SENDERS} concurrent senders, ${Math.round(DUPLICATE_SHARE * 100)} % duplicates`,
    );
    console.log(
      `  bare node:http (verify + 1 insert): ${bareRun.perSecond.toFixed(0)} req/s   p50 ${bareRun.p50.toFixed(1)} ms   p99 ${bareRun.p99.toFixed(1)} ms   CPU ${bareRun.cpuMs.toFixed(2)} ms/delivery`,
    );
    for (const [type, what] of [
      ["payment_intent.created", "no handler"],
      ["payment_intent.succeeded", "handler runs, order not ours"],
    ] as const) {
      const before = await commits();
      const appRun = await drive(
        `${appUrl}/api/webhooks/stripe/connect`,
        order.map((i) => make(type, i)),
        signer,
      );
      const perDelivery = ((await commits()) - before) / EVENTS;
      const stored = (
        await db.sql.query<{ n: string }>(
          `SELECT count(*)::text AS n FROM "StripeEvent" WHERE type = $1 AND status = 'PROCESSED'`,
          [type],
        )
      )[0]!.n;
      console.log(
        `  Vitrine route, ${type} (${what}): ${appRun.perSecond.toFixed(0)} req/s   p50 ${appRun.p50.toFixed(1)} ms   p99 ${appRun.p99.toFixed(1)} ms   ratio to bare ${(appRun.perSecond / bareRun.perSecond).toFixed(2)}   CPU ${appRun.cpuMs.toFixed(2)} ms/delivery   DB transactions per delivery ${perDelivery.toFixed(2)}   processed once: ${stored} of ${unique} unique`,
      );
      // One sender, new events only: the latency of a single delivery, mostly round trips.
      const solo = await drive(
        `${appUrl}/api/webhooks/stripe/connect`,
        Array.from({ length: 200 }, (_, i) => make(type, 1_000_000 + i)),
        signer,
        1,
      );
      console.log(
        `    one sender, 200 new events: ${solo.perSecond.toFixed(0)} req/s   p50 ${solo.p50.toFixed(1)} ms   p99 ${solo.p99.toFixed(1)} ms`,
      );
    }
    console.log(`  memory: ${memory()}`);
    await new Promise((r) => app.close(() => r(null)));
    await new Promise((r) => bare.close(() => r(null)));
    await pool.end();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
