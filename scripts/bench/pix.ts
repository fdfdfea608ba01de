// PIX webhook ingestion: the simulator pays N charges spread over 50 stores (each with its own
// gateway config and webhook token) and we keep the exact webhook bodies it sends; those bodies
// (plus 30 % repeats) are then posted at 32 concurrent senders through the real route
// app/api/webhooks/pix/[gateway]/[token], which re-reads each charge's status at the simulator
// before moving it. Prints deliveries/s, p50/p95, round trips per delivery and memory; checks each
// charge is paid once.
import { randomBytes } from "node:crypto";
import { countRoundTrips, figure, printPlannedQueries } from "./report";
import { body, close, createServer, listen, memory, ms, runConcurrent } from "./util";

const CHARGES = Number(process.env.BENCH_PIX ?? 600);
const STORES = Number(process.env.BENCH_PIX_STORES ?? 50);
const SENDERS = 32;
const DUPLICATE_SHARE = 0.3;
const GATEWAY = "pushinpay" as const;

type PixRoute = (
  req: import("next/server").NextRequest,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;

export async function benchPix(dbLabel: string) {
  const { startPixSimulator, SIMULATOR_CREDENTIALS } = await import("../../sandbox/pix/index");
  const { prisma } = await import("../../lib/db/client");
  const { createGatewayConfig, updateGatewayConfig, verifyGatewayConfig } = await import(
    "../../lib/pix/service/configs"
  );
  const { createPixCharge } = await import("../../lib/pix/service/charges");
  const { POST } = (await import("../../app/api/webhooks/pix/[gateway]/[token]/route")) as unknown as {
    POST: PixRoute;
  };
  const { NextRequest } = await import("next/server");

  const sim = await startPixSimulator({ port: 0, log: () => {} });
  process.env.PIX_SIMULATOR_URL = sim.url;
  const sink = createServer(async (req, res) => {
    await body(req);
    res.writeHead(200).end("ok");
  });
  const sinkUrl = await listen(sink);
  const tag = randomBytes(3).toString("hex");
  const stores = await runConcurrentCollect(STORES, 4, async (n) => {
    const owner = await prisma.user.create({
      data: { email: `bench-pix-${tag}-${n}@example.com`, name: "Bench", passwordHash: "x" },
    });
    const store = await prisma.store.create({
      data: { ownerId: owner.id, name: `Bench PIX ${n}`, slug: `bench-pix-${tag}-${n}` },
    });
    const audit = {
      ip: "203.0.113.9",
      userAgent: "bench",
      requestId: "req_bench",
      actor: { type: "user" as const, id: owner.id },
    };
    const created = await createGatewayConfig(store.id, audit, {
      gateway: GATEWAY,
      credentials: SIMULATOR_CREDENTIALS[GATEWAY],
    });
    // A configuration takes charges only once the gateway accepted its credentials.
    // (retried: on a loaded machine the simulator's answer can time out).
    for (let attempt = 1; ; attempt++) {
      const check = await verifyGatewayConfig(store.id, audit, created.id);
      if (check.ok) break;
      if (attempt === 3) throw new Error(`gateway check failed: ${JSON.stringify(check)}`);
    }
    const config = await updateGatewayConfig(store.id, audit, created.id, { active: true });
    return { store, audit, token: config.webhookUrl!.split("/").at(-1)! };
  });

  // Create and pay the charges (charge i in store i mod STORES); keep the webhook body the gateway sends for each.
  const sent: Array<{ body: string; contentType: string; token: string }> = [];
  const setup = await runConcurrent(CHARGES, 8, async (i) => {
    const { store, audit, token } = stores[i % STORES]!;
    const view = await createPixCharge(store.id, audit, {
      amountCentavos: 1000 + i,
      description: `Bench ${i}`,
      orderId: `bench-${i}`,
    });
    const row = await prisma.pixCharge.findUniqueOrThrow({ where: { id: view.id } });
    sim.charge(GATEWAY, row.transactionId!)!.webhookUrl = `${sinkUrl}/hook/${i}`;
    const { delivery } = await sim.markPaid(GATEWAY, row.transactionId!);
    if (!delivery) throw new Error("the simulator sent no webhook");
    sent[i] = { body: delivery.body, contentType: delivery.contentType, token };
  });

  const front = createServer(async (req, res) => {
    const raw = await body(req);
    const token = req.url!.split("/").at(-1)!;
    const out = await POST(
      new NextRequest(`http://localhost/api/webhooks/pix/${GATEWAY}/${token}`, {
        method: "POST",
        body: raw,
        headers: { "content-type": String(req.headers["content-type"]), "x-forwarded-for": "198.51.100.7" },
      }),
      { params: Promise.resolve({ gateway: GATEWAY, token }) },
    );
    res.writeHead(out.status, { "content-type": "application/json" }).end(await out.text());
  });
  // Senders reuse connections; an idle socket closed by the server as a sender picks it up resets it.
  front.keepAliveTimeout = 120_000;
  const frontUrl = await listen(front);
  const total = Math.round(CHARGES / (1 - DUPLICATE_SHARE));
  const order = Array.from({ length: total }, (_, i) => (i < CHARGES ? i : Math.floor(Math.random() * CHARGES)));
  const outcomes = new Map<string, number>();
  // The senders share this process with the route: a worker thread for them was tried and cost
  // more CPU per delivery on 2 cores than it saved (docs/operations.md).
  const counted = await countRoundTrips(total, () =>
    runConcurrent(total, SENDERS, async (i) => {
      const hook = sent[order[i]!]!;
      const res = await fetch(`${frontUrl}/api/webhooks/pix/${GATEWAY}/${hook.token}`, {
        method: "POST",
        body: hook.body,
        headers: { "content-type": hook.contentType },
      });
      const json = (await res.json()) as { outcome?: string };
      if (res.status !== 200) throw new Error(`status ${res.status}: ${JSON.stringify(json)}`);
      outcomes.set(json.outcome ?? "?", (outcomes.get(json.outcome ?? "?") ?? 0) + 1);
    }),
  );
  const run = counted.out;
  printPlannedQueries();
  const storeIds = stores.map((s) => s.store.id);
  const paid = await prisma.pixCharge.count({ where: { storeId: { in: storeIds }, status: "paid" } });
  const logged = await prisma.pixWebhookEvent.count({ where: { storeId: { in: storeIds } } });
  console.log(
    `\nPIX webhook ingestion on ${dbLabel} — ${total} deliveries (${CHARGES} charges in ${STORES} stores, ${Math.round(DUPLICATE_SHARE * 100)} % repeats) through the real route, ${SENDERS} concurrent senders, ${GATEWAY} on the simulator answering the status re-read`,
  );
  console.log(
    `  ${run.perSecond.toFixed(0)} deliveries/s   p50 ${ms(run.p50)}   p95 ${ms(run.p95)}   p99 ${ms(run.p99)}   outcomes ${JSON.stringify(Object.fromEntries(outcomes))}`,
  );
  const dbKey = dbLabel.startsWith("PostgreSQL") ? "pg" : "pglite";
  figure(`pix.${dbKey}.stores${STORES}_w${SENDERS}.per_s`, run.perSecond, {
    extra: {
      p99_ms: run.p99,
      tx_per_op: counted.txPerOp,
      stmts_per_op: counted.stmtsPerOp,
      planned_per_op: counted.plannedPerOp,
      cpu_ms_per_op: counted.cpuMsPerOp,
      ...(counted.dbCpuMsPerOp !== null ? { db_cpu_ms_per_op: counted.dbCpuMsPerOp } : {}),
      paid: `${paid}/${CHARGES}`,
    },
  });
  console.log(
    `  charges paid ${paid} of ${CHARGES}   webhook events logged ${logged}   (setup: create + pay ${CHARGES} charges at ${setup.perSecond.toFixed(0)}/s)   memory: ${memory()}`,
  );
  await close(front);
  await close(sink);
  await sim.close();
  delete process.env.PIX_SIMULATOR_URL;
  await benchAuditAppends(dbLabel, dbKey, storeIds);
}

/**
 * The paid path's audit append alone, in the same run: per-store chains next to the former single
 * chain's platform-wide lock (the same append behind pg_advisory_xact_lock(7201001)), 32 writers
 * spread over the bench's stores.
 */
async function benchAuditAppends(dbLabel: string, dbKey: string, storeIds: string[]) {
  const { prisma } = await import("../../lib/db/client");
  const { appendAudit } = await import("../../lib/audit/log");
  const appends = Number(process.env.BENCH_AUDIT_APPENDS ?? 2000);
  const ctx = { actor: { type: "system" as const, id: "bench" } };
  const variant = (globalLock: boolean) =>
    runConcurrent(appends, SENDERS, async (i) => {
      await prisma.$transaction(async (tx) => {
        if (globalLock) await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(7201001)");
        await appendAudit(tx, ctx, {
          storeId: storeIds[i % storeIds.length]!,
          action: "bench.append",
          target: { type: "n", id: String(i) },
          after: { i },
        });
      });
    });
  const perChain = await variant(false);
  const oneLock = await variant(true);
  console.log(
    `  audit appends on ${dbLabel}, ${storeIds.length} stores, ${SENDERS} writers: per-store chains ${perChain.perSecond.toFixed(0)}/s (p99 ${ms(perChain.p99)})   one platform-wide lock ${oneLock.perSecond.toFixed(0)}/s (p99 ${ms(oneLock.p99)})`,
  );
  figure(`audit.${dbKey}.append_stores${storeIds.length}_w${SENDERS}.per_s`, perChain.perSecond, {
    base: oneLock.perSecond,
    extra: { p99_ms: perChain.p99, base_p99_ms: oneLock.p99 },
  });
}

async function runConcurrentCollect<T>(count: number, workers: number, job: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  await runConcurrent(count, workers, async (i) => {
    out[i] = await job(i);
  });
  return out;
}
