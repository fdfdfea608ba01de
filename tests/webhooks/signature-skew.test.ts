// Stripe-Signature timestamps are checked both ways: the SDK refuses old ones, we refuse ones
// stamped further in the future than the same tolerance (300 s), through the real route.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { signedStripeDelivery } from "../support/stripe-webhook";
import { POST as platformRoute } from "@/app/api/webhooks/stripe/route";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";
import { prisma } from "@/lib/db/client";

const SECRET = "whsec_test_skew_secret";

function delivery(offsetSeconds: number, id: string) {
  return signedStripeDelivery(
    {
      id,
      object: "event",
      type: "customer.created",
      livemode: false,
      api_version: "2025-01-27.acacia",
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: "cus_skew", object: "customer" } },
    },
    SECRET,
    {
      timestamp: Math.floor(Date.now() / 1000) + offsetSeconds,
    },
  );
}

describe("Stripe webhook clock skew", () => {
  useTestDatabase();
  beforeAll(() => {
    process.env.STRIPE_WEBHOOK_SECRET = SECRET;
    resetRateLimiters();
  });

  it("refuses an event signed 10 minutes in the future (400, nothing stored)", async () => {
    const res = await platformRoute(delivery(600, "evt_skew_future_10m"));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_signature");
    expect(await prisma.stripeEvent.count({ where: { id: "evt_skew_future_10m" } })).toBe(0);
  });

  it("accepts an event signed 1 minute in the future", async () => {
    const res = await platformRoute(delivery(60, "evt_skew_future_1m"));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: true });
  });

  it("still refuses one signed 10 minutes ago", async () => {
    expect((await platformRoute(delivery(-600, "evt_skew_past_10m"))).status).toBe(400);
  });
});
