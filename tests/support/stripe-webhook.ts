// A Stripe webhook delivery to our platform route, signed the way Stripe signs it (the SDK's own
// test header), optionally stamped at another time.
import { NextRequest } from "next/server";
import Stripe from "stripe";

export function signedStripeDelivery(body: unknown, secret: string, opts: { timestamp?: number } = {}): NextRequest {
  const payload = JSON.stringify(body);
  const signature = new Stripe("sk_test_x").webhooks.generateTestHeaderString({
    payload,
    secret,
    timestamp: opts.timestamp,
  });
  return new NextRequest(new URL("/api/webhooks/stripe", "http://localhost:3000"), {
    method: "POST",
    body: payload,
    headers: { "stripe-signature": signature, "content-type": "application/json" },
  });
}
