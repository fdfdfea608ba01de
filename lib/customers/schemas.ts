// Query strings of the customer routes and pages.
import { z } from "zod";

export const ListCustomersQuery = z.object({
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListCustomersQuery = z.infer<typeof ListCustomersQuery>;

export const CustomerIdParam = z.string().regex(/^[a-z0-9]{10,40}$/i);
