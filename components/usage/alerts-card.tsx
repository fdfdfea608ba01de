import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";
import type { TranslateFn } from "@/lib/i18n/translate";
import type { AlertView } from "@/lib/usage/views";
import { resourceLabel } from "./labels";

/** The store's 80 % / 100 % alerts, newest first, as a list that fits a narrow column and a phone. */
export function AlertsCard({ alerts, t, locale }: { alerts: AlertView[]; t: TranslateFn; locale: Locale }) {
  const n = (v: number) => formatNumber(v, locale);
  return (
    <Card className="flex h-full flex-col">
      <CardHeader>
        <CardTitle>{t("usage.alerts.title")}</CardTitle>
        <CardDescription>{t("usage.alerts.description")}</CardDescription>
      </CardHeader>
      <CardContent className="pt-0">
        {alerts.length === 0 ? (
          <p className="rounded-lg border border-dashed border-line px-4 py-8 text-center text-sm text-ink-subtle">
            {t("usage.alerts.empty")}
          </p>
        ) : (
          <ul className="divide-y divide-line" data-testid="usage-alerts">
            {alerts.map((a) => (
              <li key={a.id} className="flex items-start justify-between gap-3 py-3 first:pt-0 last:pb-0">
                <div className="min-w-0">
                  <p className="text-sm font-medium text-ink">{resourceLabel(t, a.resource)}</p>
                  <p className="text-[13px] text-ink-muted tabular-nums">
                    {t("usage.usedOf", { used: n(a.used), limit: n(a.limit) })} · {formatDateTime(a.created_at, locale)}
                  </p>
                </div>
                <Badge tone={a.threshold >= 100 ? "danger" : "warning"}>
                  {t("usage.alerts.thresholdValue", { threshold: a.threshold })}
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
