"use client";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { PixChargeRow } from "./types";

const tones: Record<string, BadgeTone> = {
  pending: "warning",
  paid: "success",
  failed: "neutral",
  expired: "neutral",
  refunded: "info",
  disputed: "danger",
  awaiting_customer: "info",
};

/** A charge's state as the seller reads it: an expired pending charge says so; a partial refund too. */
export function chargeDisplayStatus(
  charge: Pick<PixChargeRow, "status" | "expiresAt" | "failureCode" | "refundedCentavos">,
  now = Date.now(),
): string {
  const waiting = charge.status === "pending" || charge.status === "awaiting_customer";
  if (waiting && charge.expiresAt && new Date(charge.expiresAt).getTime() <= now) return "expired";
  if (charge.status === "failed" && charge.failureCode === "expired") return "expired";
  return charge.status;
}

export function ChargeStatusBadge({
  charge,
}: {
  charge: Pick<PixChargeRow, "status" | "expiresAt" | "failureCode" | "refundedCentavos">;
}) {
  const { t } = useI18n();
  const status = chargeDisplayStatus(charge);
  const partial = status === "paid" && (charge.refundedCentavos ?? 0) > 0;
  return (
    <Badge
      tone={partial ? "info" : (tones[status] ?? "neutral")}
      dot
      data-testid="pix-charge-status"
      data-status={status}
    >
      {partial ? t("pix.charges.partiallyRefunded") : t(`pix.status.${status}` as MessageKey)}
    </Badge>
  );
}
