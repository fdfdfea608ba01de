// The per-endpoint cap on callbacks in flight (CALLBACK_MAX_IN_FLIGHT_PER_ENDPOINT), counted at the
// receivers: a store whose server takes 2 s per request never has more than the cap open at once,
// across two pumps (two app instances), and a fast store's callbacks are all delivered meanwhile.
// Also: a kick in a process that runs the job wakes its pump at once.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { audit, newSeller, orderEvent, sampleOrder } from "./support";
import { enqueueStoreEvent, kickDeliveries } from "@/lib/callbacks/enqueue";
import { createEndpoint } from "@/lib/callbacks/endpoints";
import { armDeliveryPump, DeliveryPump, deliveryPump } from "@/lib/callbacks/pump";
import { closeCallbackAgents } from "@/lib/callbacks/agents";

process.env.CALLBACK_ALLOWED_HOSTS = "127.0.0.1,localhost";

/** A receiver that answers after `delayMs` and records how many requests it held open at most. */
async function countingReceiver(delayMs: number) {
  const ids: string[] = [];
  let open = 0;
  let maxOpen = 0;
  const server: Server = createServer((req, res) => {
    open++;
    maxOpen = Math.max(maxOpen, open);
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      ids.push(String(req.headers["webhook-id"]));
      setTimeout(() => {
        open--;
        res.writeHead(200).end("ok");
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/payments/events/`,
    ids,
    get maxOpen() {
      return maxOpen;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("per-endpoint concurrency cap", () => {
  const { db } = useTestDatabase();
  const closers: (() => Promise<void>)[] = [];
  afterEach(() => {
    delete process.env.CALLBACK_MAX_IN_FLIGHT_PER_ENDPOINT;
  });
  afterAll(async () => {
    closeCallbackAgents();
    await Promise.all(closers.map((c) => c()));
  });

  async function storeWithEndpoint(tag: string, delayMs: number, events: number) {
    const receiver = await countingReceiver(delayMs);
    closers.push(receiver.close);
    const seller = await newSeller(tag);
    const { endpoint } = await createEndpoint(seller.store, { url: receiver.url }, audit(seller.user.id));
    await db().prisma.$transaction(
      async (tx) => {
        for (let i = 0; i < events; i++)
          await enqueueStoreEvent(tx, {
            storeId: seller.store.id,
            sourceKey: `${tag}_${i}`,
            ...orderEvent("payment.succeeded", sampleOrder(seller.store.id, `${tag}_${i}`)),
          });
      },
      { timeout: 60_000 },
    );
    const succeeded = () =>
      db().prisma.callbackDelivery.count({ where: { endpointId: endpoint.id, status: "SUCCEEDED" } });
    return { receiver, endpoint, succeeded };
  }

  it("delivers a fast store's 200 callbacks while a 2 s store never has more than the cap in flight", async () => {
    process.env.CALLBACK_MAX_IN_FLIGHT_PER_ENDPOINT = "4";
    const slow = await storeWithEndpoint("slow", 2_000, 200);
    const fast = await storeWithEndpoint("fast", 0, 200);
    const pumps = [new DeliveryPump(), new DeliveryPump()];
    const started = Date.now();
    for (const p of pumps) p.wake();
    try {
      await expect.poll(() => fast.succeeded(), { timeout: 60_000, interval: 100 }).toBe(200);
      const elapsedSeconds = (Date.now() - started) / 1000;
      expect(new Set(fast.receiver.ids).size).toBe(200);
      expect(fast.receiver.ids).toHaveLength(200);
      // The slow store is still being served, at the cap and never above it.
      expect(slow.receiver.maxOpen).toBe(4);
      expect(slow.receiver.ids.length).toBeLessThanOrEqual(4 * (Math.ceil(elapsedSeconds / 2) + 1));
      expect(await slow.succeeded()).toBeLessThan(200);
      const inFlight = await db().prisma.callbackDelivery.count({
        where: { endpointId: slow.endpoint.id, status: "DELIVERING" },
      });
      expect(inFlight).toBeLessThanOrEqual(4);
    } finally {
      await Promise.all(pumps.map((p) => p.stop()));
    }
    expect(slow.receiver.maxOpen).toBe(4);
    // Every slow POST that was made is recorded once; nothing was sent twice.
    expect(new Set(slow.receiver.ids).size).toBe(slow.receiver.ids.length);
    expect(await slow.succeeded()).toBe(slow.receiver.ids.length);
  }, 120_000);

  it("a kick after commit wakes the pump of a process that runs the job: the first attempt comes at once", async () => {
    const receiver = await countingReceiver(0);
    closers.push(receiver.close);
    const seller = await newSeller("kick");
    await createEndpoint(seller.store, { url: receiver.url }, audit(seller.user.id));
    armDeliveryPump();
    try {
      const { eventId } = await db().prisma.$transaction((tx) =>
        enqueueStoreEvent(tx, {
          storeId: seller.store.id,
          sourceKey: "kick_1",
          ...orderEvent("payment.succeeded", sampleOrder(seller.store.id, "kick_1")),
        }),
      );
      const kickedAt = Date.now();
      await kickDeliveries();
      await expect.poll(() => receiver.ids, { timeout: 5_000, interval: 10 }).toEqual([eventId]);
      // No job runner is started here: without the wake this would wait for the minute sweep.
      expect(Date.now() - kickedAt).toBeLessThan(1_000);
    } finally {
      await deliveryPump().stop();
    }
  });
});
