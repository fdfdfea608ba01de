// The order state machine, table-driven: every status × event, then the transactional path on a
// real database (row lock, audit, one store callback per transition).
import { describe, expect, it } from "vitest";
import type { OrderStatus } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { nextOrderStatus, type OrderEvent } from "@/lib/orders/state";
import { applyOrderUpdate, recordOrderDispute, recordOrderRefunds } from "@/lib/orders/transition";
import { useTestDatabase } from "../support/db";
import { sellerWithStore, systemCtx } from "../support/seller";

const STATUSES: OrderStatus[] = [
  "PENDING",
  "FAILED",
  "PAID",
  "PARTIALLY_REFUNDED",
  "REFUNDED",
  "DISPUTED",
  "EXPIRED",
  "CANCELED",
];
const EVENTS: OrderEvent[] = [
  "paid",
  "failed",
  "expired",
  "canceled",
  "partially_refunded",
  "refunded",
  "disputed",
  "dispute_won",
];

// Written out by hand, independently of lib/orders/state.ts: every move that is allowed.
const ALLOWED: Array<[OrderStatus, OrderEvent, OrderStatus]> = [
  ["PENDING", "paid", "PAID"],
  ["PENDING", "failed", "FAILED"],
  ["PENDING", "expired", "EXPIRED"],
  ["PENDING", "canceled", "CANCELED"],
  ["PENDING", "partially_refunded", "PARTIALLY_REFUNDED"],
  ["PENDING", "refunded", "REFUNDED"],
  ["PENDING", "disputed", "DISPUTED"],
  ["FAILED", "paid", "PAID"],
  ["FAILED", "expired", "EXPIRED"],
  ["FAILED", "canceled", "CANCELED"],
  ["PAID", "partially_refunded", "PARTIALLY_REFUNDED"],
  ["PAID", "refunded", "REFUNDED"],
  ["PAID", "disputed", "DISPUTED"],
  ["PARTIALLY_REFUNDED", "refunded", "REFUNDED"],
  ["PARTIALLY_REFUNDED", "disputed", "DISPUTED"],
  ["DISPUTED", "dispute_won", "PAID"],
];

describe("order state machine", () => {
  const cases = STATUSES.flatMap((from) =>
    EVENTS.map((event) => [from, event, ALLOWED.find(([f, e]) => f === from && e === event)?.[2] ?? null] as const),
  );
  it.each(cases)("%s + %s → %s", (from, event, expected) => {
    expect(nextOrderStatus(from, event)).toBe(expected);
  });
});

describe("order transitions on the database", () => {
  useTestDatabase();

  async function orderIn(status: OrderStatus) {
    const seller = await sellerWithStore({ tag: "orders" });
    await prisma.callbackEndpoint.create({
      data: {
        storeId: seller.store.id,
        url: "https://store.example/hooks",
        secretEnc: "unused",
        secretPrefix: "whsec_te",
      },
    });
    const product = await prisma.product.create({ data: { storeId: seller.store.id, name: "Camiseta" } });
    const price = await prisma.price.create({
      data: { storeId: seller.store.id, productId: product.id, unitAmount: 5000, currency: "BRL", type: "ONE_TIME" },
    });
    return prisma.order.create({
      data: {
        storeId: seller.store.id,
        priceId: price.id,
        channel: "CHECKOUT",
        status,
        amountTotal: 5000,
        currency: "BRL",
        stripeAccountId: "acct_test",
      },
    });
  }
  const statusOf = async (id: string) => (await prisma.order.findUniqueOrThrow({ where: { id } })).status;
  const callbacks = (storeId: string) =>
    prisma.callbackDelivery.findMany({ where: { storeId }, orderBy: { createdAt: "asc" } });

  it("a late payment never moves a disputed or refunded order back to paid", async () => {
    for (const status of ["DISPUTED", "REFUNDED", "EXPIRED"] as const) {
      const order = await orderIn(status);
      await applyOrderUpdate(order.id, { status: "PAID", paymentIntentId: `pi_${status}` }, systemCtx);
      const after = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
      expect(after.status).toBe(status);
      expect(after.paymentIntentId).toBe(`pi_${status}`); // ids are still recorded
    }
  });

  it("paid twice (webhook, then sync) is one transition and one callback", async () => {
    const order = await orderIn("PENDING");
    await Promise.all([
      applyOrderUpdate(order.id, { status: "PAID" }, systemCtx),
      applyOrderUpdate(order.id, { status: "PAID" }, systemCtx),
    ]);
    expect(await statusOf(order.id)).toBe("PAID");
    expect(await prisma.auditLog.count({ where: { targetId: order.id, action: "order.paid" } })).toBe(1);
    expect((await callbacks(order.storeId)).map((c) => c.eventType)).toEqual(["payment.succeeded"]);
  });

  it("partial then full refunds: one callback per refund, status follows the amount", async () => {
    const order = await orderIn("PAID");
    const r1 = { id: "re_1", amount: 2000, currency: "brl", status: "succeeded", reason: null };
    await recordOrderRefunds(order.id, { amount: 5000, amountRefunded: 2000, refunds: [r1] }, systemCtx);
    expect(await statusOf(order.id)).toBe("PARTIALLY_REFUNDED");
    const r2 = { id: "re_2", amount: 3000, currency: "brl", status: "succeeded", reason: null };
    await recordOrderRefunds(order.id, { amount: 5000, amountRefunded: 5000, refunds: [r1, r2] }, systemCtx);
    await recordOrderRefunds(order.id, { amount: 5000, amountRefunded: 5000, refunds: [r1, r2] }, systemCtx);
    expect(await statusOf(order.id)).toBe("REFUNDED");
    expect(await prisma.paymentAdjustment.count({ where: { orderId: order.id, kind: "refund" } })).toBe(2);
    const sent = await callbacks(order.storeId);
    expect(sent.map((c) => c.eventType)).toEqual(["payment.refunded", "payment.refunded"]);
    expect(sent.map((c) => (c.payload as { data: { refundAmount: number; status: string } }).data)).toMatchObject([
      { refundAmount: 2000, status: "partially_refunded" },
      { refundAmount: 3000, status: "refunded" },
    ]);
  });

  it("a dispute marks the order once; won brings it back to paid, lost keeps it disputed", async () => {
    const won = await orderIn("PAID");
    const d = { id: "dp_won", amount: 5000, currency: "brl", status: "needs_response", reason: "fraudulent" };
    await recordOrderDispute(won.id, d, systemCtx);
    await recordOrderDispute(won.id, d, systemCtx);
    expect(await statusOf(won.id)).toBe("DISPUTED");
    expect(await prisma.auditLog.count({ where: { targetId: won.id, action: "order.disputed" } })).toBe(1);
    expect((await callbacks(won.storeId)).map((c) => c.eventType)).toEqual(["dispute.created"]);
    await recordOrderDispute(won.id, { ...d, status: "won" }, systemCtx);
    expect(await statusOf(won.id)).toBe("PAID");

    const lost = await orderIn("PAID");
    await recordOrderDispute(lost.id, { ...d, id: "dp_lost" }, systemCtx);
    await recordOrderDispute(lost.id, { ...d, id: "dp_lost", status: "lost" }, systemCtx);
    expect(await statusOf(lost.id)).toBe("DISPUTED");
  });

  it("a closed dispute never revives an order that was not disputed", async () => {
    const order = await orderIn("REFUNDED");
    await recordOrderDispute(
      order.id,
      { id: "dp_x", amount: 5000, currency: "brl", status: "won", reason: "general" },
      systemCtx,
    );
    expect(await statusOf(order.id)).toBe("REFUNDED");
    expect(await callbacks(order.storeId)).toHaveLength(0);
  });
});
