// Verifying a Vitrine store callback in Node.js / TypeScript. Copy this file into your store.
// Exercised by Vitrine's test suite (tests/callbacks/docs-example.test.ts) against real signatures.
import { createHmac, timingSafeEqual } from "node:crypto";
import { Webhook } from "standardwebhooks";

export type VitrineEvent = {
  id: string;
  type: "payment.succeeded" | "payment.failed" | "payment.refunded" | "dispute.created" | "dispute.closed" | "subscription.updated" | "subscription.canceled";
  created: number;
  livemode: boolean;
  data: { orderId: string | null; storeId: string; provider: "stripe" | "pix"; amount: number; currency: string; status: string; [k: string]: unknown };
};

/**
 * Option A — Standard Webhooks (recommended): checks webhook-signature over "id.timestamp.body"
 * and refuses timestamps more than 5 minutes away. Throws on a bad signature.
 * `headers` must contain webhook-id, webhook-timestamp and webhook-signature.
 */
export function verifyWithStandardWebhooks(rawBody: string, headers: Record<string, string>, secret: string): VitrineEvent {
  return new Webhook(secret).verify(rawBody, headers) as VitrineEvent;
}

/**
 * Option B — plain HMAC: X-Payments-Signature is `sha256=<hex>` of the raw body keyed with the
 * whole secret (whsec_… included). During a secret rotation it lists one value per secret,
 * comma-separated; accept the request when any of them matches.
 */
export function verifyPaymentsSignature(rawBody: string, header: string | null | undefined, secret: string): boolean {
  if (!header) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(rawBody, "utf8").digest("hex"), "utf8");
  return header.split(",").some((part) => {
    const [scheme, value] = part.trim().split("=", 2);
    if (scheme !== "sha256" || !value) return false;
    const received = Buffer.from(value, "utf8");
    return received.length === expected.length && timingSafeEqual(received, expected);
  });
}
