// Plain module (no "use client"): server pages read these values, client components too.
export const ORDER_STATUSES = [
  "PENDING",
  "PAID",
  "FAILED",
  "EXPIRED",
  "REFUNDED",
  "PARTIALLY_REFUNDED",
  "DISPUTED",
  "CANCELED",
] as const;
export type OrderStatusName = (typeof ORDER_STATUSES)[number];
