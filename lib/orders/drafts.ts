// An Elements pay page creates its order (and PaymentIntent) when it loads, so that the card form
// can mount. Until the buyer submits a payment that order is a draft: it is not listed, and when
// abandoned it expires quietly (lib/orders/expire-abandoned.ts). docs/orders-drafts.md.
import type { Prisma } from "@/generated/prisma/client";

/** Filter for every seller-facing list of orders: drafts nobody paid or tried to pay stay out. */
export const LISTED_ORDERS = {
  NOT: { channel: "ELEMENTS", submittedAt: null, status: { in: ["PENDING", "EXPIRED", "CANCELED"] } },
} satisfies Prisma.OrderWhereInput;

/** A draft: an Elements order the buyer never submitted and that never reached Stripe as an attempt. */
export function isDraftOrder(order: { channel: string; submittedAt: Date | null; status: string }): boolean {
  return (
    order.channel === "ELEMENTS" &&
    order.submittedAt === null &&
    (order.status === "PENDING" || order.status === "EXPIRED" || order.status === "CANCELED")
  );
}
