"use client";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Badge, type BadgeTone } from "@/components/ui/badge";

/** Our refund statuses (requested: Stripe not answered yet) and Stripe's. */
const TONES: Record<string, BadgeTone> = {
  requested: "info",
  pending: "info",
  requires_action: "warning",
  succeeded: "success",
  failed: "danger",
  canceled: "neutral",
};

export function RefundStatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  const known = status in TONES;
  return (
    <Badge tone={TONES[status] ?? "neutral"} dot data-testid="refund-status" data-status={status}>
      {known ? t(`orders.detail.refundStatuses.${status}` as MessageKey) : status}
    </Badge>
  );
}
