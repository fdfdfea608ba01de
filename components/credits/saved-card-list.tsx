"use client";
import { useI18n } from "@/lib/i18n/client";
import { cn } from "@/components/ui/cn";
import { CreditCardIcon } from "@/components/ui/icons";
import type { SavedCard } from "./types";

const BRANDS: Record<string, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  discover: "Discover",
  elo: "Elo",
};
export const brandName = (brand: string) => BRANDS[brand] ?? brand.charAt(0).toUpperCase() + brand.slice(1);

/** The seller's saved cards as radios, plus "use a new card". */
export function SavedCardList({
  cards,
  value,
  onChange,
}: {
  cards: SavedCard[];
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useI18n();
  const options = [
    ...cards.map((c) => ({
      id: c.id,
      label: t("credits.buy.cardLabel", {
        brand: brandName(c.brand),
        last4: c.last4,
        month: String(c.expMonth).padStart(2, "0"),
        year: String(c.expYear % 100).padStart(2, "0"),
      }),
    })),
    { id: "new", label: t("credits.buy.newCard") },
  ];
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium text-ink">{t("credits.buy.savedCards")}</legend>
      <div className="divide-y divide-line overflow-hidden rounded-lg border border-line">
        {options.map((o) => (
          <label
            key={o.id}
            className={cn(
              "flex cursor-pointer items-center gap-3 px-4 py-3 text-sm",
              value === o.id ? "bg-brand-50 text-ink" : "bg-surface-raised text-ink-muted hover:bg-surface",
            )}
            data-testid={o.id === "new" ? "card-new" : "saved-card"}
          >
            <input
              type="radio"
              name="credit-card"
              value={o.id}
              checked={value === o.id}
              onChange={() => onChange(o.id)}
              className="size-4 accent-brand-700"
            />
            <CreditCardIcon size={18} className="shrink-0 text-ink-subtle" aria-hidden />
            <span className="min-w-0 flex-1">{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
