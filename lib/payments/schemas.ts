// The payment history's query: what a seller (page) or a store server (API) may ask for. Dates are
// calendar days in the store's time zone; the cursor is opaque (lib/payments/cursor.ts).
import { z } from "zod";

export const PAYMENT_METHODS = ["card", "pix"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** One vocabulary for card orders and PIX charges (lib/payments/status.ts maps both onto it). */
export const PAYMENT_STATUSES = [
  "paid",
  "pending",
  "failed",
  "refunded",
  "partially_refunded",
  "disputed",
  "expired",
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD.");

/** Comma-separated statuses (`status=paid,refunded`), each one of PAYMENT_STATUSES. */
const StatusList = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(PAYMENT_STATUSES)).max(PAYMENT_STATUSES.length));

export const ListPaymentsQuery = z.strictObject({
  /** Buyer email (or part of it), order or charge id, the store's own order id, or an amount ("129,90"). */
  q: z.string().trim().max(200).optional(),
  method: z.enum(PAYMENT_METHODS).optional(),
  status: StatusList.optional(),
  from: Day.optional(),
  to: Day.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListPaymentsQuery = z.output<typeof ListPaymentsQuery>;

/** The export takes the same filters, no page size: it streams the whole range. */
export const ExportPaymentsQuery = ListPaymentsQuery.omit({ cursor: true, limit: true });
export type ExportPaymentsQuery = z.output<typeof ExportPaymentsQuery>;
