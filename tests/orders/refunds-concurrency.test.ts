// Concurrent refund requests on one order: the order's row lock makes the ceiling hold. Meaningful on
// PostgreSQL (TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres), where the requests
// really run in parallel transactions; on PGlite they serialise anyway.
import { describe, expect, it } from "vitest";
import { testDatabaseKind, useTestDatabase } from "../support/db";
import { getRefunds, paidOrder, postRefund, useCardStore, waitFor } from "./support";
import { prisma } from "@/lib/db/client";

describe(`card refunds under concurrency (${testDatabaseKind()})`, () => {
  useTestDatabase();
  const { stripe, store, callbacks } = useCardStore();

  it("10 concurrent partial refunds that together exceed the amount: only those that fit succeed", async () => {
    const s = await store("race");
    const order = await paidOrder(stripe(), s, "PED-RACE");
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => postRefund(s, order.id, { amount: 3000 }, `race-${i}`)),
    );
    const created = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status !== 201);
    expect(created).toHaveLength(3);
    expect(refused.map((r) => [r.status, r.json.error.code])).toEqual(
      Array.from({ length: 7 }, () => [400, "refund_exceeds_remaining"]),
    );
    const atStripe = await stripe().stripe.refunds.list(
      { payment_intent: order.paymentIntentId!, limit: 100 },
      { stripeAccount: s.accountId },
    );
    expect(atStripe.data.map((r) => r.amount)).toEqual([3000, 3000, 3000]);

    await waitFor(async () => (await prisma.paymentAdjustment.count({ where: { orderId: order.id } })) === 3);
    expect((await getRefunds(s, order.id)).json).toMatchObject({ amountRefunded: 9000, remaining: 1000 });
    const sent = (await callbacks(s)).filter((c) => c.type === "payment.refunded");
    expect(sent.map((c) => c.data.refundAmount)).toEqual([3000, 3000, 3000]);
    expect(sent.map((c) => c.data.amountRefunded).sort()).toEqual([3000, 6000, 9000]);
  });

  it("one key sent five times at once makes one refund", async () => {
    const s = await store("race-key");
    const order = await paidOrder(stripe(), s, "PED-RACE-KEY");
    const results = await Promise.all(
      Array.from({ length: 5 }, () => postRefund(s, order.id, { amount: 2000 }, "one-key")),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 201)) {
      // Either the first refund replayed, or told to retry while Stripe is still answering it.
      if (r.status === 200) expect(r.json.refund.id).toBe(results.find((x) => x.status === 201)!.json.refund.id);
      else expect([r.status, r.json.error.code]).toEqual([409, "request_in_progress"]);
    }
    const atStripe = await stripe().stripe.refunds.list(
      { payment_intent: order.paymentIntentId! },
      { stripeAccount: s.accountId },
    );
    expect(atStripe.data.map((r) => r.amount)).toEqual([2000]);
    expect(await prisma.orderRefund.count({ where: { orderId: order.id } })).toBe(1);
  });
});
