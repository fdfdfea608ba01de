// Past a blocking orders limit, a store API key cannot create more orders (hosted Checkout or
// Elements), while everything a buyer does still works: paying a checkout created before, the
// receipt converging with Stripe, and a new checkout from the store's public buy link.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { useTestDatabase } from "../support/db";
import { sellingSeller } from "../support/seller";
import { useStripeEmulator } from "../support/stripe";
import { params, putOnPlan, useUsageIsolation } from "./support";
import { POST as checkoutRoute } from "@/app/api/v1/checkout/sessions/route";
import { POST as paymentIntentRoute } from "@/app/api/v1/payment-intents/route";
import { POST as publicCheckoutRoute } from "@/app/api/public/checkout/route";
import { GET as publicOrderRoute } from "@/app/api/public/orders/[id]/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { prisma } from "@/lib/db/client";

const APP = "http://localhost:3000";

describe("a blocked orders limit never stops a buyer", () => {
  useTestDatabase();
  const stripe = useStripeEmulator();
  useUsageIsolation();

  it("refuses the store's new orders past the limit and lets buyers pay", async () => {
    process.env.RATE_LIMIT_CHECKOUT = "1000/minute";
    const s = await sellingSeller(stripe());
    const { secret } = await createApiKey(s.store.id, s.user.id, { name: "k" }, s.audit);
    const call = (url: string, body: unknown) =>
      new NextRequest(new URL(url, APP), {
        method: "POST",
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    await putOnPlan(s.store.id, { limits: { orders: 2 }, overage: { orders: { mode: "block" } } });

    const first = await checkoutRoute(call("/api/v1/checkout/sessions", { priceId: s.priceId }), params());
    expect(first.status).toBe(201);
    const created = await first.json();
    expect((await checkoutRoute(call("/api/v1/checkout/sessions", { priceId: s.priceId }), params())).status).toBe(201);

    // Exactly at the limit: the third order is refused, by either API, and nothing is created.
    const refused = await checkoutRoute(call("/api/v1/checkout/sessions", { priceId: s.priceId }), params());
    expect(refused.status).toBe(429);
    expect((await refused.json()).error).toMatchObject({
      code: "usage_limit_reached",
      details: { resource: "orders", limit: 2, used: 2, mode: "block" },
    });
    const elements = await paymentIntentRoute(call("/api/v1/payment-intents", { priceId: s.priceId }), params());
    expect(elements.status).toBe(429);
    expect(await prisma.order.count({ where: { storeId: s.store.id } })).toBe(2);

    // The buyer of the first checkout pays; the receipt converges to PAID.
    await stripe().controls.completeCheckout(created.id, { card: "4242424242424242" });
    // The receipt page re-reads Stripe at most every few seconds per order: as if it polled a moment later.
    await prisma.order.update({ where: { id: created.order.id }, data: { updatedAt: new Date(Date.now() - 60_000) } });
    const receipt = await publicOrderRoute(
      new NextRequest(new URL(`/api/public/orders/${created.order.id}`, APP)),
      params({ id: created.order.id }),
    );
    expect(receipt.status).toBe(200);
    expect((await receipt.json()).status).toBe("PAID");

    // A buyer on the store's buy link still gets a checkout.
    const buyer = await publicCheckoutRoute(
      new NextRequest(new URL("/api/public/checkout", APP), {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.20" },
        body: JSON.stringify({ priceId: s.priceId }),
      }),
      params(),
    );
    expect(buyer.status).toBe(200);
    expect((await buyer.json()).url).toMatch(/^http/);
    expect(await prisma.order.count({ where: { storeId: s.store.id } })).toBe(3);
  });
});
