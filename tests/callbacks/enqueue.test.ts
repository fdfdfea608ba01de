// The outbox writer the Stripe and PIX handlers call inside their transactions.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { audit, newSeller, orderEvent, sampleOrder } from "./support";
import { enqueueStoreEvent, kickDeliveries, storeEventId } from "@/lib/callbacks/enqueue";
import type { StoreEventType } from "@/lib/callbacks/event-types";
import { createEndpoint, updateEndpoint } from "@/lib/callbacks/endpoints";

process.env.CALLBACK_ALLOWED_HOSTS = "127.0.0.1,localhost";

/** An event of that type about order ord_1 (R$ 49,90) of the store. */
const about = (storeId: string, type: StoreEventType = "payment.succeeded") =>
  orderEvent(type, sampleOrder(storeId, "ord_1"));

describe("enqueueStoreEvent", () => {
  const { db } = useTestDatabase();
  let seller: Awaited<ReturnType<typeof newSeller>>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    seller = await newSeller("outbox");
    const a = audit(seller.user.id);
    ids.all = (await createEndpoint(seller.store, { url: "http://127.0.0.1:9/all" }, a)).endpoint.id;
    ids.refunds = (
      await createEndpoint(seller.store, { url: "http://127.0.0.1:9/refunds", eventTypes: ["payment.refunded"] }, a)
    ).endpoint.id;
    ids.off = (await createEndpoint(seller.store, { url: "http://127.0.0.1:9/off" }, a)).endpoint.id;
    await updateEndpoint(seller.store.id, ids.off, { enabled: false }, a);
  });

  it("writes one row per enabled endpoint whose filter accepts the type, with the event body", async () => {
    const result = await db().prisma.$transaction((tx) =>
      enqueueStoreEvent(tx, {
        storeId: seller.store.id,
        ...about(seller.store.id),
        sourceKey: "evt_stripe_A",
        livemode: true,
      }),
    );
    expect(result).toEqual({ eventId: storeEventId("evt_stripe_A", "payment.succeeded"), deliveries: 1 });
    const rows = await db().prisma.callbackDelivery.findMany({ where: { eventId: result.eventId } });
    expect(rows.map((r) => r.endpointId)).toEqual([ids.all]);
    expect(rows[0]).toMatchObject({
      status: "PENDING",
      attempts: 0,
      eventType: "payment.succeeded",
      storeId: seller.store.id,
    });
    const payload = rows[0]!.payload as Record<string, unknown>;
    expect(payload).toMatchObject({
      id: result.eventId,
      type: "payment.succeeded",
      livemode: true,
      data: { orderId: "ord_1", amount: 4990, currency: "BRL" },
    });
    expect(Math.abs((payload.created as number) - Date.now() / 1000)).toBeLessThan(60);
  });

  it("never enqueues the same (sourceKey, type) twice, even from concurrent transactions", async () => {
    const run = () =>
      db().prisma.$transaction((tx) =>
        enqueueStoreEvent(tx, {
          storeId: seller.store.id,
          ...about(seller.store.id, "payment.refunded"),
          sourceKey: "evt_stripe_B",
        }),
      );
    const results = await Promise.all([run(), run()]);
    const again = await run();
    expect(new Set([...results, again].map((r) => r.eventId)).size).toBe(1);
    const rows = await db().prisma.callbackDelivery.findMany({
      where: { eventId: again.eventId },
      orderBy: { endpointId: "asc" },
    });
    expect(rows.map((r) => r.endpointId).sort()).toEqual([ids.all, ids.refunds].sort());
    expect(results.reduce((n, r) => n + r.deliveries, 0) + again.deliveries).toBe(2);
  });

  it("rolls back with the caller's transaction", async () => {
    await expect(
      db().prisma.$transaction(async (tx) => {
        await enqueueStoreEvent(tx, {
          storeId: seller.store.id,
          ...about(seller.store.id, "payment.failed"),
          sourceKey: "evt_rolled_back",
        });
        throw new Error("order update failed");
      }),
    ).rejects.toThrow("order update failed");
    expect(
      await db().prisma.callbackDelivery.count({
        where: { eventId: storeEventId("evt_rolled_back", "payment.failed") },
      }),
    ).toBe(0);
  });

  it("writes nothing for a store without endpoints and refuses data of another store", async () => {
    const other = await newSeller("no-endpoints");
    const r = await db().prisma.$transaction((tx) =>
      enqueueStoreEvent(tx, {
        storeId: other.store.id,
        ...about(other.store.id),
        sourceKey: "pix:chg_1:paid",
      }),
    );
    expect(r.deliveries).toBe(0);
    await expect(
      db().prisma.$transaction((tx) =>
        enqueueStoreEvent(tx, {
          storeId: other.store.id,
          ...about(seller.store.id),
          sourceKey: "x",
        }),
      ),
    ).rejects.toThrow(/storeId/);
  });

  it("kickDeliveries is a harmless no-op without a job runner", async () => {
    await expect(kickDeliveries()).resolves.toBeUndefined();
  });
});
