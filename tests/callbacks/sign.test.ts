// Signatures on store callbacks: both schemes, checked with the real standardwebhooks package and a plain HMAC.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { generateSigningSecret, paymentsSignature, signCallback, signingSecretPrefix } from "@/lib/callbacks/sign";
import { activeSecrets, sealSecret } from "@/lib/callbacks/secrets";
import { storeEventId } from "@/lib/callbacks/enqueue";

const body = JSON.stringify({
  id: "evt_123",
  type: "payment.succeeded",
  created: 1_790_000_000,
  livemode: false,
  data: { orderId: "ord_1", amount: 4990, currency: "BRL" },
});
const now = () => Math.floor(Date.now() / 1000);

function headersFor(secrets: string[], id = "evt_123", timestamp = now()) {
  return signCallback({ id, timestamp, body, secrets });
}

describe("callback signatures", () => {
  it("generates whsec_ secrets of 32 random bytes and shows only a short prefix", () => {
    const secret = generateSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(32);
    expect(signingSecretPrefix(secret)).toBe(secret.slice(0, 12));
    expect(generateSigningSecret()).not.toBe(secret);
  });

  it("signs X-Payments-Signature as the hex HMAC-SHA256 of the raw body with the whole secret", () => {
    const secret = generateSigningSecret();
    const h = headersFor([secret]);
    expect(h["x-payments-signature"]).toBe(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
    expect(h["x-payments-signature"]).not.toBe(paymentsSignature(body + " ", secret));
  });

  it("produces Standard Webhooks headers that the standardwebhooks library accepts, and rejects tampering", () => {
    const secret = generateSigningSecret();
    const h = headersFor([secret]);
    expect(h["webhook-id"]).toBe("evt_123");
    expect(h["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, h)).toMatchObject({ id: "evt_123", type: "payment.succeeded" });
    expect(() => new Webhook(secret).verify(body.replace("4990", "1"), h)).toThrow();
    expect(() => new Webhook(generateSigningSecret()).verify(body, h)).toThrow();
    expect(() => new Webhook(secret).verify(body, { ...h, "webhook-id": "evt_other" })).toThrow();
  });

  it("during a rotation signs with both secrets: either one verifies with either scheme", () => {
    const [current, previous] = [generateSigningSecret(), generateSigningSecret()];
    const h = headersFor([current, previous]);
    expect(h["webhook-signature"].split(" ")).toHaveLength(2);
    expect(h["x-payments-signature"].split(",")).toEqual([
      paymentsSignature(body, current),
      paymentsSignature(body, previous),
    ]);
    for (const secret of [current, previous])
      expect(new Webhook(secret).verify(body, h)).toMatchObject({ id: "evt_123" });
  });

  it("keeps the previous secret only until its overlap ends", () => {
    const [current, previous] = [generateSigningSecret(), generateSigningSecret()];
    const at = new Date("2026-11-22T12:00:00Z");
    const endpoint = {
      id: "ep_1",
      secretEnc: sealSecret("ep_1", current),
      previousSecretEnc: sealSecret("ep_1", previous),
      previousSecretExpiresAt: new Date("2026-11-23T12:00:00Z"),
    };
    expect(activeSecrets(endpoint, at)).toEqual([current, previous]);
    const after = activeSecrets(endpoint, new Date("2026-11-23T12:00:01Z"));
    expect(after).toEqual([current]);
    const h = headersFor(after);
    expect(new Webhook(current).verify(body, h)).toBeTruthy();
    expect(() => new Webhook(previous).verify(body, h)).toThrow();
    // A sealed secret is bound to its endpoint row.
    expect(() => activeSecrets({ ...endpoint, id: "ep_2", previousSecretEnc: null }, at)).toThrow();
  });

  it("derives the event id from (sourceKey, type) only", () => {
    const id = storeEventId("evt_stripe_1", "payment.succeeded");
    expect(id).toMatch(/^evt_[0-9a-f]{24}$/);
    expect(storeEventId("evt_stripe_1", "payment.succeeded")).toBe(id);
    expect(storeEventId("evt_stripe_1", "payment.refunded")).not.toBe(id);
    expect(storeEventId("pix:chg_1:paid", "payment.succeeded")).not.toBe(id);
  });
});
