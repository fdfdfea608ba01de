// findOrder (lib/webhooks/stripe/context.ts): concurrent lookups share one raw statement; each
// caller still gets its own order (or null), only within the event's connected account, our id in
// metadata before the Stripe ids, and a subscription's own order rather than a renewal.
import { beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind, useTestDatabase } from "../support/db";
import { prisma } from "@/lib/db/client";
import { findOrder } from "@/lib/webhooks/stripe/context";

describe(`findOrder (${testDatabaseKind()})`, () => {
  useTestDatabase();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const user = await prisma.user.create({ data: { email: "find-order@example.com", name: "F", passwordHash: "x" } });
    for (const [key, account] of [
      ["a", "acct_find_a"],
      ["b", "acct_find_b"],
    ] as const) {
      const store = await prisma.store.create({ data: { ownerId: user.id, name: key, slug: `find-order-${key}` } });
      const product = await prisma.product.create({ data: { storeId: store.id, name: "P" } });
      const price = await prisma.price.create({
        data: { storeId: store.id, productId: product.id, unitAmount: 1000, currency: "brl", type: "ONE_TIME" },
      });
      const base = {
        storeId: store.id,
        priceId: price.id,
        amountTotal: 1000,
        currency: "brl",
        stripeAccountId: account,
      };
      const order = await prisma.order.create({
        data: {
          ...base,
          channel: "CHECKOUT",
          checkoutSessionId: `cs_${key}`,
          paymentIntentId: `pi_${key}`,
          subscriptionId: `sub_${key}`,
        },
      });
      const other = await prisma.order.create({
        data: { ...base, channel: "ELEMENTS", paymentIntentId: `pi_${key}2` },
      });
      // A renewal of the same subscription, created first: the lookup must still find the Checkout order.
      const renewal = await prisma.order.create({
        data: { ...base, channel: "RENEWAL", subscriptionId: `sub_${key}_r`, invoiceId: `in_${key}` },
      });
      ids[key] = order.id;
      ids[`${key}2`] = other.id;
      ids[`${key}r`] = renewal.id;
    }
  });

  it("answers each of many concurrent lookups with its own order, scoped to the account", async () => {
    const cases: Array<[Parameters<typeof findOrder>[0], string | null, string | null]> = [
      [{ paymentIntentId: "pi_a" }, "acct_find_a", "a"],
      [{ paymentIntentId: "pi_a" }, "acct_find_b", null],
      [{ checkoutSessionId: "cs_b" }, "acct_find_b", "b"],
      [{ vitrineOrderId: "" as string, paymentIntentId: "pi_b2" }, "acct_find_b", "b2"],
      // Our id first, even when the payment intent names another order of the account.
      [{ vitrineOrderId: "__a2__", paymentIntentId: "pi_a" }, "acct_find_a", "a2"],
      // Another store's order id in metadata never matches.
      [{ vitrineOrderId: "__b__" }, "acct_find_a", null],
      [{ vitrineOrderId: "__b__", paymentIntentId: "pi_a" }, "acct_find_a", "a"],
      [{ subscriptionId: "sub_a" }, "acct_find_a", "a"],
      [{ subscriptionId: "sub_a_r" }, "acct_find_a", null],
      [{ paymentIntentId: "pi_none", subscriptionId: "sub_b" }, "acct_find_b", "b"],
      [{ paymentIntentId: "pi_a" }, null, null],
      [{}, "acct_find_a", null],
    ];
    const resolve = (ref: Parameters<typeof findOrder>[0]) =>
      ref.vitrineOrderId?.startsWith("__") ? { ...ref, vitrineOrderId: ids[ref.vitrineOrderId.slice(2, -2)] } : ref;
    for (let round = 0; round < 3; round++) {
      const found = await Promise.all(cases.map(([ref, account]) => findOrder(resolve(ref), account)));
      expect(found.map((o) => o?.id ?? null)).toEqual(cases.map(([, , key]) => (key ? ids[key] : null)));
    }
    const order = await findOrder({ paymentIntentId: "pi_a" }, "acct_find_a");
    expect(order).toEqual(await prisma.order.findUnique({ where: { id: ids.a } }));
  });
});
