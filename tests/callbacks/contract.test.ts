// The store-callback contract (lib/callbacks/contract.ts) against its documentation: every JSON
// example in docs/store-integration.md is accepted by StoreEventSchema and has the keys, in the
// same order, and the value types of what the builder for its type produces; the table of event
// types there is the one rendered from the schemas; each builder's exact output is pinned.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  disputeClosed,
  disputeCreated,
  type OrderFacts,
  paymentFailed,
  paymentRefunded,
  paymentSucceeded,
  type PixChargeFacts,
  type StoreEventPayload,
  StoreEventSchema,
  storeEventForStatus,
  subscriptionCanceled,
  subscriptionUpdated,
  testPaymentSucceeded,
} from "@/lib/callbacks/contract";
import { STORE_EVENT_TYPES } from "@/lib/callbacks/event-types";

const DOC = "docs/store-integration.md";
const doc = readFileSync(DOC, "utf8");

const order: OrderFacts = {
  id: "cm3ord0000000000000000001",
  externalOrderId: "PED-1042",
  storeId: "cm3sto0000000000000000001",
  amountTotal: 4990,
  currency: "BRL",
  channel: "CHECKOUT",
  paymentIntentId: "pi_3QxYz0000000000000000001",
  checkoutSessionId: "cs_test_a1B2c3D4e5F6g7H8",
  subscriptionId: null,
  customerEmail: "maria@example.com",
  failureCode: null,
  failureMessage: null,
};
const declined: OrderFacts = {
  ...order,
  channel: "ELEMENTS",
  checkoutSessionId: null,
  failureCode: "card_declined",
  failureMessage: "Your card was declined.",
};
/** A later invoice of a subscription bought through Checkout (lib/orders/renewals.ts). */
const renewal: OrderFacts = {
  ...order,
  id: "cm3ren0000000000000000001",
  externalOrderId: "ASSIN-77",
  channel: "RENEWAL",
  checkoutSessionId: null,
  subscriptionId: "sub_1QxYz0000000000000000001",
  invoiceId: "in_1QxYz0000000000000000002",
  periodStart: new Date("2026-12-22T12:00:00.000Z"),
  periodEnd: new Date("2027-01-22T12:00:00.000Z"),
};
const pix: PixChargeFacts = {
  id: "cm3pix0000000000000000001",
  externalOrderId: "PED-1043",
  storeId: order.storeId,
  amountCentavos: 4990,
  gateway: "pushinpay",
  reference: "VT3F9K2M7QX4",
  transactionId: "9f1c2d3e-0000-4000-8000-000000000001",
  endToEndId: "E18236120202611221200s0123456789",
  paidAmountCentavos: 4990,
  refundedCentavos: 0,
  customer: { name: "Maria da Silva", email: "maria@example.com" },
  paidAt: new Date("2026-11-22T12:00:00.000Z"),
  failureCode: null,
  failureMessage: null,
};
const sub = { id: "sub_1QxYz0000000000000000001", cancelAtPeriodEnd: true, currentPeriodEnd: 1797993600 };

/** One output of each builder for each source it takes: every variant of the contract. */
const built: StoreEventPayload[] = [
  paymentSucceeded({ order }),
  paymentSucceeded({ pixCharge: pix }),
  testPaymentSucceeded({ id: order.storeId, currency: "BRL" }),
  paymentFailed({ order: declined }),
  paymentSucceeded({ order: renewal }),
  paymentFailed({
    order: { ...renewal, failureCode: "insufficient_funds", failureMessage: "Your card has insufficient funds." },
  }),
  paymentRefunded({
    order,
    refund: { id: "re_3QxYz01", amount: 2000 },
    amountRefunded: 2000,
    status: "partially_refunded",
  }),
  paymentRefunded({ pixCharge: { ...pix, refundedCentavos: 4990 }, status: "refunded" }),
  disputeCreated({ order, dispute: { id: "dp_1QxYz01", amount: 4990, reason: "fraudulent" } }),
  disputeCreated({ pixCharge: pix }),
  disputeClosed({
    pixCharge: { ...pix, refundedCentavos: 4990, status: "refunded" },
    dispute: { id: "cm3med0000000000000000001", outcome: "refunded", closedAt: new Date("2026-11-29T12:00:00.000Z") },
  }),
  subscriptionUpdated({ order, subscription: { ...sub, status: "active" } }),
  subscriptionCanceled({ order, subscription: { ...sub, status: "canceled", cancelAtPeriodEnd: false } }),
];

const envelope = (p: StoreEventPayload) => ({
  id: "evt_3d12afa10f81e10c6182a8d6",
  type: p.type,
  created: 1795315199,
  livemode: false,
  data: p.data,
});

// --- Reading the schemas ---

type DataSchema = z.ZodObject;
const eventSchemas = StoreEventSchema.options as unknown as z.ZodObject[];
const schemaOf = (type: string) => eventSchemas.find((s) => (s.shape.type as z.ZodLiteral).value === type)!;
/** The data variants of an event type, in the order the schema lists them. */
const variantsOf = (type: string): DataSchema[] => {
  const data = schemaOf(type).shape.data;
  return data instanceof z.ZodUnion ? (data.options as DataSchema[]) : [data as DataSchema];
};
const variantIndex = (type: string, data: unknown) => variantsOf(type).findIndex((v) => v.safeParse(data).success);

/** Each key with its value's JSON type; a null (allowed or not, the schema decides) matches any type. */
const shapeOf = (value: Record<string, unknown>, other: Record<string, unknown>) =>
  Object.entries(value).map(([k, v]) => [k, v === null || other[k] === null ? "any" : typeof v] as const);

function statusText(schema: z.ZodType): string {
  if (schema instanceof z.ZodLiteral) return [...schema.values].map((v) => `\`${String(v)}\``).join(", ");
  if (schema instanceof z.ZodEnum) return schema.options.map((v) => `\`${String(v)}\``).join(", ");
  return schema.description ?? "";
}

/** The table in docs/store-integration.md, rendered from the schemas. */
function renderTable(): string {
  const rows = ["| `type` | from | `data.status` | `data` fields (`?` may be `null`) |", "| --- | --- | --- | --- |"];
  for (const type of STORE_EVENT_TYPES)
    for (const variant of variantsOf(type)) {
      const fields = Object.entries(variant.shape).map(
        ([k, s]) => `\`${k}${(s as z.ZodType).safeParse(null).success ? "?" : ""}\``,
      );
      rows.push(
        `| \`${type}\` | ${variant.description} | ${statusText(variant.shape.status as z.ZodType)} | ${fields.join(", ")} |`,
      );
    }
  return rows.join("\n");
}

/** The fenced json blocks of the page: each one is a whole callback body. */
function documentedExamples(): unknown[] {
  return [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!));
}

describe("docs/store-integration.md examples", () => {
  const examples = documentedExamples();

  it("document every variant of every event type", () => {
    const documented = new Set(
      examples.map((e) => {
        const { type, data } = e as { type: string; data: unknown };
        return `${type}#${variantIndex(type, data)}`;
      }),
    );
    const all = STORE_EVENT_TYPES.flatMap((t) => variantsOf(t).map((_, i) => `${t}#${i}`));
    expect([...documented].sort()).toEqual(all.sort());
  });

  it.each(examples.map((e, i) => [i, e] as const))("example %i is accepted by StoreEventSchema", (_, example) => {
    const parsed = StoreEventSchema.safeParse(example);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it.each(examples.map((e, i) => [i, e] as const))(
    "example %i has the builder's keys, key order and value types",
    (_, example) => {
      const { type, data, ...rest } = example as { type: string; data: Record<string, unknown> };
      expect(Object.keys({ type, ...rest })).toEqual(expect.arrayContaining(["id", "type", "created", "livemode"]));
      const variant = variantIndex(type, data);
      const same = built.find((b) => b.type === type && variantIndex(type, b.data) === variant);
      expect(same, `a builder output for ${type} variant ${variant}`).toBeDefined();
      const body = envelope(same!);
      expect(Object.keys(example as object)).toEqual(Object.keys(body));
      const builder = same!.data as Record<string, unknown>;
      expect(shapeOf(data, builder)).toEqual(shapeOf(builder, data));
    },
  );

  it("carry the table of event types and data fields rendered from the contract", () => {
    const between = doc.match(/<!-- store-events:start -->\n([\s\S]*?)\n<!-- store-events:end -->/);
    expect(between?.[1], `paste into ${DOC} between the store-events markers:\n${renderTable()}`).toBe(renderTable());
  });
});

describe("the builders", () => {
  it.each(built.map((b) => [b.type, b] as const))("%s output is a valid callback body", (_, payload) => {
    const parsed = StoreEventSchema.safeParse(envelope(payload));
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(Object.keys(payload.data)).toEqual(
      Object.keys(variantsOf(payload.type)[variantIndex(payload.type, payload.data)]!.shape),
    );
  });

  // Exact bytes: the JSON a store receives is what these literals serialise to, keys in this order.
  const exact = (payload: StoreEventPayload, expected: object) =>
    expect(JSON.stringify(payload)).toBe(JSON.stringify(expected));

  const head = {
    orderId: "PED-1042",
    vitrineOrderId: order.id,
    storeId: order.storeId,
    provider: "stripe",
    amount: 4990,
    currency: "BRL",
  };
  const pixData = (status: string, over: Record<string, unknown> = {}) => ({
    orderId: "PED-1043",
    pixChargeId: pix.id,
    storeId: pix.storeId,
    provider: "pix",
    amount: 4990,
    currency: "BRL",
    status,
    channel: "pix",
    method: "pix",
    priceId: null,
    quantity: null,
    gateway: "pushinpay",
    reference: pix.reference,
    transactionId: pix.transactionId,
    endToEndId: pix.endToEndId,
    paidAmount: 4990,
    refundedAmount: 0,
    customerEmail: "maria@example.com",
    paidAt: "2026-11-22T12:00:00.000Z",
    failureCode: null,
    failureMessage: null,
    ...over,
  });

  it("paymentSucceeded from a Stripe order", () =>
    exact(paymentSucceeded({ order }), {
      type: "payment.succeeded",
      data: {
        ...head,
        status: "paid",
        channel: "checkout",
        method: "card",
        priceId: null,
        quantity: null,
        paymentIntentId: order.paymentIntentId,
        checkoutSessionId: order.checkoutSessionId,
        subscriptionId: null,
        customerEmail: "maria@example.com",
        failureCode: null,
        failureMessage: null,
      },
    }));

  it("paymentSucceeded from a PIX charge (orderId falls back to the charge id; no customer email is null)", () => {
    exact(paymentSucceeded({ pixCharge: pix }), { type: "payment.succeeded", data: pixData("paid") });
    exact(paymentSucceeded({ pixCharge: { ...pix, externalOrderId: null, customer: null, paidAt: null } }), {
      type: "payment.succeeded",
      data: pixData("paid", { orderId: pix.id, customerEmail: null, paidAt: null }),
    });
  });

  it("says how the buyer paid: a boleto order is method boleto; a PIX charge from a buy link carries its price and quantity", () => {
    const boleto = paymentSucceeded({
      order: {
        ...declined,
        paymentMethodType: "boleto",
        priceId: "price_1",
        quantity: 2,
        failureCode: null,
        failureMessage: null,
      },
    });
    expect(boleto.data).toMatchObject({ method: "boleto", channel: "elements", priceId: "price_1", quantity: 2 });
    const card = paymentSucceeded({
      order: { ...declined, paymentMethodType: "card", priceId: "price_1", quantity: 1 },
    });
    expect(card.data).toMatchObject({ method: "card", priceId: "price_1", quantity: 1 });
    exact(paymentSucceeded({ pixCharge: { ...pix, priceId: "price_1", quantity: 3 } }), {
      type: "payment.succeeded",
      data: pixData("paid", { priceId: "price_1", quantity: 3 }),
    });
  });

  it("testPaymentSucceeded", () =>
    exact(testPaymentSucceeded({ id: "st_1", currency: "USD" }), {
      type: "payment.succeeded",
      data: {
        orderId: null,
        storeId: "st_1",
        provider: "stripe",
        amount: 1990,
        currency: "USD",
        status: "succeeded",
        method: "card",
        test: true,
      },
    }));

  it("paymentFailed (orderId falls back to Vitrine's id)", () =>
    exact(paymentFailed({ order: { ...declined, externalOrderId: null } }), {
      type: "payment.failed",
      data: {
        ...head,
        orderId: order.id,
        status: "failed",
        channel: "elements",
        method: "card",
        priceId: null,
        quantity: null,
        paymentIntentId: order.paymentIntentId,
        checkoutSessionId: null,
        subscriptionId: null,
        customerEmail: "maria@example.com",
        failureCode: "card_declined",
        failureMessage: "Your card was declined.",
      },
    }));

  it("paymentSucceeded and paymentFailed from a subscription renewal (period in Unix seconds)", () => {
    const renewalData = (status: string, failureCode: string | null, failureMessage: string | null) => ({
      ...head,
      orderId: "ASSIN-77",
      vitrineOrderId: renewal.id,
      status,
      channel: "renewal",
      method: "card",
      paymentIntentId: order.paymentIntentId,
      subscriptionId: renewal.subscriptionId,
      invoiceId: renewal.invoiceId,
      periodStart: 1797940800,
      periodEnd: 1800619200,
      customerEmail: "maria@example.com",
      failureCode,
      failureMessage,
    });
    exact(paymentSucceeded({ order: renewal }), { type: "payment.succeeded", data: renewalData("paid", null, null) });
    exact(paymentFailed({ order: { ...renewal, failureCode: "card_declined", failureMessage: "Declined." } }), {
      type: "payment.failed",
      data: renewalData("failed", "card_declined", "Declined."),
    });
  });

  it("paymentRefunded from a Stripe refund and from a PIX refund total", () => {
    exact(
      paymentRefunded({
        order,
        refund: { id: "re_1", amount: 2000 },
        amountRefunded: 3000,
        status: "partially_refunded",
      }),
      {
        type: "payment.refunded",
        data: { ...head, status: "partially_refunded", refundId: "re_1", refundAmount: 2000, amountRefunded: 3000 },
      },
    );
    exact(paymentRefunded({ pixCharge: { ...pix, refundedCentavos: 4990 }, status: "refunded" }), {
      type: "payment.refunded",
      data: pixData("refunded", { refundedAmount: 4990 }),
    });
  });

  it("disputeCreated from a Stripe dispute (amount is the disputed amount) and from a PIX charge", () => {
    exact(disputeCreated({ order, dispute: { id: "dp_1", amount: 1000, reason: "fraudulent" } }), {
      type: "dispute.created",
      data: { ...head, amount: 1000, status: "disputed", disputeId: "dp_1", reason: "fraudulent" },
    });
    exact(disputeCreated({ pixCharge: pix }), { type: "dispute.created", data: pixData("disputed") });
  });

  it("disputeClosed from a PIX MED that ended: the charge after it and how the MED ended", () => {
    const closedAt = new Date("2026-11-29T12:00:00.000Z");
    exact(
      disputeClosed({ pixCharge: { ...pix, status: "paid" }, dispute: { id: "med_1", outcome: "rejected", closedAt } }),
      {
        type: "dispute.closed",
        data: { ...pixData("paid"), disputeId: "med_1", outcome: "rejected", closedAt: "2026-11-29T12:00:00.000Z" },
      },
    );
  });

  it("subscriptionUpdated and subscriptionCanceled", () => {
    exact(subscriptionUpdated({ order, subscription: { ...sub, status: "past_due", currentPeriodEnd: null } }), {
      type: "subscription.updated",
      data: {
        ...head,
        status: "past_due",
        subscriptionId: sub.id,
        cancelAtPeriodEnd: true,
        currentPeriodEnd: null,
      },
    });
    exact(subscriptionCanceled({ order, subscription: { ...sub, status: "canceled" } }), {
      type: "subscription.canceled",
      data: {
        ...head,
        status: "canceled",
        subscriptionId: sub.id,
        cancelAtPeriodEnd: true,
        currentPeriodEnd: 1797993600,
      },
    });
  });

  it("the one status → event map serves order statuses (any case) and PIX statuses", () => {
    expect(
      ["PAID", "FAILED", "PARTIALLY_REFUNDED", "REFUNDED", "DISPUTED", "PENDING", "EXPIRED", "CANCELED"].map(
        storeEventForStatus,
      ),
    ).toEqual([
      "payment.succeeded",
      "payment.failed",
      "payment.refunded",
      "payment.refunded",
      "dispute.created",
      undefined,
      undefined,
      undefined,
    ]);
    expect(["paid", "refunded", "disputed", "pending", "constructor"].map(storeEventForStatus)).toEqual([
      "payment.succeeded",
      "payment.refunded",
      "dispute.created",
      undefined,
      undefined,
    ]);
  });

  it("the schema refuses what the contract does not allow", () => {
    const ok = envelope(paymentSucceeded({ order }));
    const bad = (change: (e: typeof ok) => unknown) => StoreEventSchema.safeParse(change(structuredClone(ok))).success;
    expect(bad((e) => e)).toBe(true);
    expect(bad((e) => ({ ...e, data: { ...e.data, extra: 1 } }))).toBe(false);
    expect(bad((e) => ({ ...e, data: { ...e.data, currency: "brl" } }))).toBe(false);
    expect(bad((e) => ({ ...e, data: { ...e.data, amount: 49.9 } }))).toBe(false);
    expect(bad((e) => ({ ...e, type: "payment.failed" }))).toBe(false);
    expect(
      StoreEventSchema.safeParse(envelope(subscriptionUpdated({ order, subscription: { ...sub, status: "canceled" } })))
        .success,
    ).toBe(false);
  });
});
