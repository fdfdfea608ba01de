// Available, pending and the next payout, one row of tiles per currency.
import { Stat } from "@/components/ui/stat";
import type { NextPayout, StripeBalance } from "@/lib/balance/types";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import type { TranslateFn } from "@/lib/i18n/translate";
import { formatMoney } from "@/lib/money";

type Props = { balance: StripeBalance; t: TranslateFn; locale: Locale };

function nextHint(next: NextPayout | undefined, t: TranslateFn, locale: Locale): string {
  if (!next) return t("balance.stripe.noNextPayout");
  // Stripe's dates are whole UTC days.
  const date = formatDate(next.date, locale, "UTC");
  return t(next.kind === "scheduled" ? "balance.stripe.nextScheduled" : "balance.stripe.nextExpected", { date });
}

export function StripeSummary({ balance, t, locale }: Props) {
  const currencies = balance.available.map((b) => b.currency);
  return (
    <div className="space-y-4">
      {currencies.map((currency) => {
        const available = balance.available.find((b) => b.currency === currency)?.amount ?? 0;
        const pending = balance.pending.find((b) => b.currency === currency)?.amount ?? 0;
        const next = balance.nextPayouts.find((n) => n.currency === currency);
        return (
          <div key={currency} className="space-y-2" data-testid={`balance-${currency}`}>
            {currencies.length > 1 && (
              <p className="text-xs font-medium text-ink-muted">{t("balance.stripe.currency", { currency })}</p>
            )}
            <div className="grid gap-4 sm:grid-cols-3">
              <Stat
                label={t("balance.stripe.available")}
                value={<span data-testid="balance-available">{formatMoney(available, currency, locale)}</span>}
                hint={t("balance.stripe.availableHint")}
              />
              <Stat
                label={t("balance.stripe.pending")}
                value={<span data-testid="balance-pending">{formatMoney(pending, currency, locale)}</span>}
                hint={t("balance.stripe.pendingHint")}
              />
              <Stat
                label={t("balance.stripe.nextPayout")}
                value={
                  <span data-testid="balance-next-payout">
                    {next ? formatMoney(next.amount, currency, locale) : "—"}
                  </span>
                }
                hint={nextHint(next, t, locale)}
              />
            </div>
          </div>
        );
      })}
    </div>
  );
}
