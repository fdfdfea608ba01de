// The store-callback contract (docs/store-integration.md): what each event type's `data` holds,
// as zod schemas with their inferred types, and one builder per event type. Orders, refunds,
// disputes, PIX charges, subscriptions and the dashboard's test event all build their callbacks
// here. Framework-free (no server imports) so docs, tests and the dashboard can use it.
// The builders fix the key order of `data`: it is the order the schemas list the fields in.
import { z } from "zod";
import type { StoreEventType } from "./event-types";

const minor = z.int();
const text = z.string();
const nullableText = z.string().nullable();
const currency = z.string().regex(/^[A-Z]{3}$/);

/** The order part every callback about a Stripe order starts with. */
const orderHead = {
  orderId: text,
  vitrineOrderId: text,
  storeId: text,
  provider: z.literal("stripe"),
  amount: minor,
  currency,
};

/** How the buyer paid (additive to v1): card (at once or in installments), boleto or PIX. */
const paymentMethod = z.enum(["card", "boleto", "pix"]);
export type PaymentMethod = z.infer<typeof paymentMethod>;

const REFUND_STATUSES = ["refunded", "partially_refunded"] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

const orderPaymentData = <S extends "paid" | "failed">(status: S) =>
  z
    .strictObject({
      ...orderHead,
      status: z.literal(status),
      channel: z.enum(["checkout", "elements"]),
      method: paymentMethod,
      priceId: nullableText,
      quantity: minor.nullable(),
      paymentIntentId: nullableText,
      checkoutSessionId: nullableText,
      subscriptionId: nullableText,
      customerEmail: nullableText,
      failureCode: nullableText,
      failureMessage: nullableText,
    })
    .describe("Stripe order");

/** A paid or failed later invoice of a subscription bought through Checkout (lib/orders/renewals.ts). */
const renewalPaymentData = <S extends "paid" | "failed">(status: S) =>
  z
    .strictObject({
      ...orderHead,
      status: z.literal(status),
      channel: z.literal("renewal"),
      method: z.literal("card"),
      paymentIntentId: nullableText,
      subscriptionId: text,
      invoiceId: text,
      periodStart: z.int().nullable().describe("Unix seconds"),
      periodEnd: z.int().nullable().describe("Unix seconds"),
      customerEmail: nullableText,
      failureCode: nullableText,
      failureMessage: nullableText,
    })
    .describe("Stripe subscription renewal");

const OrderRefundData = z
  .strictObject({
    ...orderHead,
    status: z.enum(REFUND_STATUSES),
    refundId: text,
    refundAmount: minor,
    amountRefunded: minor,
  })
  .describe("Stripe refund (one per refund)");

const OrderDisputeData = z
  .strictObject({ ...orderHead, status: z.literal("disputed"), disputeId: text, reason: text })
  .describe("Stripe dispute (`amount` is the disputed amount)");

const pixChargeFields = <S extends z.ZodType<string>>(status: S) => ({
  orderId: text,
  pixChargeId: text,
  storeId: text,
  provider: z.literal("pix"),
  amount: minor,
  currency: z.literal("BRL"),
  status,
  channel: z.literal("pix"),
  method: z.literal("pix"),
  priceId: nullableText.describe("The price, when the charge was made from its buy link"),
  quantity: minor.nullable(),
  gateway: nullableText,
  reference: text,
  transactionId: nullableText,
  endToEndId: nullableText,
  paidAmount: minor.nullable(),
  refundedAmount: minor,
  customerEmail: nullableText,
  paidAt: z.iso.datetime().nullable(),
  failureCode: nullableText,
  failureMessage: nullableText,
});

const pixChargeData = <S extends z.ZodType<string>>(status: S) =>
  z.strictObject(pixChargeFields(status)).describe("PIX charge");

/** A PIX MED case that ended: the charge's status after it, and how the MED ended. */
const PixDisputeClosedData = z
  .strictObject({
    ...pixChargeFields(z.enum(["paid", "refunded"])),
    disputeId: text,
    outcome: z
      .enum(["refunded", "rejected"])
      .describe("refunded: the payer got the money back; rejected: the seller keeps it"),
    closedAt: z.iso.datetime(),
  })
  .describe("PIX MED (Mecanismo Especial de Devolução)");

const subscriptionData = <S extends z.ZodType<string>>(status: S) =>
  z
    .strictObject({
      ...orderHead,
      status,
      subscriptionId: text,
      cancelAtPeriodEnd: z.boolean(),
      currentPeriodEnd: z.int().nullable(),
    })
    .describe("Stripe subscription bought from the store");

const TestPaymentData = z
  .strictObject({
    orderId: z.null(),
    storeId: text,
    provider: z.literal("stripe"),
    amount: minor,
    currency,
    status: z.literal("succeeded"),
    method: z.literal("card"),
    test: z.literal(true),
  })
  .describe("dashboard test event");

const event = <T extends StoreEventType, D extends z.ZodType>(type: T, data: D) =>
  z.strictObject({
    id: z.string().regex(/^evt_[0-9a-f]{24}$/),
    type: z.literal(type),
    created: z.int(),
    livemode: z.boolean(),
    data,
  });

export const PaymentSucceededEvent = event(
  "payment.succeeded",
  z.union([orderPaymentData("paid"), renewalPaymentData("paid"), pixChargeData(z.literal("paid")), TestPaymentData]),
);
export const PaymentFailedEvent = event(
  "payment.failed",
  z.union([orderPaymentData("failed"), renewalPaymentData("failed")]),
);
export const PaymentRefundedEvent = event(
  "payment.refunded",
  z.union([OrderRefundData, pixChargeData(z.enum(REFUND_STATUSES))]),
);
export const DisputeCreatedEvent = event(
  "dispute.created",
  z.union([OrderDisputeData, pixChargeData(z.literal("disputed"))]),
);
export const DisputeClosedEvent = event("dispute.closed", PixDisputeClosedData);
export const SubscriptionUpdatedEvent = event(
  "subscription.updated",
  subscriptionData(
    z
      .string()
      .refine((s) => s !== "canceled", "a canceled subscription is subscription.canceled")
      .describe("Stripe's subscription status (`active`, `trialing`, `past_due`, …)"),
  ),
);
export const SubscriptionCanceledEvent = event("subscription.canceled", subscriptionData(z.literal("canceled")));

/** What a store receives: the validator of a whole callback body, one member per event type. */
export const StoreEventSchema = z.discriminatedUnion("type", [
  PaymentSucceededEvent,
  PaymentFailedEvent,
  PaymentRefundedEvent,
  DisputeCreatedEvent,
  DisputeClosedEvent,
  SubscriptionUpdatedEvent,
  SubscriptionCanceledEvent,
]);
export type StoreEvent = z.infer<typeof StoreEventSchema>;

type PayloadOf<E> = E extends StoreEvent ? { type: E["type"]; data: E["data"] } : never;
/** What a builder returns and the outbox takes: the type and its data (id, created and livemode come from the outbox). */
export type StoreEventPayload = PayloadOf<StoreEvent>;
export type StoreEventOf<T extends StoreEventType> = Extract<StoreEventPayload, { type: T }>;

/**
 * The callback a payment sends when it reaches a status, the one map for Stripe orders (status
 * lower-cased) and PIX charges. A PIX charge that fails (expires, is canceled at the gateway)
 * sends nothing: its transition code only asks for `dispute.created` here.
 */
const STORE_EVENT_FOR_STATUS = {
  paid: "payment.succeeded",
  failed: "payment.failed",
  partially_refunded: "payment.refunded",
  refunded: "payment.refunded",
  disputed: "dispute.created",
} as const satisfies Record<string, StoreEventType>;

export function storeEventForStatus(status: string): StoreEventType | undefined {
  const key = status.toLowerCase();
  return Object.hasOwn(STORE_EVENT_FOR_STATUS, key)
    ? STORE_EVENT_FOR_STATUS[key as keyof typeof STORE_EVENT_FOR_STATUS]
    : undefined;
}

// --- Builders: the facts each source has, and the one function per event type. ---

/** The order fields a callback reads (a Prisma `Order` fits). */
export type OrderFacts = {
  id: string;
  externalOrderId: string | null;
  storeId: string;
  amountTotal: number;
  currency: string;
  channel: "CHECKOUT" | "ELEMENTS" | "RENEWAL";
  paymentIntentId: string | null;
  checkoutSessionId: string | null;
  subscriptionId: string | null;
  customerEmail: string | null;
  failureCode: string | null;
  failureMessage: string | null;
  /** "card" | "boleto" once the buyer chose (Elements); Checkout orders are card payments. */
  paymentMethodType?: string | null;
  priceId?: string | null;
  quantity?: number | null;
  /** Renewals: the invoice and the period it paid for. */
  invoiceId?: string | null;
  periodStart?: Date | null;
  periodEnd?: Date | null;
};
export type OrderHeadFacts = Pick<OrderFacts, "id" | "externalOrderId" | "storeId" | "amountTotal" | "currency">;

/** The PIX charge fields a callback reads (a Prisma `PixCharge` fits). */
export type PixChargeFacts = {
  id: string;
  externalOrderId: string | null;
  storeId: string;
  amountCentavos: number;
  gateway: string | null;
  reference: string;
  transactionId: string | null;
  endToEndId: string | null;
  paidAmountCentavos: number | null;
  refundedCentavos: number;
  customer: unknown;
  paidAt: Date | null;
  failureCode: string | null;
  failureMessage: string | null;
  /** Charges made from a price's buy link. */
  priceId?: string | null;
  quantity?: number | null;
};

export type SubscriptionFacts = {
  id: string;
  status: string;
  cancelAtPeriodEnd: boolean;
  currentPeriodEnd: number | null;
};

function orderHeadData(order: OrderHeadFacts) {
  return {
    orderId: order.externalOrderId ?? order.id,
    vitrineOrderId: order.id,
    storeId: order.storeId,
    provider: "stripe" as const,
    amount: order.amountTotal,
    currency: order.currency,
  };
}

const unixSeconds = (d: Date | null | undefined) => (d ? Math.floor(d.getTime() / 1000) : null);

/** A renewal row always has its subscription and invoice (lib/orders/renewals.ts writes both). */
function renewalRef(value: string | null | undefined, field: string): string {
  if (!value) throw new Error(`A renewal order without ${field}`);
  return value;
}

function orderPayment<S extends "paid" | "failed">(order: OrderFacts, status: S) {
  if (order.channel === "RENEWAL")
    return {
      ...orderHeadData(order),
      status,
      channel: "renewal" as const,
      method: "card" as const,
      paymentIntentId: order.paymentIntentId,
      subscriptionId: renewalRef(order.subscriptionId, "subscriptionId"),
      invoiceId: renewalRef(order.invoiceId, "invoiceId"),
      periodStart: unixSeconds(order.periodStart),
      periodEnd: unixSeconds(order.periodEnd),
      customerEmail: order.customerEmail,
      failureCode: order.failureCode,
      failureMessage: order.failureMessage,
    };
  return {
    ...orderHeadData(order),
    status,
    channel: order.channel === "ELEMENTS" ? ("elements" as const) : ("checkout" as const),
    method: order.paymentMethodType === "boleto" ? ("boleto" as const) : ("card" as const),
    priceId: order.priceId ?? null,
    quantity: order.quantity ?? null,
    paymentIntentId: order.paymentIntentId,
    checkoutSessionId: order.checkoutSessionId,
    subscriptionId: order.subscriptionId,
    customerEmail: order.customerEmail,
    failureCode: order.failureCode,
    failureMessage: order.failureMessage,
  };
}

/** The same shape as a Stripe order's data, with provider "pix" and the charge's own fields. */
function pixCharge<S extends string>(charge: PixChargeFacts, status: S) {
  const customer = (charge.customer ?? {}) as { email?: string };
  return {
    orderId: charge.externalOrderId ?? charge.id,
    pixChargeId: charge.id,
    storeId: charge.storeId,
    provider: "pix" as const,
    amount: charge.amountCentavos,
    currency: "BRL" as const,
    status,
    channel: "pix" as const,
    method: "pix" as const,
    priceId: charge.priceId ?? null,
    quantity: charge.quantity ?? null,
    gateway: charge.gateway,
    reference: charge.reference,
    transactionId: charge.transactionId,
    endToEndId: charge.endToEndId,
    paidAmount: charge.paidAmountCentavos,
    refundedAmount: charge.refundedCentavos,
    customerEmail: customer.email ?? null,
    paidAt: charge.paidAt?.toISOString() ?? null,
    failureCode: charge.failureCode,
    failureMessage: charge.failureMessage,
  };
}

function subscription<S extends string>(order: OrderHeadFacts, sub: SubscriptionFacts, status: S) {
  return {
    ...orderHeadData(order),
    status,
    subscriptionId: sub.id,
    cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
    currentPeriodEnd: sub.currentPeriodEnd,
  };
}

/** A Stripe order became PAID, or a PIX charge was paid. */
export function paymentSucceeded(from: { order: OrderFacts } | { pixCharge: PixChargeFacts }) {
  return {
    type: "payment.succeeded",
    data: "order" in from ? orderPayment(from.order, "paid") : pixCharge(from.pixCharge, "paid"),
  } satisfies StoreEventOf<"payment.succeeded">;
}

/** A Stripe order's payment attempt was declined (the order is FAILED; it may still be paid later). */
export function paymentFailed(from: { order: OrderFacts }) {
  return { type: "payment.failed", data: orderPayment(from.order, "failed") } satisfies StoreEventOf<"payment.failed">;
}

/** One Stripe refund of an order, or a new refund total of a PIX charge. */
export function paymentRefunded(
  from:
    | { order: OrderHeadFacts; refund: { id: string; amount: number }; amountRefunded: number; status: RefundStatus }
    | { pixCharge: PixChargeFacts; status: RefundStatus },
) {
  return {
    type: "payment.refunded",
    data:
      "order" in from
        ? {
            ...orderHeadData(from.order),
            status: from.status,
            refundId: from.refund.id,
            refundAmount: from.refund.amount,
            amountRefunded: from.amountRefunded,
          }
        : pixCharge(from.pixCharge, from.status),
  } satisfies StoreEventOf<"payment.refunded">;
}

/** A dispute (chargeback, or a PIX MED) was opened. */
export function disputeCreated(
  from:
    | { order: OrderHeadFacts; dispute: { id: string; amount: number; reason: string } }
    | { pixCharge: PixChargeFacts },
) {
  return {
    type: "dispute.created",
    data:
      "order" in from
        ? {
            ...orderHeadData(from.order),
            amount: from.dispute.amount,
            status: "disputed" as const,
            disputeId: from.dispute.id,
            reason: from.dispute.reason,
          }
        : pixCharge(from.pixCharge, "disputed"),
  } satisfies StoreEventOf<"dispute.created">;
}

/** A PIX MED case ended: refunded to the payer (the charge is refunded) or rejected (still paid). */
export function disputeClosed(from: {
  pixCharge: PixChargeFacts & { status: "paid" | "refunded" };
  dispute: { id: string; outcome: "refunded" | "rejected"; closedAt: Date };
}) {
  return {
    type: "dispute.closed",
    data: {
      ...pixCharge(from.pixCharge, from.pixCharge.status),
      disputeId: from.dispute.id,
      outcome: from.dispute.outcome,
      closedAt: from.dispute.closedAt.toISOString(),
    },
  } satisfies StoreEventOf<"dispute.closed">;
}

/** A buyer's subscription bought from the store changed (any status but canceled). */
export function subscriptionUpdated(from: { order: OrderHeadFacts; subscription: SubscriptionFacts }) {
  return {
    type: "subscription.updated",
    data: subscription(from.order, from.subscription, from.subscription.status),
  } satisfies StoreEventOf<"subscription.updated">;
}

/** A buyer's subscription bought from the store ended. */
export function subscriptionCanceled(from: { order: OrderHeadFacts; subscription: SubscriptionFacts }) {
  return {
    type: "subscription.canceled",
    data: subscription(from.order, from.subscription, "canceled"),
  } satisfies StoreEventOf<"subscription.canceled">;
}

/** The dashboard's "Send test event": a `payment.succeeded` with `test: true` and no order. */
export function testPaymentSucceeded(store: { id: string; currency: string }) {
  return {
    type: "payment.succeeded",
    data: {
      orderId: null,
      storeId: store.id,
      provider: "stripe" as const,
      amount: 1990,
      currency: store.currency,
      status: "succeeded" as const,
      method: "card" as const,
      test: true as const,
    },
  } satisfies StoreEventOf<"payment.succeeded">;
}
