// PIX received per gateway, beside (never inside) the Stripe balance.
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { PixGatewayReceived, PixPeriod } from "@/lib/balance/types";
import type { Locale } from "@/lib/i18n/config";
import type { TranslateFn } from "@/lib/i18n/translate";
import { formatMoney } from "@/lib/money";

type Props = { gateways: PixGatewayReceived[]; t: TranslateFn; locale: Locale };

function Period({ period, label, t, locale }: { period: PixPeriod; label: string; t: TranslateFn; locale: Locale }) {
  return (
    <div>
      <p className="text-xs text-ink-muted">{label}</p>
      <p className="text-lg font-semibold text-ink tabular-nums" data-testid={`pix-net-${period.days}`}>
        {formatMoney(period.net, "BRL", locale)}
      </p>
      <p className="text-xs text-ink-subtle">
        {t("balance.pix.payments", { count: period.count })}
        {period.refunded > 0 &&
          ` · ${t("balance.pix.refunded", { amount: formatMoney(period.refunded, "BRL", locale) })}`}
      </p>
    </div>
  );
}

export function PixReceived({ gateways, t, locale }: Props) {
  if (gateways.length === 0)
    return (
      <div className="flex flex-wrap items-center justify-between gap-3 px-5 py-5">
        <p className="text-sm text-ink-muted">{t("balance.pix.empty")}</p>
        <Button href="/dashboard/pix" size="sm" variant="secondary">
          {t("balance.pix.setUp")}
        </Button>
      </div>
    );
  return (
    <ul className="divide-y divide-line">
      {gateways.map((g) => (
        <li
          key={g.gatewayConfigId ?? "deleted"}
          className="grid gap-3 px-5 py-4 sm:grid-cols-3"
          data-testid="pix-gateway"
        >
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium text-ink">{g.label ?? t("balance.pix.deleted")}</span>
            {g.gateway && <Badge>{g.gateway}</Badge>}
            {!g.active && g.gatewayConfigId && <Badge tone="warning">{t("balance.pix.inactive")}</Badge>}
          </div>
          <Period period={g.periods[0]!} label={t("balance.pix.last7")} t={t} locale={locale} />
          <Period period={g.periods[1]!} label={t("balance.pix.last30")} t={t} locale={locale} />
        </li>
      ))}
    </ul>
  );
}
