// Payments in currencies other than the store's: each currency on its own line, never summed into
// the store's figures (there is no honest exchange rate to add them with).
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { Locale } from "@/lib/i18n/config";
import { formatNumber } from "@/lib/i18n/format";
import type { TranslateFn } from "@/lib/i18n/translate";
import { formatMoney } from "@/lib/money";
import type { CurrencyFigures } from "@/lib/overview/sales";

type Props = { currencies: CurrencyFigures[]; storeCurrency: string; t: TranslateFn; locale: Locale };

export function OtherCurrencies({ currencies, storeCurrency, t, locale }: Props) {
  if (currencies.length === 0) return null;
  return (
    <Card data-testid="other-currencies">
      <CardHeader>
        <CardTitle>{t("overview.other.title")}</CardTitle>
        <CardDescription>{t("overview.other.description", { currency: storeCurrency })}</CardDescription>
      </CardHeader>
      <ul className="divide-y divide-line border-t border-line">
        {currencies.map((c) => (
          <li
            key={c.currency}
            data-currency={c.currency}
            className="flex flex-col gap-2 px-5 py-3 text-sm sm:flex-row sm:items-center sm:gap-6 sm:px-6"
          >
            <span className="w-12 font-semibold text-ink">{c.currency}</span>
            <dl className="grid flex-1 grid-cols-3 gap-3">
              {(
                [
                  ["gross", formatMoney(c.current.gross, c.currency, locale)],
                  ["net", formatMoney(c.current.net, c.currency, locale)],
                  ["payments", formatNumber(c.current.payments, locale)],
                ] as const
              ).map(([key, value]) => (
                <div key={key} className="flex min-w-0 flex-col">
                  <dt className="text-xs text-ink-muted">{t(`overview.other.${key}`)}</dt>
                  <dd className="truncate font-medium text-ink tabular-nums">{value}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </Card>
  );
}
