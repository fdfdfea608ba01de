"use client";
import { useI18n } from "@/lib/i18n/client";
import { formatDate } from "@/lib/i18n/format";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { MessageKey } from "@/lib/i18n/translate";
import type { SubscriptionView } from "./types";

const TONES: Record<string, BadgeTone> = {
  trialing: "info",
  active: "success",
  past_due: "danger",
  unpaid: "danger",
  canceled: "neutral",
  free: "neutral",
  incomplete: "warning",
  incomplete_expired: "neutral",
  paused: "warning",
};
const KNOWN = ["active", "past_due", "canceled", "free", "incomplete", "incomplete_expired", "unpaid", "paused"];

/** Trialing with its end date, active, past due, canceled — or "cancels on <date>" once scheduled to end. */
export function SubscriptionBadge({ sub }: { sub: SubscriptionView }) {
  const { t, locale } = useI18n();
  const date = (d: string | null) => (d ? formatDate(d, locale) : "");
  if (sub.cancelAtPeriodEnd && sub.status !== "canceled") {
    return (
      <Badge tone="warning" dot data-testid="plan-status">
        {t("billing.status.cancels", { date: date(sub.currentPeriodEnd) })}
      </Badge>
    );
  }
  if (sub.status === "trialing") {
    return (
      <Badge tone="info" dot data-testid="plan-status">
        {sub.trialEnd ? t("billing.status.trialing", { date: date(sub.trialEnd) }) : t("billing.status.trialingShort")}
      </Badge>
    );
  }
  const label = KNOWN.includes(sub.status) ? t(`billing.status.${sub.status}` as MessageKey) : sub.status;
  return (
    <Badge tone={TONES[sub.status] ?? "neutral"} dot data-testid="plan-status">
      {label}
    </Badge>
  );
}
