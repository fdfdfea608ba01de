"use client";
// Credits bought vs spent per day as grouped bars (recharts), with the period's totals above and a
// table for screen readers. Credits are counts, not money.
import { DailyBars } from "@/components/charts/daily-bars";
import { dayLabel } from "@/components/charts/theme";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useI18n } from "@/lib/i18n/client";
import { formatNumber } from "@/lib/i18n/format";
import type { SeriesPoint } from "./types";

const COLORS = { bought: "var(--color-brand-600)", spent: "var(--color-warning)" } as const;

export function CreditsChart({ series }: { series: SeriesPoint[] }) {
  const { t, locale } = useI18n();
  const totalBought = series.reduce((s, p) => s + p.bought, 0);
  const totalSpent = series.reduce((s, p) => s + p.spent, 0);

  return (
    <Card className="flex h-full flex-col">
      <CardHeader>
        <CardTitle>{t("credits.chart.title")}</CardTitle>
        <CardDescription>{t("credits.chart.description")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-1 flex-col gap-3">
        <div className="flex flex-wrap gap-x-5 gap-y-1 text-[13px] text-ink-muted">
          <span className="inline-flex items-center gap-2">
            <span aria-hidden className="size-2.5 rounded-sm bg-brand-600" />
            {t("credits.chart.bought")}{" "}
            <strong className="text-ink tabular-nums" data-testid="chart-bought">
              {formatNumber(totalBought, locale)}
            </strong>
          </span>
          <span className="inline-flex items-center gap-2">
            <span aria-hidden className="size-2.5 rounded-sm bg-warning" />
            {t("credits.chart.spent")}{" "}
            <strong className="text-ink tabular-nums" data-testid="chart-spent">
              {formatNumber(totalSpent, locale)}
            </strong>
          </span>
        </div>
        {totalBought === 0 && totalSpent === 0 ? (
          <p className="flex flex-1 items-center justify-center rounded-lg border border-dashed border-line px-4 py-10 text-center text-sm text-ink-subtle">
            {t("credits.chart.empty")}
          </p>
        ) : (
          <div className="h-56 w-full" data-testid="credits-chart">
            <DailyBars
              data={series}
              series={[
                { key: "bought", name: t("credits.chart.bought"), color: COLORS.bought },
                { key: "spent", name: t("credits.chart.spent"), color: COLORS.spent },
              ]}
              formatValue={(v) => formatNumber(v, locale)}
              initialHeight={224}
              yWidth={48}
              integers
            />
          </div>
        )}
        <table className="sr-only">
          <caption>{t("credits.chart.title")}</caption>
          <tbody>
            {series
              .filter((p) => p.bought > 0 || p.spent > 0)
              .map((p) => (
                <tr key={p.date}>
                  <td>
                    {t("credits.chart.day", {
                      date: dayLabel(p.date, locale),
                      bought: formatNumber(p.bought, locale),
                      spent: formatNumber(p.spent, locale),
                    })}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </CardContent>
    </Card>
  );
}
