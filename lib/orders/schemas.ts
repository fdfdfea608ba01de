import { z } from "zod";

/** `GET /api/v1/orders?status=`: the store's recent orders, optionally one status. */
export const ListOrdersQuery = z.object({
  status: z
    .enum(["PENDING", "PAID", "FAILED", "EXPIRED", "REFUNDED", "PARTIALLY_REFUNDED", "DISPUTED", "CANCELED"])
    .optional(),
});
