import type { PublicPrice } from "@/lib/checkout/public";
import type { TranslateFn } from "@/lib/i18n/translate";
import { formatMoney } from "@/lib/money";
import type { Locale } from "@/lib/i18n/config";
import { Badge } from "@/components/ui/badge";

export function PriceSummary({ price, t, locale }: { price: PublicPrice; t: TranslateFn; locale: Locale }) {
  return (
    <div className="space-y-4">
      <p className="text-sm text-ink-muted">{t("buyer.soldBy", { store: price.storeName })}</p>
      {price.imageUrl && (
        // eslint-disable-next-line @next/next/no-img-element -- sellers' images come from any host
        <img src={price.imageUrl} alt="" className="aspect-video w-full rounded-lg border border-line object-cover" />
      )}
      <div>
        <h1 className="text-xl font-semibold text-ink">{price.productName}</h1>
        {price.description && <p className="mt-1 text-sm text-ink-muted">{price.description}</p>}
      </div>
      <div className="flex flex-wrap items-baseline gap-2">
        <span className="text-3xl font-semibold tracking-tight" data-testid="price-amount">
          {formatMoney(price.unitAmount, price.currency, locale)}
        </span>
        {price.type === "RECURRING" && (
          <span className="text-sm text-ink-muted">
            {price.interval === "YEAR" ? t("buyer.perYear") : t("buyer.perMonth")}
          </span>
        )}
        {price.trialDays ? <Badge tone="brand">{t("buyer.trial", { days: price.trialDays })}</Badge> : null}
      </div>
    </div>
  );
}
