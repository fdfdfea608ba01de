// The /docs/callbacks page lists the events from lib/callbacks/contract-reference.ts: it must name
// every event type Vitrine can send, and say the same as docs/store-integration.md (whose table
// tests/callbacks/contract.test.ts pins to the schemas), so the page, the docs and the code agree.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contractReference, contractTableMarkdown } from "@/lib/callbacks/contract-reference";
import { STORE_EVENT_TYPES } from "@/lib/callbacks/event-types";
import { paymentSucceeded, StoreEventSchema } from "@/lib/callbacks/contract";
import { buildStoreEvent } from "@/lib/callbacks/enqueue";

describe("callback contract reference", () => {
  it("lists every event type a store can receive, once", () => {
    expect(contractReference().map((e) => e.type)).toEqual([...STORE_EVENT_TYPES]);
  });

  it("is the table docs/store-integration.md carries", () => {
    const doc = readFileSync("docs/store-integration.md", "utf8");
    const between = doc.match(/<!-- store-events:start -->\n([\s\S]*?)\n<!-- store-events:end -->/)?.[1];
    expect(between).toBe(contractTableMarkdown());
  });

  it("names the fields a real body carries, with the nullable ones marked", () => {
    const body = buildStoreEvent({
      sourceKey: "ref",
      ...paymentSucceeded({
        pixCharge: {
          id: "chg_ref",
          externalOrderId: null,
          storeId: "st_ref",
          amountCentavos: 500,
          gateway: null,
          reference: "VTREF",
          transactionId: null,
          endToEndId: null,
          paidAmountCentavos: null,
          refundedCentavos: 0,
          customer: null,
          paidAt: null,
          failureCode: null,
          failureMessage: null,
        },
      }),
    });
    expect(StoreEventSchema.safeParse(body).success).toBe(true);
    const pix = contractReference()
      .find((e) => e.type === "payment.succeeded")!
      .variants.find((v) => v.fields.some((f) => f.name === "pixChargeId"))!;
    expect(pix.fields.map((f) => f.name)).toEqual(Object.keys(body.data));
    expect(pix.fields.find((f) => f.name === "gateway")?.nullable).toBe(true);
    expect(pix.fields.find((f) => f.name === "amount")?.nullable).toBe(false);
    expect(pix.statuses).toEqual(["paid"]);
  });
});
