// One payment's timeline: what happened, in order, and every callback the store was sent about it.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { at, cardPayment, historyStore, pixPayment } from "./support";
import { prisma } from "@/lib/db/client";
import { getPayment } from "@/lib/payments/detail";

useTestDatabase();

const later = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

async function endpoint(storeId: string) {
  return prisma.callbackEndpoint.create({
    data: { storeId, url: "https://loja.example/callbacks", secretEnc: "enc", secretPrefix: "whsec_x" },
  });
}

describe("payment timeline", () => {
  it("tells a card payment's story: created, paid, refund, dispute, callbacks with their outcome", async () => {
    const s = await historyStore("tl-card");
    const created = at("2026-07-01");
    const order = await cardPayment(s, { at: created, email: "ana@example.com" });
    await prisma.order.update({
      where: { id: order.id },
      data: { paidAt: later(created, 1), status: "PARTIALLY_REFUNDED" },
    });
    await prisma.orderRefund.create({
      data: {
        storeId: s.store.id,
        orderId: order.id,
        amount: 6495,
        currency: "BRL",
        status: "succeeded",
        idempotencyKey: "k1",
        requestHash: "h",
        createdAt: later(created, 10),
      },
    });
    await prisma.paymentAdjustment.create({
      data: {
        storeId: s.store.id,
        orderId: order.id,
        kind: "dispute",
        stripeId: "dp_1",
        amount: 6495,
        currency: "BRL",
        status: "needs_response",
        reason: "fraudulent",
        createdAt: later(created, 20),
      },
    });
    const ep = await endpoint(s.store.id);
    for (const [i, [type, status, code]] of (
      [
        ["payment.succeeded", "SUCCEEDED", 200],
        ["payment.refunded", "FAILED", 500],
      ] as const
    ).entries())
      await prisma.callbackDelivery.create({
        data: {
          storeId: s.store.id,
          endpointId: ep.id,
          eventId: `evt_${i}`,
          eventType: type,
          payload: { data: { vitrineOrderId: order.id } },
          status: status,
          attempts: i + 1,
          lastStatusCode: code,
          createdAt: later(created, 2 + i * 10),
          deliveredAt: status === "SUCCEEDED" ? later(created, 2) : null,
        },
      });
    // A callback about another order of the store is not on this timeline.
    await prisma.callbackDelivery.create({
      data: {
        storeId: s.store.id,
        endpointId: ep.id,
        eventId: "evt_other",
        eventType: "payment.succeeded",
        payload: { data: { vitrineOrderId: "someone-else" } },
      },
    });

    const p = await getPayment(s.store.id, order.id);
    expect(p).toMatchObject({
      method: "card",
      status: "partially_refunded",
      amountRefunded: 6495,
      receiptPath: `/receipt/${order.id}`,
    });
    expect(p.timeline.map((e) => (e.kind === "callback" ? `callback:${e.eventType}:${e.status}` : e.kind))).toEqual([
      "created",
      "paid",
      "callback:payment.succeeded:SUCCEEDED",
      "refund",
      "callback:payment.refunded:FAILED",
      "dispute",
    ]);
    expect(p.timeline.find((e) => e.kind === "refund")).toMatchObject({ amount: 6495, status: "succeeded" });
  });

  it("tells a PIX charge's story: payment, refund, MED dispute, its callbacks and its invoice", async () => {
    const s = await historyStore("tl-pix");
    const created = at("2026-07-02");
    const charge = await pixPayment(s, { at: created, amount: 5000, refunded: 1000 });
    await prisma.pixCharge.update({ where: { id: charge.id }, data: { paidAt: later(created, 3) } });
    await prisma.pixRefund.create({
      data: {
        storeId: s.store.id,
        chargeId: charge.id,
        refundId: "rf_1",
        amountCentavos: 1000,
        status: "refunded",
        createdAt: later(created, 30),
      },
    });
    await prisma.pixDispute.create({
      data: {
        storeId: s.store.id,
        chargeId: charge.id,
        status: "opened",
        amountCentavos: 4000,
        reason: "MED_FRAUDE",
        openedAt: later(created, 60),
      },
    });
    const ep = await endpoint(s.store.id);
    await prisma.callbackDelivery.create({
      data: {
        storeId: s.store.id,
        endpointId: ep.id,
        eventId: "evt_pix",
        eventType: "payment.succeeded",
        payload: { data: { pixChargeId: charge.id } },
        status: "SUCCEEDED",
        attempts: 1,
        lastStatusCode: 204,
        createdAt: later(created, 4),
        deliveredAt: later(created, 4),
      },
    });
    const invoice = await prisma.invoice.create({
      data: {
        issuer: "STORE",
        storeId: s.store.id,
        series: `store:${s.store.id}`,
        sourceType: "pix_charge",
        sourceId: charge.id,
        currency: "BRL",
        subtotal: 5000,
        total: 5000,
        amountDue: 0,
        issuerDetails: {},
        customerDetails: {},
      },
    });

    const p = await getPayment(s.store.id, charge.id);
    expect(p).toMatchObject({
      method: "pix",
      status: "partially_refunded",
      amountRefunded: 1000,
      buyerEmail: "maria@example.com",
      invoiceId: invoice.id,
      receiptPath: `/pay/pix/${charge.id}`,
    });
    expect(p.timeline.map((e) => e.kind)).toEqual(["created", "paid", "callback", "refund", "dispute"]);
    expect(p.timeline.at(-1)).toMatchObject({ kind: "dispute", amount: 4000, status: "opened", reason: "MED_FRAUDE" });
  });
});
