// Card orders and PIX charges keep their own status words; the history speaks one vocabulary.
// A cancelled card payment (PaymentIntent canceled) is shown as expired: nothing was charged and it
// can no longer be paid, exactly as a PIX charge past its expiry.
import type { PaymentStatus } from "./schemas";

export const CARD_STATUS: Record<string, PaymentStatus> = {
  PAID: "paid",
  PENDING: "pending",
  FAILED: "failed",
  EXPIRED: "expired",
  CANCELED: "expired",
  REFUNDED: "refunded",
  PARTIALLY_REFUNDED: "partially_refunded",
  DISPUTED: "disputed",
};

/** The Order statuses that show as `status` (for a WHERE on the indexed column). */
export function cardStatusesFor(status: PaymentStatus): string[] {
  return Object.entries(CARD_STATUS)
    .filter(([, s]) => s === status)
    .map(([raw]) => raw);
}

export function pixPaymentStatus(c: {
  status: string;
  refundedCentavos: number;
  failureCode: string | null;
}): PaymentStatus {
  switch (c.status) {
    case "paid":
      return c.refundedCentavos > 0 ? "partially_refunded" : "paid";
    case "failed":
      return c.failureCode === "expired" ? "expired" : "failed";
    case "refunded":
    case "disputed":
      return c.status;
    default:
      return "pending";
  }
}

/** SQL over PixCharge `c` selecting the charges that show as `status` (mirrors pixPaymentStatus). */
export const PIX_STATUS_SQL: Record<PaymentStatus, string> = {
  paid: `(c."status" = 'paid' AND c."refundedCentavos" = 0)`,
  partially_refunded: `(c."status" = 'paid' AND c."refundedCentavos" > 0)`,
  pending: `(c."status" IN ('pending', 'awaiting_customer'))`,
  failed: `(c."status" = 'failed' AND c."failureCode" IS DISTINCT FROM 'expired')`,
  expired: `(c."status" = 'failed' AND c."failureCode" = 'expired')`,
  refunded: `(c."status" = 'refunded')`,
  disputed: `(c."status" = 'disputed')`,
};
