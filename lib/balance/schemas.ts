import { z } from "zod";

/** GET /api/v1/payouts query: Stripe-style cursor pagination. */
export const PayoutsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(10),
  starting_after: z
    .string()
    .regex(/^po_[A-Za-z0-9]+$/, "Must be a payout id (po_…).")
    .optional(),
});
export type PayoutsQuery = z.infer<typeof PayoutsQuery>;
