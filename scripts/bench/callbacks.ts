// Bench section 2: store callback delivery to local receivers on PostgreSQL, through the pump the
// job runs (lib/callbacks/pump.ts). Three figures:
//  - backlog: N rows already in the outbox, how fast one pump (one app instance) empties them, to one
//    endpoint (held to the per-endpoint cap) and spread over 16 stores;
//  - live: 8 producers committing payments' callbacks and kicking, two pumps (two instances) —
//    deliveries/s and the delay from commit to the first attempt at the receiver (p50/p99).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "../../lib/db/client";
import { memory } from "./util";

const EVENTS = Number(process.env.BENCH_CALLBACKS ?? 2000);
const PRODUCERS = 8;

type Receiver = { url: string; arrivals: Map<string, number>; close: () => Promise<void> };

async function receiver(): Promise<Receiver> {
  const arrivals = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const id = String(req.headers["webhook-id"]);
    if (!arrivals.has(id)) arrivals.set(id, Date.now());
    req.resume();
    req.on("end", () => res.writeHead(200).end("ok"));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/payments/events/`,
    arrivals,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function pct(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN;
}

export async function benchCallbacks(db: Database) {
  const { createEndpoint } = await import("../../lib/callbacks/endpoints");
  const { enqueueStoreEvent, kickDeliveries } = await import("../../lib/callbacks/enqueue");
  const { paymentSucceeded } = await import("../../lib/callbacks/contract");
  const { DeliveryPump, armDeliveryPump, deliveryPump } = await import("../../lib/callbacks/pump");
  const { callbackEnv } = await import("../../lib/callbacks/config");
  const { closeCallbackAgents } = await import("../../lib/callbacks/agents");
  const tag = Math.random().toString(36).slice(2, 8);
  const cap = callbackEnv().CALLBACK_MAX_IN_FLIGHT_PER_ENDPOINT;

  async function stores(n: number, name: string) {
    const rec = await receiver();
    const owner = await db.prisma.user.create({
      data: { email: `bench-cb-${name}-${tag}@example.com`, name: "Bench", passwordHash: "x" },
    });
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const store = await db.prisma.store.create({
        data: { ownerId: owner.id, name: `Bench ${i}`, slug: `bench-cb-${name}-${tag}-${i}` },
      });
      await createEndpoint(
        { id: store.id, storeDomain: null },
        { url: rec.url },
        { actor: { type: "system", id: "bench" } },
      );
      ids.push(store.id);
    }
    return { rec, ids };
  }

  const enqueue = (storeId: string, key: string) =>
    db.prisma.$transaction((tx) =>
      enqueueStoreEvent(tx, {
        storeId,
        sourceKey: key,
        ...paymentSucceeded({
          order: {
            id: key,
            externalOrderId: null,
            storeId,
            amountTotal: 1000,
            currency: "BRL",
            channel: "CHECKOUT",
            paymentIntentId: null,
            checkoutSessionId: null,
            subscriptionId: null,
            customerEmail: null,
            failureCode: null,
            failureMessage: null,
          },
        }),
      }),
    );

  async function backlog(storeCount: number, capOverride?: number) {
    const { rec, ids } = await stores(storeCount, `backlog${storeCount}${capOverride ?? ""}`);
    let next = 0;
    await Promise.all(
      Array.from({ length: PRODUCERS }, async () => {
        for (let i = next++; i < EVENTS; i = next++)
          await enqueue(ids[i % ids.length]!, `bl${storeCount}${capOverride ?? ""}:${tag}:${i}`);
      }),
    );
    if (capOverride) process.env.CALLBACK_MAX_IN_FLIGHT_PER_ENDPOINT = String(capOverride);
    const started = performance.now();
    const cpu0 = process.cpuUsage();
    await new DeliveryPump().drain();
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    delete process.env.CALLBACK_MAX_IN_FLIGHT_PER_ENDPOINT;
    console.log(
      `  backlog of ${EVENTS}, one pump, ${storeCount} endpoint(s), cap ${capOverride ?? cap}: ${(rec.arrivals.size / seconds).toFixed(0)} deliveries/s   CPU ${((cpu.user + cpu.system) / 1000 / EVENTS).toFixed(2)} ms/delivery (pump + receiver)   delivered ${rec.arrivals.size}`,
    );
    await rec.close();
  }

  async function live(storeCount: number) {
    const { rec, ids } = await stores(storeCount, `live${storeCount}`);
    // Two instances: this process's pump (woken by kickDeliveries) and a second one polling.
    armDeliveryPump();
    const second = new DeliveryPump();
    const committed = new Map<string, number>();
    const started = performance.now();
    let next = 0;
    let producing = true;
    const secondLoop = (async () => {
      while (producing || rec.arrivals.size < EVENTS) {
        await second.drain();
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await Promise.all(
      Array.from({ length: PRODUCERS }, async () => {
        for (let i = next++; i < EVENTS; i = next++) {
          const { eventId } = await enqueue(ids[i % ids.length]!, `live${storeCount}:${tag}:${i}`);
          committed.set(eventId, Date.now());
          await kickDeliveries();
        }
      }),
    );
    producing = false;
    await secondLoop;
    await deliveryPump().drain();
    const seconds = (performance.now() - started) / 1000;
    const delays = [...rec.arrivals].map(([id, at]) => at - (committed.get(id) ?? at)).sort((a, b) => a - b);
    console.log(
      `  live, ${PRODUCERS} producers + kicks, two pumps, ${storeCount} endpoint(s): ${(EVENTS / seconds).toFixed(0)} deliveries/s (production-bound)   payment → first attempt p50 ${pct(delays, 50)} ms   p99 ${pct(delays, 99)} ms   delivered ${rec.arrivals.size}`,
    );
    await rec.close();
  }

  console.log(
    `\nStore callback delivery on PostgreSQL — ${EVENTS} events to local receivers, at most ${cap} in flight per endpoint`,
  );
  await backlog(1);
  await backlog(1, 32);
  await backlog(16);
  await live(16);
  closeCallbackAgents();
  console.log(`  memory: ${memory()}`);
}
