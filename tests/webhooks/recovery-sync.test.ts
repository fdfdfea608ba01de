// With the emulator dropping every delivery, payments still end paid after the recovery sync,
// and the store's receiver gets each callback exactly once, signed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { ctx as reqCtx, useTestDatabase } from "../support/db";
import { useStripeEmulator } from "../support/stripe";
import { sellingSeller } from "../support/seller";
import { startForwarder } from "./support";
import { createCheckoutSession, CreateCheckoutSessionInput } from "@/lib/checkout/create-checkout-session";
import { createPaymentIntent } from "@/lib/checkout/create-payment-intent";
import { BuyerInput } from "@/lib/checkout/sellable";
import { createEndpoint } from "@/lib/callbacks/endpoints";
import { deliverDue } from "@/lib/callbacks/deliver";
import { syncStripeEvents } from "@/lib/webhooks/stripe/sync";
import { prisma } from "@/lib/db/client";

const APP = "http://localhost:3000";
const CONNECT_SECRET = "whsec_sync_connect";
const system = { ...reqCtx, actor: { type: "system" as const, id: "test" } };

describe("recovery sync after dropped webhooks", () => {
  useTestDatabase();
  let forwarder: Awaited<ReturnType<typeof startForwarder>>;
  let receiver: Server;
  const received: Array<{ id: string; type: string; orderId: string }> = [];
  let receiverUrl = "";
  let signingSecret = "";
  beforeAll(async () => {
    forwarder = await startForwarder();
    process.env.STRIPE_CONNECT_WEBHOOK_SECRET = CONNECT_SECRET;
    process.env.STRIPE_WEBHOOK_SECRET = "whsec_sync_platform";
    process.env.RATE_LIMIT_WEBHOOK = "10000/minute";
    process.env.CALLBACK_ALLOWED_HOSTS = "127.0.0.1,localhost";
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
        const event = new Webhook(signingSecret).verify(body, headers) as {
          id: string;
          type: string;
          data: { orderId: string };
        };
        received.push({ id: event.id, type: event.type, orderId: event.data.orderId });
        res.writeHead(200).end("ok");
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", () => r()));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/payments/events/`;
  });
  afterAll(async () => {
    await forwarder.close();
    await new Promise((r) => receiver.close(() => r(null)));
  });
  const stripe = useStripeEmulator({
    webhooks: () => [{ url: `${forwarder.url}/api/webhooks/stripe/connect`, secret: CONNECT_SECRET, connect: true }],
  });

  it("ends every order paid and sends every store callback exactly once", async () => {
    const { store, audit, priceId } = await sellingSeller(stripe(), {
      tag: "sync",
      storeName: "Sync store",
      prices: [{ unitAmount: 2500, currency: "BRL" }],
    });
    const { secret } = await createEndpoint(store, { url: receiverUrl }, audit);
    signingSecret = secret;

    await new Promise((r) => setTimeout(r, 300)); // let onboarding's account.updated deliveries land
    await stripe().controls.pauseWebhooks("drop");
    const deliveredBefore = forwarder.results.length;
    const checkouts = await Promise.all(
      [1, 2].map((n) =>
        createCheckoutSession(store.id, CreateCheckoutSessionInput.parse({ priceId, orderId: `sync-${n}` }), {
          appUrl: APP,
          audit: system,
        }),
      ),
    );
    for (const c of checkouts) await stripe().controls.completeCheckout(c.sessionId, { card: "4242424242424242" });
    const elements = await createPaymentIntent(store.id, BuyerInput.parse({ priceId, orderId: "sync-3" }), {
      audit: system,
    });
    await stripe().stripe.paymentIntents.confirm(
      elements.paymentIntentId,
      { payment_method: "pm_card_visa" },
      { stripeAccount: elements.stripeAccount },
    );
    const orderIds = [...checkouts.map((c) => c.order.id), elements.orderId];
    await new Promise((r) => setTimeout(r, 300));
    expect(forwarder.results).toHaveLength(deliveredBefore);
    expect(
      (await prisma.order.findMany({ where: { id: { in: orderIds } } })).every((o) => o.status === "PENDING"),
    ).toBe(true);

    const report = await syncStripeEvents({ lookbackMinutes: 60 });
    expect(report.ingested).toBeGreaterThan(0);
    expect(report.failed).toBe(0);
    expect((await prisma.order.findMany({ where: { id: { in: orderIds } } })).map((o) => o.status)).toEqual([
      "PAID",
      "PAID",
      "PAID",
    ]);

    // Running it again, then letting the dropped deliveries through, changes nothing.
    await syncStripeEvents({ lookbackMinutes: 60 });
    await stripe().controls.resumeWebhooks();
    for (const e of await prisma.stripeEvent.findMany({ where: { storeId: store.id }, take: 5 }))
      await stripe()
        .controls.resendEvent(e.id)
        .catch(() => undefined);
    await new Promise((r) => setTimeout(r, 500));

    for (let i = 0; i < 3; i++) await deliverDue({ limit: 50 });
    const succeeded = received.filter((r) => r.type === "payment.succeeded");
    expect(succeeded.map((r) => r.orderId).sort()).toEqual(["sync-1", "sync-2", "sync-3"]);
    expect(new Set(succeeded.map((r) => r.id)).size).toBe(3);
    expect(await prisma.callbackDelivery.count({ where: { storeId: store.id, status: "SUCCEEDED" } })).toBe(3);
  });
});
