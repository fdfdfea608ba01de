// Stripe does not order its events: a buyer's subscription can be canceled (or updated) and its
// customer.subscription.* events processed before the checkout.session.completed that links the
// order to the subscription. The store must still be told — found by the order id the
// subscription carries in its metadata. (Found by `npm run drill -- duplicates` at 10,000 events:
// 12 of 78 cancellations were never sent.)
import { describe, expect, it } from "vitest";
import type Stripe from "stripe";
import { useTestDatabase } from "../support/db";
import { useStripeEmulator } from "../support/stripe";
import { APP, sellingSeller, systemCtx } from "../support/seller";
import { createCheckoutSession, CreateCheckoutSessionInput } from "@/lib/checkout/create-checkout-session";
import { prisma } from "@/lib/db/client";
import { ingestEvent } from "@/lib/webhooks/stripe/process";

const MONTHLY = [{ unitAmount: 4990, currency: "BRL", type: "recurring" as const, interval: "month" as const }];

describe("subscription events that come before the Checkout completion", () => {
  useTestDatabase();
  const stripe = useStripeEmulator();

  it("a cancellation processed first still reaches the store once, and the order is paid once after", async () => {
    const { store, priceId } = await sellingSeller(stripe(), { tag: "subfirst", prices: MONTHLY });
    await prisma.callbackEndpoint.create({
      data: { storeId: store.id, url: "http://127.0.0.1:9/hooks", secretEnc: "unused", secretPrefix: "whsec_x" },
    });
    const { order, sessionId } = await createCheckoutSession(
      store.id,
      CreateCheckoutSessionInput.parse({ priceId, orderId: "ASSIN-77" }),
      { appUrl: APP, audit: systemCtx },
    );
    await stripe().controls.completeCheckout(sessionId, { card: "4242424242424242", email: "ana@example.com" });
    const stripeAccount = (await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).stripeAccountId!;
    const session = await stripe().stripe.checkout.sessions.retrieve(sessionId, undefined, { stripeAccount });
    const subId = typeof session.subscription === "string" ? session.subscription : session.subscription!.id;
    await stripe().stripe.subscriptions.cancel(subId, undefined, { stripeAccount });

    const events: Stripe.Event[] = [];
    for await (const e of stripe().stripe.events.list({ limit: 100 }, { stripeAccount })) events.push(e);
    const subscriptionEvents = events.filter((e) => e.type.startsWith("customer.subscription."));
    expect(subscriptionEvents.map((e) => e.type)).toContain("customer.subscription.deleted");
    // Nothing links the order to the subscription yet.
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).subscriptionId).toBeNull();

    for (const e of subscriptionEvents) expect(await ingestEvent(e, "webhook")).toBe("processed");
    const canceled = () =>
      prisma.callbackDelivery.findMany({ where: { storeId: store.id, eventType: "subscription.canceled" } });
    const first = await canceled();
    expect(first).toHaveLength(1);
    expect(first[0]!.payload).toMatchObject({
      type: "subscription.canceled",
      data: { orderId: "ASSIN-77", subscriptionId: subId, status: "canceled" },
    });

    // Then the rest, oldest first, and every event again: the order is paid once, the store told once.
    const rest = events.filter((e) => !e.type.startsWith("customer.subscription.")).reverse();
    for (const e of rest) await ingestEvent(e, "webhook");
    for (const e of events) expect(await ingestEvent(e, "sync")).toBe("duplicate");
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PAID");
    expect(await canceled()).toHaveLength(1);
    expect(await prisma.callbackDelivery.count({ where: { storeId: store.id, eventType: "payment.succeeded" } })).toBe(
      1,
    );
  });
});
