// drill pix-replay: DRILL_PIX (400) PIX charges across 10 stores (PushinPay on the simulator).
// The simulator pays each one and the drill keeps the exact webhook it sent; then every paid
// webhook, a stale copy carrying the gateway's earlier "pending" status, and 30 % repeats are
// posted shuffled (so a stale status often lands after the paid one) over two instances, 32 at a
// time. Each instance re-reads the charge at the simulator before moving it.
// → each charge paid once (one pix_charge.paid audit entry), one payment.succeeded callback per
// endpoint, every webhook logged, the audit chain verified.
import { checkAudit, checkCallbacks } from "./checks";
import {
  drillEnv,
  ensureBuild,
  PORTS,
  report,
  runConcurrent,
  shuffle,
  startInstance,
  startReceiver,
  throwawayDatabase,
  waitFor,
} from "./harness";

const CHARGES = Number(process.env.DRILL_PIX ?? 400);
const STORES = 10;
// PushinPay, whose status re-read the gateway limits to one per transaction per minute; the other
// simulated gateways need the buyer's data on every charge.
const GATEWAYS = [{ id: "pushinpay", pending: "created" }] as const;

type Hook = { url: string; body: string; contentType: string };

/** The same webhook with the gateway's pending status word: an older status arriving late. */
function stale(hook: Hook, pending: string): Hook {
  if (hook.contentType.includes("json")) {
    const body = JSON.parse(hook.body) as Record<string, unknown>;
    return { ...hook, body: JSON.stringify({ ...body, status: pending }) };
  }
  const form = new URLSearchParams(hook.body);
  form.set("status", pending);
  return { ...hook, body: form.toString() };
}

export async function pixReplayDrill() {
  const dist = ensureBuild();
  await throwawayDatabase("pix_replay");
  const env = await drillEnv();
  const { startPixSimulator, SIMULATOR_CREDENTIALS } = await import("../../sandbox/pix/index");
  const sim = await startPixSimulator({ port: PORTS.pix, host: "127.0.0.1", log: () => {} });
  const receiver = await startReceiver();
  const instances = [await startInstance(env, dist, 0), await startInstance(env, dist, 1)];
  const { prisma } = await import("../../lib/db/client");
  const { createGatewayConfig, updateGatewayConfig, verifyGatewayConfig } = await import(
    "../../lib/pix/service/configs"
  );
  const { createPixCharge } = await import("../../lib/pix/service/charges");
  const { createEndpoint } = await import("../../lib/callbacks/endpoints");
  const stores: Array<{ id: string; gateway: (typeof GATEWAYS)[number]; token: string; endpoints: number }> = [];
  for (let i = 0; i < STORES; i++) {
    const owner = await prisma.user.create({
      data: { email: `pix-${i}@drill.local`, name: "Drill", passwordHash: "x" },
    });
    const store = await prisma.store.create({ data: { ownerId: owner.id, name: `PIX ${i}`, slug: `pix-${i}` } });
    const audit = {
      ip: "127.0.0.1",
      userAgent: "drill",
      requestId: "req_drill",
      actor: { type: "user" as const, id: owner.id },
    };
    const gateway = GATEWAYS[i % GATEWAYS.length]!;
    const created = await createGatewayConfig(store.id, audit, {
      gateway: gateway.id,
      credentials: SIMULATOR_CREDENTIALS[gateway.id],
    });
    // A configuration takes charges only once the gateway accepted its credentials (retried: a
    // loaded machine can time the simulator's answer out).
    for (let attempt = 1; ; attempt++) {
      const check = await verifyGatewayConfig(store.id, audit, created.id);
      if (check.ok) break;
      if (attempt === 3) throw new Error(`gateway check failed: ${JSON.stringify(check)}`);
    }
    const config = await updateGatewayConfig(store.id, audit, created.id, { active: true });
    const endpoints = i % 3 === 0 ? 2 : 1;
    for (let e = 0; e < endpoints; e++)
      await createEndpoint({ id: store.id, storeDomain: null }, { url: `${receiver.url}/p${i}e${e}/` }, audit);
    stores.push({ id: store.id, gateway, token: config.webhookUrl!.split("/").at(-1)!, endpoints });
  }
  // Create and pay; the simulator posts nowhere (no route there), the drill keeps what it sent.
  const hooks: Hook[] = [];
  const chargeIds: string[] = [];
  await runConcurrent(CHARGES, 6, async (i) => {
    const s = stores[i % STORES]!;
    const audit = {
      ip: "127.0.0.1",
      userAgent: "drill",
      requestId: "req_drill",
      actor: { type: "system" as const, id: "drill" },
    };
    const view = await createPixCharge(s.id, audit, {
      amountCentavos: 1000 + i,
      description: `Drill ${i}`,
      orderId: `pix-${i}`,
    });
    const row = await prisma.pixCharge.findUniqueOrThrow({ where: { id: view.id } });
    sim.charge(s.gateway.id, row.transactionId!)!.webhookUrl = `http://127.0.0.1:9/nowhere`;
    const { delivery } = await sim.markPaid(s.gateway.id, row.transactionId!);
    if (!delivery) throw new Error("the simulator sent no webhook");
    const hook = {
      url: `/api/webhooks/pix/${s.gateway.id}/${s.token}`,
      body: delivery.body,
      contentType: delivery.contentType,
    };
    hooks.push(hook, stale(hook, s.gateway.pending));
    chargeIds.push(view.id);
  });
  const total = Math.round(hooks.length / 0.7);
  const burst = shuffle([
    ...hooks,
    ...Array.from({ length: total - hooks.length }, () => hooks[Math.floor(Math.random() * hooks.length)]!),
  ]);
  const readsBefore = sim.statusReads("pushinpay").length;
  const started = performance.now();
  const statuses = new Map<string, number>();
  let turn = 0;
  await runConcurrent(burst.length, 32, async (i) => {
    const hook = burst[i]!;
    for (let attempt = 0; attempt < 5; attempt++) {
      const res = await fetch(`${instances[turn++ % 2]!.url}${hook.url}`, {
        method: "POST",
        body: hook.body,
        headers: { "content-type": hook.contentType },
      }).catch(() => null);
      const key = res ? String(res.status) : "refused";
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      const answered = res
        ? await res.arrayBuffer().then(
            () => res,
            () => null,
          )
        : null;
      if (answered && answered.status < 500 && answered.status !== 429) return;
      await new Promise((r) => setTimeout(r, 300 * (attempt + 1)));
    }
  });
  const failures: string[] = [];
  const countPaid = () => prisma.pixCharge.count({ where: { id: { in: chargeIds }, status: "paid" } });
  // A charge whose webhook re-read was deferred (its read window) or failed gets nextCheckAt, and the
  // reconciler (every minute, on both instances) reads it again: wait for that, bounded. A blocked
  // gateway account answers nothing more, so there is nothing to wait for.
  if (!sim.isBlocked("pushinpay"))
    await waitFor("every charge paid", async () => (await countPaid()) === CHARGES, 150_000).catch(() => {});
  // The gateway's own log of status reads during the burst: PushinPay answers one read per charge a
  // minute; each read inside that minute is a strike, and three block the account (sandbox/pix).
  const allReads = sim.statusReads("pushinpay");
  const reads = allReads.slice(readsBefore);
  const refused = reads.filter((r) => r.outcome === "rate_limited");
  const gaps = refused.map((r) => {
    const prev = allReads.filter((p) => p.id === r.id && p.outcome === "ok" && p.at <= r.at).pop();
    return prev ? (r.at.getTime() - prev.at.getTime()) / 1000 : Number.NaN;
  });
  const readsOk = reads.filter((r) => r.outcome === "ok").length;
  const blocked = sim.isBlocked("pushinpay");
  if (refused.length)
    failures.push(
      `the gateway refused ${refused.length} status reads as inside a charge's one-minute window (${gaps.map((g) => `${g.toFixed(1)} s`).join(", ")} after the accepted read)${blocked ? " and blocked the account" : ""}`,
    );
  const paid = await countPaid();
  const audits = await prisma.auditLog.groupBy({
    by: ["targetId"],
    where: { action: "pix_charge.paid", targetId: { in: chargeIds } },
    _count: { _all: true },
  });
  const once = audits.filter((a) => a._count._all === 1).length;
  const doubled = audits.filter((a) => a._count._all > 1).length;
  const logged = await prisma.pixWebhookEvent.count();
  if (paid !== CHARGES) failures.push(`charges paid ${paid}/${CHARGES}`);
  if (once !== CHARGES)
    failures.push(`pix_charge.paid audited once for ${once}/${CHARGES}, more than once for ${doubled}`);
  const callbacks = await checkCallbacks(receiver, failures, 180_000);
  const pairs = Array.from({ length: CHARGES }, (_, i) => stores[i % STORES]!.endpoints).reduce((a, b) => a + b, 0);
  if (callbacks.paymentCallbacks !== pairs)
    failures.push(`payment.succeeded callbacks for ${callbacks.paymentCallbacks}/${pairs} (charge, endpoint) pairs`);
  await checkAudit(failures);
  await sim.close();
  await report(
    "pix-replay",
    started,
    `${burst.length} PIX webhooks (${CHARGES} paid, ${CHARGES} stale "pending" copies, ${burst.length - hooks.length} repeats, shuffled) for ${CHARGES} charges in ${STORES} stores over 2 instances in {s} — ` +
      `paid ${paid}/${CHARGES}, paid once ${once} (${doubled} doubled), webhooks logged ${logged}, callbacks ${callbacks.once}/${callbacks.total} delivered once ` +
      `(${callbacks.twice} twice, ${callbacks.missing} missing), gateway status reads ${readsOk} answered, ${refused.length} refused${blocked ? ", account blocked" : ""} [${[...statuses].map(([k, v]) => `${k}:${v}`).join(" ")}]`,
    failures,
  );
}
