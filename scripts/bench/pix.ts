// PIX webhook ingestion: the simulator pays N charges and we keep the exact webhook bodies it
// sends; those bodies (plus 30 % repeats) are then posted at 32 concurrent senders through the
// real route app/api/webhooks/pix/[gateway]/[token], which re-reads each charge's status at the
// simulator before moving it. Prints deliveries/s, p50/p95 and memory; checks each charge is paid once.
import { randomBytes } from "node:crypto";
import { body, close, createServer, listen, memory, ms, runConcurrent } from "./util";

const CHARGES = Number(process.env.BENCH_PIX ?? 600);
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
  const { createGatewayConfig, updateGatewayConfig } = await import("../../lib/pix/service/configs");
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
  const owner = await prisma.user.create({
    data: { email: `bench-pix-${tag}@example.com`, name: "Bench", passwordHash: "x" },
  });
  const store = await prisma.store.create({ data: { ownerId: owner.id, name: "Bench PIX", slug: `bench-pix-${tag}` } });
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
  const config = await updateGatewayConfig(store.id, audit, created.id, { active: true });
  const token = config.webhookUrl!.split("/").at(-1)!;

  // Create and pay the charges; keep the webhook body the gateway sends for each.
  const sent: Array<{ body: string; contentType: string }> = [];
  const setup = await runConcurrent(CHARGES, 8, async (i) => {
    const view = await createPixCharge(store.id, audit, {
      amountCentavos: 1000 + i,
      description: `Bench ${i}`,
      orderId: `bench-${i}`,
    });
    const row = await prisma.pixCharge.findUniqueOrThrow({ where: { id: view.id } });
    sim.charge(GATEWAY, row.transactionId!)!.webhookUrl = `${sinkUrl}/hook/${i}`;
    const { delivery } = await sim.markPaid(GATEWAY, row.transactionId!);
    if (!delivery) throw new Error("the simulator sent no webhook");
    sent[i] = { body: delivery.body, contentType: delivery.contentType };
  });

  const front = createServer(async (req, res) => {
    const raw = await body(req);
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
  const frontUrl = await listen(front);
  const total = Math.round(CHARGES / (1 - DUPLICATE_SHARE));
  const order = Array.from({ length: total }, (_, i) => (i < CHARGES ? i : Math.floor(Math.random() * CHARGES)));
  const outcomes = new Map<string, number>();
  const run = await runConcurrent(total, SENDERS, async (i) => {
    const hook = sent[order[i]!]!;
    const res = await fetch(`${frontUrl}/api/webhooks/pix/${GATEWAY}/${token}`, {
      method: "POST",
      body: hook.body,
      headers: { "content-type": hook.contentType },
    });
    const json = (await res.json()) as { outcome?: string };
    if (res.status !== 200) throw new Error(`status ${res.status}: ${JSON.stringify(json)}`);
    outcomes.set(json.outcome ?? "?", (outcomes.get(json.outcome ?? "?") ?? 0) + 1);
  });
  const paid = await prisma.pixCharge.count({ where: { storeId: store.id, status: "paid" } });
  const logged = await prisma.pixWebhookEvent.count({ where: { storeId: store.id } });
  console.log(
    `\nPIX webhook ingestion on ${dbLabel} — ${total} deliveries (${CHARGES} charges, ${Math.round(DUPLICATE_SHARE * 100)} % repeats) through the real route, ${SENDERS} concurrent senders, ${GATEWAY} on the simulator answering the status re-read`,
  );
  console.log(
    `  ${run.perSecond.toFixed(0)} deliveries/s   p50 ${ms(run.p50)}   p95 ${ms(run.p95)}   p99 ${ms(run.p99)}   outcomes ${JSON.stringify(Object.fromEntries(outcomes))}`,
  );
  console.log(
    `  charges paid ${paid} of ${CHARGES}   webhook events logged ${logged}   (setup: create + pay ${CHARGES} charges at ${setup.perSecond.toFixed(0)}/s)   memory: ${memory()}`,
  );
  await close(front);
  await close(sink);
  await sim.close();
  delete process.env.PIX_SIMULATOR_URL;
}
