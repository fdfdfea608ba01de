"use client";
// Credits bought vs spent per day as grouped bars (recharts), with the period's totals above and a
// table for screen readers. Credits are counts, not money.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_LINE, AXIS_TICK, CURSOR_FILL, dayLabel, GRID_STROKE, TOOLTIP_STYLE } from "@/components/charts/theme";
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
            <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 224 }}>
              <BarChart data={series} margin={{ top: 8, right: 4, bottom: 0, left: -12 }} barGap={1} aria-hidden="true">
                <CartesianGrid vertical={false} stroke={GRID_STROKE} strokeDasharray="3 4" />
                <XAxis
                  dataKey="date"
                  tickFormatter={(d: string) => dayLabel(d, locale)}
                  tick={AXIS_TICK}
                  tickLine={false}
                  axisLine={AXIS_LINE}
                  minTickGap={24}
                />
                <YAxis
                  allowDecimals={false}
                  tickFormatter={(v: number) => formatNumber(v, locale)}
                  tick={AXIS_TICK}
                  tickLine={false}
                  axisLine={false}
                  width={48}
                />
                <Tooltip
                  cursor={CURSOR_FILL}
                  labelFormatter={(d) => dayLabel(String(d), locale)}
                  formatter={(v, name) => [formatNumber(Number(v), locale), String(name)]}
                  contentStyle={TOOLTIP_STYLE}
                />
                <Bar
                  dataKey="bought"
                  name={t("credits.chart.bought")}
                  fill={COLORS.bought}
                  radius={[2, 2, 0, 0]}
                  isAnimationActive={false}
                />
                <Bar
                  dataKey="spent"
                  name={t("credits.chart.spent")}
                  fill={COLORS.spent}
                  radius={[2, 2, 0, 0]}
                  isAnimationActive={false}
                />
              </BarChart>
            </ResponsiveContainer>
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
