// The delivery log says which payment each delivery is about, and one delivery opens with the
// exact body the store received, its headers with the signatures described (never the secret),
// and every attempt with the store's answer; another store sees none of it.
import { afterAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { sessionCookie } from "../support/session";
import { callRoute } from "../pix/support";
import { audit, newSeller, startReceiver, stringHeaders } from "./support";
import { GET as listRoute } from "@/app/api/v1/callbacks/deliveries/route";
import { GET as detailRoute } from "@/app/api/v1/callbacks/deliveries/[id]/route";
import { createEndpoint } from "@/lib/callbacks/endpoints";
import { deliverDue } from "@/lib/callbacks/deliver";
import { enqueueStoreEvent } from "@/lib/callbacks/enqueue";
import { paymentSucceeded, type PixChargeFacts } from "@/lib/callbacks/contract";
import { deliverySubject } from "@/lib/callbacks/delivery-subject";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";

process.env.CALLBACK_ALLOWED_HOSTS = "127.0.0.1,localhost";

describe("delivery subject and payload viewer", () => {
  const { db } = useTestDatabase();
  const closers: Array<() => Promise<void>> = [];
  afterAll(async () => Promise.all(closers.map((c) => c())));

  it("lists each delivery with its order or PIX charge, and opens one with the body, headers and attempts", async () => {
    resetRateLimiters();
    const receiver = await startReceiver([
      { status: 500, body: "down for a deploy" },
      { status: 200, body: "ok, got it" },
    ]);
    closers.push(receiver.close);
    const seller = await newSeller("dd-a");
    const other = await newSeller("dd-b");
    const { secret } = await createEndpoint(seller.store, { url: receiver.url }, audit(seller.user.id));
    const order = {
      id: "cm_order_dd_1",
      externalOrderId: "PED-77",
      storeId: seller.store.id,
      amountTotal: 4990,
      currency: "BRL",
      channel: "CHECKOUT" as const,
      paymentIntentId: "pi_dd_1",
      checkoutSessionId: "cs_dd_1",
      subscriptionId: null,
      customerEmail: "maria@example.com",
      failureCode: null,
      failureMessage: null,
    };
    const pix: PixChargeFacts = {
      id: "cm_pix_dd_1",
      externalOrderId: null,
      storeId: seller.store.id,
      amountCentavos: 1990,
      gateway: "pushinpay",
      reference: "VTDD1",
      transactionId: null,
      endToEndId: null,
      paidAmountCentavos: 1990,
      refundedCentavos: 0,
      customer: null,
      paidAt: new Date("2026-12-01T12:00:00Z"),
      failureCode: null,
      failureMessage: null,
    };
    await db().prisma.$transaction(async (tx) => {
      await enqueueStoreEvent(tx, { storeId: seller.store.id, sourceKey: "dd:order", ...paymentSucceeded({ order }) });
      await enqueueStoreEvent(tx, {
        storeId: seller.store.id,
        sourceKey: "dd:pix",
        ...paymentSucceeded({ pixCharge: pix }),
      });
    });
    // First attempts get a 500; the retries (moved to now) a 200.
    await deliverDue();
    await db().prisma.callbackDelivery.updateMany({
      where: { storeId: seller.store.id },
      data: { nextAttemptAt: new Date(Date.now() - 1000) },
    });
    await deliverDue();

    const cookie = await sessionCookie(seller.user.id);
    const list = await callRoute(listRoute, { cookie, path: "/api/v1/callbacks/deliveries" });
    expect(list.status).toBe(200);
    const rows = list.json.data as Array<{ id: string; subject: unknown; payload?: unknown }>;
    expect(rows.map((r) => r.subject)).toEqual(
      expect.arrayContaining([
        { kind: "order", id: order.id, storeOrderId: "PED-77" },
        { kind: "pix_charge", id: pix.id, storeOrderId: null },
      ]),
    );
    expect(rows[0]).not.toHaveProperty("payload");

    const orderRow = rows.find((r) => (r.subject as { id: string }).id === order.id)!;
    const detail = await callRoute(detailRoute, { cookie, params: { id: orderRow.id } });
    expect(detail.status).toBe(200);
    // The body shown is byte for byte what the store received.
    const received = receiver.received.filter((r) => r.body.includes(order.id));
    expect(received).toHaveLength(2);
    expect(detail.json.body).toBe(received[1]!.body);
    const headers = Object.fromEntries(
      (detail.json.headers as Array<{ name: string; value: string }>).map((h) => [h.name, h.value]),
    );
    const sent = stringHeaders(received[1]!.headers);
    expect(headers["webhook-id"]).toBe(sent["webhook-id"]);
    expect(headers["content-type"]).toBe(sent["content-type"]);
    expect(Object.keys(headers).sort()).toEqual([
      "content-type",
      "user-agent",
      "webhook-id",
      "webhook-signature",
      "webhook-timestamp",
      "x-payments-signature",
    ]);
    expect(detail.text).not.toContain(secret);
    expect(detail.text).not.toContain(sent["webhook-signature"]!);
    expect(detail.json.subject).toEqual({ kind: "order", id: order.id, storeOrderId: "PED-77" });
    expect(detail.json).toMatchObject({ status: "SUCCEEDED", attempts: 2, lastStatusCode: 200 });
    expect(
      (detail.json.attemptLog as Array<{ attempt: number; statusCode: number; responseExcerpt: string }>).map((a) => [
        a.attempt,
        a.statusCode,
        a.responseExcerpt,
      ]),
    ).toEqual([
      [2, 200, "ok, got it"],
      [1, 500, "down for a deploy"],
    ]);

    // Another store: 404, as if it did not exist.
    const otherCookie = await sessionCookie(other.user.id);
    expect((await callRoute(detailRoute, { cookie: otherCookie, params: { id: orderRow.id } })).status).toBe(404);
    const anonymous = await callRoute(detailRoute, { params: { id: orderRow.id } });
    expect(anonymous.status).toBe(401);
  });

  it("reads the subject from any body: renewals and refunds name the order, the test event is a test", () => {
    expect(deliverySubject({ data: { orderId: null, test: true } })).toEqual({ kind: "test" });
    expect(deliverySubject({ data: { orderId: "cm_1", vitrineOrderId: "cm_1" } })).toEqual({
      kind: "order",
      id: "cm_1",
      storeOrderId: null,
    });
    expect(deliverySubject({ data: { orderId: "x", pixChargeId: "" } })).toBeNull();
    expect(deliverySubject(null)).toBeNull();
  });
});
