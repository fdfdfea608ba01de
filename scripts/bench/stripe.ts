// Stripe webhook ingestion on PostgreSQL: signed deliveries through the real route (verify,
// ledger, claim, dispatch) at 64 concurrent senders with 30 % duplicates, next to a bare
// node:http server in the same run that does only the same signature check and one insert — the
// ratio is the figure. Run twice: an event type with no handler (payment_intent.created) and one
// whose handler runs (payment_intent.succeeded for an order that is not ours).
import { createServer } from "node:http";
import pg from "pg";
import Stripe from "stripe";
import { countRoundTrips, figure } from "./report";
import { body, listen, memory, pct } from "./util";

const SENDERS = 64;
const EVENTS = Number(process.env.BENCH_EVENTS ?? 3000);
const DUPLICATE_SHARE = 0.3;
export const BENCH_WEBHOOK_SECRET = "whsec_bench_secret";

async function drive(url: string, payloads: string[], signer: Stripe, senders = SENDERS) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: senders }, async () => {
      for (;;) {
        const i = next++;
        if (i >= payloads.length) return;
        const payload = payloads[i]!;
        const sig = signer.webhooks.generateTestHeaderString({ payload, secret: BENCH_WEBHOOK_SECRET });
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
  latencies.sort((a, b) => a - b);
  return {
    perSecond: payloads.length / seconds,
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
  };
}

export async function benchStripe(dbUrl: string) {
  const { getDatabase } = await import("../../lib/db/client");
  const db = getDatabase();
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
  // Unique ids, 30 % of sends repeat an earlier event.
  const order = Array.from({ length: EVENTS }, (_, i) => (i < unique ? i : Math.floor(Math.random() * unique)));
  const signer = new Stripe("sk_test_bench");

  const { stripeWebhookRoute } = await import("../../lib/webhooks/stripe/route");
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
      const event = signer.webhooks.constructEvent(raw, String(req.headers["stripe-signature"]), BENCH_WEBHOOK_SECRET);
      await pool.query(`INSERT INTO bare_event (id, payload) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [event.id, raw]);
      res.writeHead(200).end("{}");
    } catch {
      res.writeHead(400).end("{}");
    }
  });
  const [appUrl, bareUrl] = await Promise.all([listen(app), listen(bare)]);
  console.log(
    `\nStripe webhook ingestion on PostgreSQL — ${EVENTS} signed deliveries, ${SENDERS} concurrent senders, ${Math.round(DUPLICATE_SHARE * 100)} % duplicates`,
  );
  const bareRun = await countRoundTrips(EVENTS, () =>
    drive(
      bareUrl,
      order.map((i) => make("bare", i)),
      signer,
    ),
  );
  figure("stripe.bare.per_s", bareRun.out.perSecond, {
    extra: {
      p50_ms: bareRun.out.p50,
      p99_ms: bareRun.out.p99,
      cpu_ms_per_op: bareRun.cpuMsPerOp,
      tx_per_op: bareRun.txPerOp,
      stmts_per_op: bareRun.stmtsPerOp,
    },
  });
  for (const [type, name] of [
    ["payment_intent.created", "nohandler"],
    ["payment_intent.succeeded", "handler"],
  ] as const) {
    const run = await countRoundTrips(EVENTS, () =>
      drive(
        `${appUrl}/api/webhooks/stripe/connect`,
        order.map((i) => make(type, i)),
        signer,
      ),
    );
    // Each won claim adds one attempt: more attempts than events means a handler ran twice.
    const [stored] = await db.sql.query<{ n: string; attempts: string }>(
      `SELECT count(*)::text AS n, coalesce(sum(attempts), 0)::text AS attempts FROM "StripeEvent" WHERE type = $1 AND status = 'PROCESSED'`,
      [type],
    );
    figure(`stripe.${name}.per_s`, run.out.perSecond, {
      base: bareRun.out.perSecond,
      extra: {
        p50_ms: run.out.p50,
        p99_ms: run.out.p99,
        p99_ratio: (run.out.p99 / bareRun.out.p99).toFixed(2),
        cpu_ms_per_op: run.cpuMsPerOp,
        tx_per_op: run.txPerOp,
        stmts_per_op: run.stmtsPerOp,
        processed: Number(stored!.n),
        unique,
        duplicates_applied: Number(stored!.attempts) - Number(stored!.n),
      },
    });
    // One sender, new events only: the latency of a single delivery, mostly round trips.
    const solo = await countRoundTrips(200, () =>
      drive(
        `${appUrl}/api/webhooks/stripe/connect`,
        Array.from({ length: 200 }, (_, i) => make(type, 1_000_000 + i)),
        signer,
        1,
      ),
    );
    figure(`stripe.${name}.solo_p50_ms`, solo.out.p50, {
      extra: {
        per_s: solo.out.perSecond,
        p99_ms: solo.out.p99,
        cpu_ms_per_op: solo.cpuMsPerOp,
        tx_per_op: solo.txPerOp,
        stmts_per_op: solo.stmtsPerOp,
      },
    });
  }
  console.log(`  memory: ${memory()}`);
  await new Promise((r) => app.close(() => r(null)));
  await new Promise((r) => bare.close(() => r(null)));
  await pool.end();
}
