"use client";
import { useI18n } from "@/lib/i18n/client";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { OrderStatusName } from "./order-statuses";

const TONES: Record<OrderStatusName, BadgeTone> = {
  PENDING: "info",
  PAID: "success",
  FAILED: "danger",
  EXPIRED: "neutral",
  REFUNDED: "neutral",
  PARTIALLY_REFUNDED: "warning",
  DISPUTED: "danger",
  CANCELED: "neutral",
};

export function OrderStatusBadge({ status }: { status: OrderStatusName }) {
  const { t } = useI18n();
  return (
    <Badge tone={TONES[status]} dot>
      {t(`orders.statuses.${status}`)}
    </Badge>
  );
}
