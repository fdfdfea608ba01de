// Elements pay page orders (#16): a page view is a draft that no seller list shows; declined
// attempts the buyer abandons expire into EXPIRED (their PaymentIntent canceled on Stripe); a
// payment that succeeds — before the job or unseen by our webhooks — is paid exactly once.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { waitFor } from "../webhooks/support";
import { caller, jsonOf, params, storeSeller, useEmulatorWithWebhooks } from "../coupons/support";
import { POST as publicPayment } from "@/app/api/public/payment-intents/route";
import { POST as submitRoute } from "@/app/api/public/payment-intents/submit/route";
import { GET as ordersApi } from "@/app/api/v1/orders/route";
import { ABANDON_AFTER_MS, expireAbandonedOrders } from "@/lib/checkout/expire-abandoned";
import { listOrders } from "@/lib/checkout/orders";
import { prisma } from "@/lib/db/client";

const buyer = caller({ origin: "http://localhost:3000" });
const later = () => new Date(Date.now() + ABANDON_AFTER_MS + 60_000);

async function view(priceId: string, key: string) {
  const res = await jsonOf(
    await publicPayment(
      buyer("/api/public/payment-intents", "POST", { priceId }, { "idempotency-key": key }),
      params(),
    ),
  );
  expect(res.status).toBe(200);
  return res.body as { orderId: string; clientSecret: string; stripeAccount: string };
}

async function submit(clientSecret: string) {
  const res = await submitRoute(buyer("/api/public/payment-intents/submit", "POST", { clientSecret }), params());
  expect(res.status).toBe(200);
}

const piOf = (secret: string) => secret.split("_secret_")[0]!;

describe("Elements orders: drafts and abandoned attempts", () => {
  useTestDatabase();
  const { stripe } = useEmulatorWithWebhooks();

  it("a page view creates no listed order; a declined attempt lists, then expires when abandoned", async () => {
    const s = await storeSeller(stripe(), "exp-1");
    const draft = await view(s.priceId, "exp-view");
    const tried = await view(s.priceId, "exp-tried");
    expect(await listOrders(s.store.id)).toEqual([]);
    const api = await jsonOf(await ordersApi(s.api("/api/v1/orders"), params()));
    expect(api.body.data).toEqual([]);

    await submit(tried.clientSecret);
    await stripe()
      .stripe.paymentIntents.confirm(
        piOf(tried.clientSecret),
        { payment_method: "pm_card_chargeDeclined" },
        { stripeAccount: tried.stripeAccount },
      )
      .catch(() => null);
    await waitFor(
      async () => (await prisma.order.findUniqueOrThrow({ where: { id: tried.orderId } })).status === "FAILED",
    );
    expect((await listOrders(s.store.id)).map((o) => [o.id, o.status])).toEqual([[tried.orderId, "FAILED"]]);

    // Not yet a day old: nothing happens.
    expect(await expireAbandonedOrders(new Date())).toBe(0);
    expect(await expireAbandonedOrders(later())).toBe(2);
    const [a, b] = await Promise.all(
      [tried.orderId, draft.orderId].map((id) => prisma.order.findUniqueOrThrow({ where: { id } })),
    );
    expect([a!.status, b!.status]).toEqual(["EXPIRED", "EXPIRED"]);
    // The decline is kept, the draft stays out of the list.
    expect(a!.failureCode).toBe("generic_decline");
    expect((await listOrders(s.store.id)).map((o) => [o.id, o.status])).toEqual([[tried.orderId, "EXPIRED"]]);
    const pi = await stripe().stripe.paymentIntents.retrieve(
      piOf(tried.clientSecret),
      {},
      {
        stripeAccount: tried.stripeAccount,
      },
    );
    expect([pi.status, pi.cancellation_reason]).toEqual(["canceled", "abandoned"]);
    // Nothing can pay it now, and a second run changes nothing.
    await expect(
      stripe().stripe.paymentIntents.confirm(
        pi.id,
        { payment_method: "pm_card_visa" },
        { stripeAccount: tried.stripeAccount },
      ),
    ).rejects.toThrow();
    expect(await expireAbandonedOrders(later())).toBe(0);
  });

  it("a decline then a success pays once; the job later leaves it paid", async () => {
    const s = await storeSeller(stripe(), "exp-2");
    const pay = await view(s.priceId, "exp-retry");
    await submit(pay.clientSecret);
    const opts = { stripeAccount: pay.stripeAccount };
    await stripe()
      .stripe.paymentIntents.confirm(piOf(pay.clientSecret), { payment_method: "pm_card_chargeDeclined" }, opts)
      .catch(() => null);
    await waitFor(
      async () => (await prisma.order.findUniqueOrThrow({ where: { id: pay.orderId } })).status === "FAILED",
    );
    await submit(pay.clientSecret);
    await stripe().stripe.paymentIntents.confirm(piOf(pay.clientSecret), { payment_method: "pm_card_visa" }, opts);
    await waitFor(async () => (await prisma.order.findUniqueOrThrow({ where: { id: pay.orderId } })).status === "PAID");
    expect(await expireAbandonedOrders(later())).toBe(0);
    const order = await prisma.order.findUniqueOrThrow({ where: { id: pay.orderId } });
    expect(order.status).toBe("PAID");
    const charges = await stripe().stripe.charges.list({ payment_intent: order.paymentIntentId!, limit: 10 }, opts);
    expect(charges.data.filter((c) => c.paid)).toHaveLength(1);
  });

  it("a payment our webhooks never saw is recorded as paid by the job, not expired", async () => {
    const s = await storeSeller(stripe(), "exp-3");
    const pay = await view(s.priceId, "exp-unseen");
    await submit(pay.clientSecret);
    await stripe().controls.pauseWebhooks("drop");
    try {
      await stripe().stripe.paymentIntents.confirm(
        piOf(pay.clientSecret),
        { payment_method: "pm_card_visa" },
        { stripeAccount: pay.stripeAccount },
      );
    } finally {
      await stripe().controls.resumeWebhooks();
    }
    expect((await prisma.order.findUniqueOrThrow({ where: { id: pay.orderId } })).status).toBe("PENDING");
    expect(await expireAbandonedOrders(later())).toBe(0);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: pay.orderId } })).status).toBe("PAID");
  });
});
