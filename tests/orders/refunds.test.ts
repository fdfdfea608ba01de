// Card refunds through POST /api/v1/orders/:id/refunds (store API key or the seller's session), on
// the emulator's connected account. The order, the payment.refunded callback and the audit trail
// follow from Stripe's webhooks; the route only asks.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { sessionCookie } from "../support/session";
import {
  applicationFeeOf,
  getRefunds,
  paidOrder,
  postRefund,
  useCardStore,
  waitFor,
  type StoreCallback,
} from "./support";
import type Stripe from "stripe";
import { prisma } from "@/lib/db/client";
import { getOrderDetail } from "@/lib/orders/detail";
import { ingestEvent } from "@/lib/webhooks/stripe/process";

const refundedCallbacks = (all: StoreCallback[], vitrineOrderId: string) =>
  all.filter((c) => c.type === "payment.refunded" && c.data.vitrineOrderId === vitrineOrderId).map((c) => c.data);

const orderStatus = (id: string, status: string) =>
  waitFor(async () => {
    const o = await prisma.order.findUniqueOrThrow({ where: { id } });
    return o.status === status && o;
  });

describe("card refunds from Vitrine", () => {
  useTestDatabase();
  const { stripe, store, callbacks } = useCardStore();

  it("refunds everything that remains when no amount is given, with the whole platform fee", async () => {
    const s = await store("full");
    const order = await paidOrder(stripe(), s, "PED-FULL");
    const res = await postRefund(s, order.id, {}, "full-1");
    expect(res.status).toBe(201);
    expect(res.json.refund).toMatchObject({ orderId: order.id, amount: 10000, currency: "BRL" });
    expect(res.json.refund.stripeRefundId).toMatch(/^re_/);
    expect(res.json.order).toMatchObject({ amountTotal: 10000, remaining: 0, refundable: false });

    await orderStatus(order.id, "REFUNDED");
    const sent = refundedCallbacks(await callbacks(s), order.id);
    expect(sent).toEqual([
      expect.objectContaining({
        orderId: "PED-FULL",
        status: "refunded",
        refundId: res.json.refund.stripeRefundId,
        refundAmount: 10000,
        amountRefunded: 10000,
      }),
    ]);
    const fee = await applicationFeeOf(stripe(), order.paymentIntentId!, s.accountId);
    expect(fee && fee.amount > 0 && fee.refunded).toBe(fee?.amount);
    // Who asked is audited with the request; what Stripe did, with the webhook.
    const audit = await prisma.auditLog.findMany({
      where: { targetId: order.id, action: { in: ["order.refund_requested", "order.refunded"] } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorType])).toEqual([
      ["order.refund_requested", "api_key"],
      ["order.refunded", "stripe"],
    ]);
  });

  it("two partial refunds: each is one callback with its own and the running amount, fee back in proportion", async () => {
    const s = await store("partial");
    const order = await paidOrder(stripe(), s, "PED-PART");
    const fee = (await applicationFeeOf(stripe(), order.paymentIntentId!, s.accountId))!;

    const first = await postRefund(s, order.id, { amount: 3000, reason: "requested_by_customer" }, "part-1");
    expect(first.status).toBe(201);
    expect(first.json.order).toMatchObject({ remaining: 7000 });
    await orderStatus(order.id, "PARTIALLY_REFUNDED");
    expect((await applicationFeeOf(stripe(), order.paymentIntentId!, s.accountId))!.refunded).toBe(
      Math.round((fee.amount * 3000) / 10000),
    );

    const second = await postRefund(s, order.id, { amount: 2500 }, "part-2");
    expect(second.status).toBe(201);
    expect(second.json.order).toMatchObject({ amountRefunded: 5500, remaining: 4500 });
    await waitFor(async () => (await prisma.paymentAdjustment.count({ where: { orderId: order.id } })) === 2);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PARTIALLY_REFUNDED");

    expect(refundedCallbacks(await callbacks(s), order.id)).toEqual([
      expect.objectContaining({ status: "partially_refunded", refundAmount: 3000, amountRefunded: 3000 }),
      expect.objectContaining({ status: "partially_refunded", refundAmount: 2500, amountRefunded: 5500 }),
    ]);
    const listed = await getRefunds(s, order.id);
    expect(listed.status).toBe(200);
    expect(listed.json).toMatchObject({ amountTotal: 10000, amountRefunded: 5500, amountPending: 0, remaining: 4500 });
    expect(listed.json.refunds.map((r: { amount: number; source: string }) => [r.amount, r.source])).toEqual([
      [3000, "vitrine"],
      [2500, "vitrine"],
    ]);
    // What the order page shows: the same totals, and the callbacks about this order only.
    const detail = await getOrderDetail(s.store.id, order.id);
    expect(detail.refunds).toMatchObject({ amountRefunded: 5500, remaining: 4500, refundable: true });
    expect(detail.callbacks.map((c) => c.eventType)).toEqual([
      "payment.succeeded",
      "payment.refunded",
      "payment.refunded",
    ]);
    expect(detail.callbacks.every((c) => c.status === "SUCCEEDED")).toBe(true);
    const stranger = await store("partial-stranger");
    await expect(getOrderDetail(stranger.store.id, order.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses more than remains (counting a refund made in Stripe's Dashboard) with nothing written", async () => {
    const s = await store("over");
    const order = await paidOrder(stripe(), s, "PED-OVER");
    const tooMuch = await postRefund(s, order.id, { amount: 10001 }, "over-1");
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.json.error).toMatchObject({
      code: "refund_exceeds_remaining",
      param: "amount",
      details: { remaining: 10000, currency: "BRL" },
    });

    // A refund made outside Vitrine still counts once its webhook is in.
    await stripe().stripe.refunds.create(
      { payment_intent: order.paymentIntentId!, amount: 6000 },
      { stripeAccount: s.accountId },
    );
    await orderStatus(order.id, "PARTIALLY_REFUNDED");
    const over = await postRefund(s, order.id, { amount: 4001 }, "over-2");
    expect(over.status).toBe(400);
    expect(over.json.error.details).toMatchObject({ remaining: 4000 });
    expect(await prisma.orderRefund.count({ where: { orderId: order.id } })).toBe(0);
    const atStripe = await stripe().stripe.refunds.list(
      { payment_intent: order.paymentIntentId! },
      { stripeAccount: s.accountId },
    );
    expect(atStripe.data.map((r) => r.amount)).toEqual([6000]);

    const rest = await postRefund(s, order.id, {}, "over-3");
    expect(rest.json.refund.amount).toBe(4000);
    await orderStatus(order.id, "REFUNDED");
    const none = await postRefund(s, order.id, { amount: 1 }, "over-4");
    expect(none.status).toBe(409);
    expect(none.json.error.code).toBe("order_not_refundable");
  });

  it("a replayed key returns the first refund; another body with it is 409; no key is 400", async () => {
    const s = await store("idem");
    const order = await paidOrder(stripe(), s, "PED-IDEM");
    const first = await postRefund(s, order.id, { amount: 1000 }, "same-key");
    const again = await postRefund(s, order.id, { amount: 1000 }, "same-key");
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.json.refund.id).toBe(first.json.refund.id);
    expect(again.json.refund.stripeRefundId).toBe(first.json.refund.stripeRefundId);

    const other = await postRefund(s, order.id, { amount: 2000 }, "same-key");
    expect(other.status).toBe(409);
    expect(other.json.error.code).toBe("idempotency_conflict");
    const missing = await postRefund(s, order.id, { amount: 1000 }, null);
    expect(missing.status).toBe(400);
    expect(missing.json.error).toMatchObject({ code: "idempotency_key_required", param: "Idempotency-Key" });
    const bad = await postRefund(s, order.id, { amount: 10.5 }, "bad-amount");
    expect(bad.status).toBe(422);
    const malformed = await postRefund(s, order.id, null, "bad-json", { raw: "{amount:" });
    expect(malformed.status).toBe(400);

    const atStripe = await stripe().stripe.refunds.list(
      { payment_intent: order.paymentIntentId! },
      { stripeAccount: s.accountId },
    );
    expect(atStripe.data.map((r) => r.amount)).toEqual([1000]);
    await waitFor(async () => (await prisma.paymentAdjustment.count({ where: { orderId: order.id } })) === 1);
    expect(refundedCallbacks(await callbacks(s), order.id)).toHaveLength(1);
  });

  it("a replayed Stripe webhook changes nothing: one row and one callback per refund", async () => {
    const s = await store("replay");
    const order = await paidOrder(stripe(), s, "PED-REPLAY");
    await postRefund(s, order.id, { amount: 4000 }, "replay-1");
    await orderStatus(order.id, "PARTIALLY_REFUNDED");
    const events = await waitFor(async () => {
      const found = await prisma.stripeEvent.findMany({
        where: { type: { in: ["charge.refunded", "refund.created"] }, account: s.accountId, status: "PROCESSED" },
      });
      return found.length === 2 && found;
    });
    // Stripe delivering the same events again, and the same facts under new event ids (the handlers
    // re-read the charge and converge).
    for (const e of events) await stripe().controls.resendEvent(e.id);
    for (const e of events)
      expect(await ingestEvent({ ...(e.payload as unknown as Stripe.Event), id: `${e.id}_again` }, "sync")).toBe(
        "processed",
      );
    await new Promise((r) => setTimeout(r, 500));
    expect(await prisma.paymentAdjustment.count({ where: { orderId: order.id } })).toBe(1);
    expect(refundedCallbacks(await callbacks(s), order.id)).toEqual([
      expect.objectContaining({ refundAmount: 4000, amountRefunded: 4000 }),
    ]);
    expect((await getRefunds(s, order.id)).json).toMatchObject({ amountRefunded: 4000, remaining: 6000 });
  });

  it("refuses orders that are not paid, PIX charges (pointing at PIX refunds) and other stores' orders", async () => {
    const s = await store("refuse");
    const other = await store("refuse-other");
    const paid = await paidOrder(stripe(), other, "PED-OTHER");
    expect((await postRefund(s, paid.id, { amount: 100 }, "x-1")).status).toBe(404);
    expect((await getRefunds(s, paid.id)).status).toBe(404);

    const pending = await prisma.order.create({
      data: {
        storeId: s.store.id,
        priceId: s.priceId,
        channel: "ELEMENTS",
        amountTotal: 10000,
        currency: "BRL",
        stripeAccountId: s.accountId,
      },
    });
    const notPaid = await postRefund(s, pending.id, {}, "x-2");
    expect(notPaid.status).toBe(409);
    expect(notPaid.json.error).toMatchObject({ code: "order_not_refundable", details: { status: "PENDING" } });

    const pix = await prisma.pixCharge.create({
      data: { storeId: s.store.id, reference: `VTREF${Date.now()}`, amountCentavos: 500, description: "PIX" },
    });
    const pixAnswer = await postRefund(s, pix.id, { amount: 100 }, "x-3");
    expect(pixAnswer.status).toBe(409);
    expect(pixAnswer.json.error.code).toBe("order_not_refundable");
    expect(pixAnswer.json.error.details).toEqual({
      pixChargeId: pix.id,
      refundUrl: `/api/v1/pix/charges/${pix.id}/refunds`,
    });
    expect(await prisma.orderRefund.count({ where: { storeId: s.store.id } })).toBe(0);
  });

  it("a refund reserved but never answered by Stripe holds its amount for Stripe's 24-hour key window", async () => {
    const s = await store("held");
    const order = await paidOrder(stripe(), s, "PED-HELD");
    const reserved = (key: string, amount: number, ageMs: number) =>
      prisma.orderRefund.create({
        data: {
          storeId: s.store.id,
          orderId: order.id,
          amount,
          currency: "BRL",
          status: "requested",
          idempotencyKey: key,
          requestHash: "x",
          createdAt: new Date(Date.now() - ageMs),
        },
      });
    await reserved("crashed-recently", 3000, 60_000);
    await reserved("crashed-long-ago", 5000, 25 * 3600_000);
    expect((await getRefunds(s, order.id)).json).toMatchObject({ amountPending: 3000, remaining: 7000 });
    const over = await postRefund(s, order.id, { amount: 7001 }, "held-1");
    expect(over.json.error).toMatchObject({ code: "refund_exceeds_remaining", details: { remaining: 7000 } });
    expect((await postRefund(s, order.id, { amount: 7000 }, "held-2")).status).toBe(201);
  });

  it("the seller's session refunds from the dashboard the same way", async () => {
    const s = await store("session");
    const order = await paidOrder(stripe(), s, "PED-SESSION");
    const res = await postRefund({ cookie: await sessionCookie(s.user.id) }, order.id, { amount: 5000 }, "ui-1");
    expect(res.status).toBe(201);
    expect(res.json.order).toMatchObject({ remaining: 5000 });
    await orderStatus(order.id, "PARTIALLY_REFUNDED");
    const requested = await prisma.auditLog.findFirstOrThrow({
      where: { targetId: order.id, action: "order.refund_requested" },
    });
    expect([requested.actorType, requested.actorId]).toEqual(["user", s.user.id]);
  });
});
