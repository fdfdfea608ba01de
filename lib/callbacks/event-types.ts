// Event types a store can receive; shared by the server and the dashboard (no server imports here).
export const STORE_EVENT_TYPES = [
  "payment.succeeded",
  "payment.failed",
  "payment.refunded",
  "dispute.created",
  "dispute.closed",
  "subscription.updated",
  "subscription.canceled",
] as const;

export type StoreEventType = (typeof STORE_EVENT_TYPES)[number];

export const CALLBACK_STATUSES = ["PENDING", "DELIVERING", "SUCCEEDED", "FAILED", "CANCELED"] as const;
export type CallbackStatusName = (typeof CALLBACK_STATUSES)[number];

/** Why an endpoint stopped receiving events. */
export type DisabledReason = "manual" | "gone" | "failing";
