"use client";
import { useI18n } from "@/lib/i18n/client";
import { Badge } from "@/components/ui/badge";
import type { PriceView } from "./types";

/** "R$ 89,90 per month · 14-day trial", with archived prices marked. */
export function PriceLabel({ price, showArchived = true }: { price: PriceView; showArchived?: boolean }) {
  const { t, money } = useI18n();
  const cadence =
    price.type === "RECURRING" ? (price.interval === "YEAR" ? t("catalog.perYear") : t("catalog.perMonth")) : null;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      <span
        className={price.active ? "font-medium text-ink tabular-nums" : "text-ink-subtle tabular-nums line-through"}
      >
        {money(price.unitAmount, price.currency)}
      </span>
      {cadence && <span className="text-[13px] text-ink-muted">{cadence}</span>}
      {price.trialDays ? <Badge tone="info">{t("catalog.trialDays", { days: price.trialDays })}</Badge> : null}
      {showArchived && !price.active && <Badge tone="neutral">{t("catalog.archived")}</Badge>}
    </span>
  );
}
