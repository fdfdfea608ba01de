// The Node.js snippet in docs/store-integration.md is docs/examples/verify-callback.ts: prove it
// accepts what Vitrine sends (also mid-rotation) and refuses forgeries.
import { describe, expect, it } from "vitest";
import { verifyPaymentsSignature, verifyWithStandardWebhooks } from "@/docs/examples/verify-callback";
import { generateSigningSecret, signCallback } from "@/lib/callbacks/sign";
import { paymentSucceeded } from "@/lib/callbacks/contract";
import { buildStoreEvent } from "@/lib/callbacks/enqueue";

const event = buildStoreEvent({
  sourceKey: "evt_doc",
  ...paymentSucceeded({
    pixCharge: {
      id: "chg_1",
      externalOrderId: "ord_42",
      storeId: "st_1",
      amountCentavos: 12_345,
      gateway: "pushinpay",
      reference: "vt1",
      transactionId: null,
      endToEndId: null,
      paidAmountCentavos: 12_345,
      refundedCentavos: 0,
      customer: null,
      paidAt: new Date("2026-11-22T12:00:00Z"),
      failureCode: null,
      failureMessage: null,
    },
  }),
});
const body = JSON.stringify(event);

describe("docs/examples/verify-callback.ts", () => {
  it("verifies both signatures of a real callback", () => {
    const secret = generateSigningSecret();
    const headers = signCallback({ id: event.id, timestamp: Math.floor(Date.now() / 1000), body, secrets: [secret] });
    expect(verifyWithStandardWebhooks(body, headers, secret)).toEqual(event);
    expect(verifyPaymentsSignature(body, headers["x-payments-signature"], secret)).toBe(true);
  });

  it("accepts either secret during a rotation", () => {
    const [next, old] = [generateSigningSecret(), generateSigningSecret()];
    const headers = signCallback({
      id: event.id,
      timestamp: Math.floor(Date.now() / 1000),
      body,
      secrets: [next, old],
    });
    for (const secret of [next, old]) {
      expect(verifyWithStandardWebhooks(body, headers, secret).id).toBe(event.id);
      expect(verifyPaymentsSignature(body, headers["x-payments-signature"], secret)).toBe(true);
    }
  });

  it("refuses a wrong secret, a changed body, a missing header and a stale timestamp", () => {
    const secret = generateSigningSecret();
    const headers = signCallback({ id: event.id, timestamp: Math.floor(Date.now() / 1000), body, secrets: [secret] });
    const forged = body.replace("12345", "1");
    expect(verifyPaymentsSignature(body, headers["x-payments-signature"], generateSigningSecret())).toBe(false);
    expect(verifyPaymentsSignature(forged, headers["x-payments-signature"], secret)).toBe(false);
    expect(verifyPaymentsSignature(body, undefined, secret)).toBe(false);
    expect(verifyPaymentsSignature(body, "sha256=00", secret)).toBe(false);
    expect(() => verifyWithStandardWebhooks(forged, headers, secret)).toThrow();
    const old = signCallback({
      id: event.id,
      timestamp: Math.floor(Date.now() / 1000) - 3_600,
      body,
      secrets: [secret],
    });
    expect(() => verifyWithStandardWebhooks(body, old, secret)).toThrow();
  });
});

describe("docs/store-integration.md", () => {
  it("shows docs/examples/verify-callback.ts verbatim, so the tested code is the documented code", async () => {
    const { readFile } = await import("node:fs/promises");
    const doc = await readFile("docs/store-integration.md", "utf8");
    const example = await readFile("docs/examples/verify-callback.ts", "utf8");
    const block = /<!-- verify-callback\.ts:start -->\n```ts\n([\s\S]*?)\n```\n<!-- verify-callback\.ts:end -->/.exec(
      doc,
    );
    expect(block?.[1]).toBe(example.trimEnd());
  });
});
