// The order state machine, written once. Statuses only move forward: a paid order is final except
// for refunds and disputes, and a won dispute is the one way back to PAID.
import type { OrderStatus } from "@/generated/prisma/client";

export type OrderEvent =
  | "paid"
  | "failed"
  | "expired"
  | "canceled"
  | "partially_refunded"
  | "refunded"
  | "disputed"
  | "dispute_won";

/** Every allowed move, status → event → next status. Anything not listed is refused. */
export const ORDER_TRANSITIONS: Record<OrderStatus, Partial<Record<OrderEvent, OrderStatus>>> = {
  // A pending order may learn anything first: webhooks arrive in any order.
  PENDING: {
    paid: "PAID",
    failed: "FAILED",
    expired: "EXPIRED",
    canceled: "CANCELED",
    partially_refunded: "PARTIALLY_REFUNDED",
    refunded: "REFUNDED",
    disputed: "DISPUTED",
  },
  // A declined attempt can still be paid by the next one, or run out.
  FAILED: { paid: "PAID", expired: "EXPIRED", canceled: "CANCELED" },
  PAID: { partially_refunded: "PARTIALLY_REFUNDED", refunded: "REFUNDED", disputed: "DISPUTED" },
  PARTIALLY_REFUNDED: { refunded: "REFUNDED", disputed: "DISPUTED" },
  // Won (or closed with a warning): the money stays with the seller. Lost: it stays disputed.
  DISPUTED: { dispute_won: "PAID" },
  REFUNDED: {},
  EXPIRED: {},
  CANCELED: {},
};

/** The status an event moves an order to, or null when the move is refused. */
export function nextOrderStatus(from: OrderStatus, event: OrderEvent): OrderStatus | null {
  return ORDER_TRANSITIONS[from][event] ?? null;
}

/** Statuses no payment update can change any more (refunds and disputes have events of their own). */
export function isSettled(status: OrderStatus): boolean {
  return !ORDER_TRANSITIONS[status].paid && !ORDER_TRANSITIONS[status].failed;
}

/** The event a payment-side status (from a Checkout Session or PaymentIntent) stands for. */
export const PAYMENT_EVENT: Record<"PAID" | "FAILED" | "EXPIRED" | "CANCELED", OrderEvent> = {
  PAID: "paid",
  FAILED: "failed",
  EXPIRED: "expired",
  CANCELED: "canceled",
};
