import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { PaymentStatus } from "@/lib/payments/schemas";

const TONES: Record<PaymentStatus, BadgeTone> = {
  paid: "success",
  pending: "info",
  failed: "danger",
  expired: "neutral",
  refunded: "neutral",
  partially_refunded: "warning",
  disputed: "danger",
};

/** The one status vocabulary of card and PIX payments; `label` is already translated. */
export function PaymentStatusBadge({ status, label }: { status: PaymentStatus; label: string }) {
  return (
    <Badge tone={TONES[status]} dot data-testid="payment-status" data-status={status}>
      {label}
    </Badge>
  );
}
