// Stripe → Vitrine: signed deliveries from the emulator into the real route handlers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import Stripe from "stripe";
import { ctx as reqCtx, uniqueEmail, useTestDatabase } from "../support/db";
import { useStripeEmulator } from "../support/stripe";
import { startForwarder, waitFor } from "./support";
import { APP, onboard, sellerWithStore, sellingSeller, systemCtx } from "../support/seller";
import { signUp, SignUpInput } from "@/lib/auth/sign-up";
import { createCheckoutSession, CreateCheckoutSessionInput } from "@/lib/checkout/create-checkout-session";
import { createPaymentIntent } from "@/lib/checkout/create-payment-intent";
import { BuyerInput } from "@/lib/checkout/sellable";
import { ingestEvent } from "@/lib/webhooks/stripe/process";
import { POST as connectRoute } from "@/app/api/webhooks/stripe/connect/route";
import { POST as platformRoute } from "@/app/api/webhooks/stripe/route";
import { prisma } from "@/lib/db/client";

const CONNECT_SECRET = "whsec_test_connect_secret";
const system = systemCtx;

describe("inbound Stripe webhooks", () => {
  useTestDatabase();
  let forwarder: Awaited<ReturnType<typeof startForwarder>>;
  beforeAll(async () => {
    forwarder = await startForwarder();
    process.env.STRIPE_WEBHOOK_SECRET = "whsec_test_platform_secret";
    // Two secrets, tried in order: rotation or CLI + dashboard endpoints.
    process.env.STRIPE_CONNECT_WEBHOOK_SECRET = `whsec_previous_secret_x,${CONNECT_SECRET}`;
    process.env.RATE_LIMIT_WEBHOOK = "10000/minute";
  });
  afterAll(() => forwarder.close());
  const stripe = useStripeEmulator({
    webhooks: () => [
      { url: `${forwarder.url}/api/webhooks/stripe/connect`, secret: CONNECT_SECRET, connect: true },
      { url: `${forwarder.url}/api/webhooks/stripe`, secret: "whsec_test_platform_secret", connect: false },
    ],
  });

  async function sellingStore() {
    const { store, priceId } = await sellingSeller(stripe(), { tag: "wh", storeName: "Webhook store" });
    await prisma.callbackEndpoint.create({
      data: {
        storeId: store.id,
        url: "http://127.0.0.1:9/payments/events/",
        secretEnc: "unused-in-this-test",
        secretPrefix: "whsec_x",
      },
    });
    return { store, priceId };
  }

  it("marks a hosted Checkout order paid from the Connect webhook and enqueues one store callback", async () => {
    const { store, priceId } = await sellingStore();
    const { order, sessionId } = await createCheckoutSession(
      store.id,
      CreateCheckoutSessionInput.parse({ priceId, orderId: "loja-77" }),
      { appUrl: APP, audit: system },
    );
    await stripe().controls.completeCheckout(sessionId, { card: "4242424242424242" });
    const paid = await waitFor(async () => {
      const o = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
      return o.status === "PAID" && o;
    });
    expect(paid.paymentIntentId).toMatch(/^pi_/);
    const completed = await waitFor(() =>
      prisma.stripeEvent.findFirst({
        where: { storeId: store.id, type: "checkout.session.completed", status: "PROCESSED" },
      }),
    );
    expect(completed.source).toBe("webhook");
    const deliveries = await prisma.callbackDelivery.findMany({ where: { storeId: store.id } });
    expect(deliveries.map((d) => d.eventType)).toEqual(["payment.succeeded"]);
    expect(deliveries[0]!.payload).toMatchObject({
      type: "payment.succeeded",
      data: { orderId: "loja-77", amount: 10000, currency: "BRL", provider: "stripe", status: "paid" },
    });
  });

  it("changes nothing on duplicates, even concurrent ones, and answers 200", async () => {
    const { store, priceId } = await sellingStore();
    const pay = await createPaymentIntent(store.id, BuyerInput.parse({ priceId }), { audit: system });
    await stripe().stripe.paymentIntents.confirm(
      pay.paymentIntentId,
      { payment_method: "pm_card_visa" },
      { stripeAccount: pay.stripeAccount },
    );
    const succeeded = (
      await stripe().stripe.events.list(
        { type: "payment_intent.succeeded", limit: 10 },
        { stripeAccount: pay.stripeAccount },
      )
    ).data.find((e) => (e.data.object as Stripe.PaymentIntent).id === pay.paymentIntentId)!;
    const results = await Promise.all(Array.from({ length: 8 }, () => ingestEvent(succeeded, "webhook")));
    expect(results.filter((r) => r === "processed").length).toBeLessThanOrEqual(1);
    await waitFor(async () => (await prisma.order.findUniqueOrThrow({ where: { id: pay.orderId } })).status === "PAID");
    expect(await prisma.auditLog.count({ where: { targetId: pay.orderId, action: "order.paid" } })).toBe(1);
    expect(await prisma.callbackDelivery.count({ where: { storeId: store.id, eventType: "payment.succeeded" } })).toBe(
      1,
    );
    expect(await ingestEvent(succeeded, "sync")).toBe("duplicate");
    // A late failure for the same PaymentIntent cannot un-pay the order.
    const lateFailure = {
      ...succeeded,
      id: `${succeeded.id}_late`,
      type: "payment_intent.payment_failed",
    } as Stripe.Event;
    expect(await ingestEvent(lateFailure, "webhook")).toBe("processed");
    expect((await prisma.order.findUniqueOrThrow({ where: { id: pay.orderId } })).status).toBe("PAID");
  });

  it("refuses bad signatures and wrong-endpoint events with 400 and stores nothing", async () => {
    const before = await prisma.stripeEvent.count();
    const payload = JSON.stringify({
      id: "evt_forged",
      object: "event",
      type: "payment_intent.succeeded",
      account: "acct_x",
      created: Math.floor(Date.now() / 1000),
      data: { object: {} },
    });
    const forged = new Stripe("sk_test_x").webhooks.generateTestHeaderString({ payload, secret: "whsec_wrong" });
    const req = (route: string, sig: string) =>
      new NextRequest(new URL(route, APP), {
        method: "POST",
        body: payload,
        headers: { "stripe-signature": sig, "content-type": "application/json" },
      });
    const bad = await connectRoute(req("/api/webhooks/stripe/connect", forged));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("invalid_signature");
    expect((await connectRoute(req("/api/webhooks/stripe/connect", ""))).status).toBe(400);
    const old = new Stripe("sk_test_x").webhooks.generateTestHeaderString({
      payload,
      secret: CONNECT_SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    expect((await connectRoute(req("/api/webhooks/stripe/connect", old))).status).toBe(400);
    const signedConnect = new Stripe("sk_test_x").webhooks.generateTestHeaderString({
      payload,
      secret: "whsec_test_platform_secret",
    });
    expect((await platformRoute(req("/api/webhooks/stripe", signedConnect))).status).toBe(400);
    expect(await prisma.stripeEvent.count()).toBe(before);
  });

  it("records refunds (partial, then full) and a dispute, with one callback each", async () => {
    const { store, priceId } = await sellingStore();
    const pay = await createPaymentIntent(store.id, BuyerInput.parse({ priceId }), { audit: system });
    const opts = { stripeAccount: pay.stripeAccount };
    await stripe().stripe.paymentIntents.confirm(pay.paymentIntentId, { payment_method: "pm_card_visa" }, opts);
    await waitFor(async () => (await prisma.order.findUniqueOrThrow({ where: { id: pay.orderId } })).status === "PAID");
    await stripe().stripe.refunds.create({ payment_intent: pay.paymentIntentId, amount: 3000 }, opts);
    await waitFor(
      async () =>
        (await prisma.order.findUniqueOrThrow({ where: { id: pay.orderId } })).status === "PARTIALLY_REFUNDED",
    );
    await stripe().stripe.refunds.create({ payment_intent: pay.paymentIntentId }, opts);
    await waitFor(
      async () => (await prisma.order.findUniqueOrThrow({ where: { id: pay.orderId } })).status === "REFUNDED",
    );
    const refunds = await prisma.paymentAdjustment.findMany({
      where: { orderId: pay.orderId, kind: "refund" },
      orderBy: { createdAt: "asc" },
    });
    expect(refunds.map((r) => r.amount)).toEqual([3000, 7000]);
    expect(await prisma.callbackDelivery.count({ where: { storeId: store.id, eventType: "payment.refunded" } })).toBe(
      2,
    );

    const disputed = await createPaymentIntent(store.id, BuyerInput.parse({ priceId }), { audit: system });
    await stripe().stripe.paymentIntents.confirm(
      disputed.paymentIntentId,
      { payment_method: "pm_card_createDispute" },
      opts,
    );
    await waitFor(
      async () => (await prisma.order.findUniqueOrThrow({ where: { id: disputed.orderId } })).status === "DISPUTED",
      10_000,
    );
    expect(await prisma.paymentAdjustment.count({ where: { orderId: disputed.orderId, kind: "dispute" } })).toBe(1);
    expect(await prisma.callbackDelivery.count({ where: { storeId: store.id, eventType: "dispute.created" } })).toBe(1);
  });

  it("mirrors a seller's platform plan from the platform endpoint (checkout, then subscription updates)", async () => {
    await (await import("@/lib/billing/catalog")).syncPlanCatalog();
    const email = uniqueEmail("plan");
    const { user, store } = await signUp(
      SignUpInput.parse({ name: "P", email, password: "correct-horse-9", storeName: "Plan store" }),
      reqCtx,
    );
    const { subscribeToPlan } = await import("@/lib/billing/plans");
    const audit = { ...reqCtx, actor: { type: "user" as const, id: user.id } };
    const { checkoutUrl } = await subscribeToPlan(store, email, { planCode: "starter" }, { appUrl: APP, audit });
    await stripe().controls.completeCheckout(checkoutUrl!.split("/checkout/")[1]!, { card: "4242424242424242" });
    // No sync call: only the platform webhook brings the subscription in.
    const sub = await waitFor(() => prisma.platformSubscription.findUnique({ where: { storeId: store.id } }));
    expect(sub.status).toBe("trialing");
    // A change made elsewhere (e.g. the portal) arrives as customer.subscription.updated.
    await stripe().stripe.subscriptions.update(sub.stripeSubscriptionId!, { cancel_at_period_end: true });
    await waitFor(
      async () =>
        (await prisma.platformSubscription.findUniqueOrThrow({ where: { storeId: store.id } })).cancelAtPeriodEnd,
    );
  });

  it("answers 500 when a handler fails so Stripe retries, and keeps the error in the ledger", async () => {
    const { store, priceId } = await sellingStore();
    const { order } = await createCheckoutSession(store.id, CreateCheckoutSessionInput.parse({ priceId }), {
      appUrl: APP,
      audit: system,
    });
    // Refers to a session Stripe does not know: the re-read fails.
    const payload = JSON.stringify({
      id: "evt_fails_once",
      object: "event",
      api_version: "2026-10-28.endive",
      type: "checkout.session.async_payment_failed",
      account: order.stripeAccountId,
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: { id: "cs_test_unknown", object: "checkout.session", metadata: { vitrineOrderId: order.id } } },
    });
    const signature = new Stripe("sk_test_x").webhooks.generateTestHeaderString({ payload, secret: CONNECT_SECRET });
    const res = await connectRoute(
      new NextRequest(new URL("/api/webhooks/stripe/connect", APP), {
        method: "POST",
        body: payload,
        headers: { "stripe-signature": signature, "content-type": "application/json" },
      }),
    );
    expect(res.status).toBe(500);
    const row = await prisma.stripeEvent.findUniqueOrThrow({ where: { id: "evt_fails_once" } });
    expect(row).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(row.lastError).toBeTruthy();
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PENDING");
  });

  it("keeps account status in sync from account.updated", async () => {
    const seller = await sellerWithStore({ tag: "acct", storeName: "Acct store" });
    const { store } = seller;
    await onboard(stripe(), seller, {}, { refresh: false });
    // No refresh call: only the webhook brings the news.
    await waitFor(
      async () => (await prisma.stripeAccount.findUniqueOrThrow({ where: { storeId: store.id } })).chargesEnabled,
    );
  });
});
