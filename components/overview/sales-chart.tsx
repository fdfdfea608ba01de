"use client";
// Sales per local day of the store, card and PIX stacked (recharts), in the store's currency, with
// the period's totals per method above and a table for screen readers.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import {
  AXIS_LINE,
  AXIS_TICK,
  CURSOR_FILL,
  compactNumber,
  dayLabel,
  GRID_STROKE,
  TOOLTIP_STYLE,
} from "@/components/charts/theme";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useI18n } from "@/lib/i18n/client";
import { formatMoney, minorToMajorNumber } from "@/lib/money";

export type SalesChartPoint = { date: string; card: number; pix: number };

// Card in blue, PIX in the teal PIX is known by: told apart without relying on the legend's order.
const COLORS = { card: "var(--color-info)", pix: "var(--color-brand-500)" } as const;

export function SalesChart({ points, currency }: { points: SalesChartPoint[]; currency: string }) {
  const { t, locale } = useI18n();
  const totals = {
    card: points.reduce((s, p) => s + p.card, 0),
    pix: points.reduce((s, p) => s + p.pix, 0),
  };
  const money = (minor: number) => formatMoney(minor, currency, locale);
  // PIX is paid in reais only: a store in another currency has card sales alone in its currency.
  const methods = currency === "BRL" ? (["card", "pix"] as const) : (["card"] as const);

  return (
    <Card className="flex h-full flex-col" data-testid="sales-chart">
      <CardHeader>
        <CardTitle>{t("overview.chart.title")}</CardTitle>
        <CardDescription>{t("overview.chart.description", { currency })}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-1 flex-col gap-3">
        <div className="flex flex-wrap gap-x-5 gap-y-1 text-[13px] text-ink-muted">
          {methods.map((m) => (
            <span key={m} className="inline-flex items-center gap-2">
              <span aria-hidden className="size-2.5 rounded-sm" style={{ background: COLORS[m] }} />
              {t(`overview.chart.${m}`)}{" "}
              <strong className="text-ink tabular-nums" data-testid={`chart-total-${m}`}>
                {money(totals[m])}
              </strong>
            </span>
          ))}
        </div>
        <div className="h-60 w-full">
          {totals.card === 0 && totals.pix === 0 ? (
            <p className="flex h-full items-center justify-center rounded-lg border border-dashed border-line px-4 text-center text-sm text-ink-subtle">
              {t("overview.chart.empty")}
            </p>
          ) : (
            <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 240 }}>
              <BarChart data={points} margin={{ top: 8, right: 4, bottom: 0, left: -8 }} aria-hidden="true">
                <CartesianGrid vertical={false} stroke={GRID_STROKE} strokeDasharray="3 4" />
                <XAxis
                  dataKey="date"
                  tickFormatter={(d: string) => dayLabel(d, locale)}
                  tick={AXIS_TICK}
                  tickLine={false}
                  axisLine={AXIS_LINE}
                  minTickGap={20}
                />
                <YAxis
                  tickFormatter={(v: number) => compactNumber(minorToMajorNumber(v, currency), locale)}
                  tick={AXIS_TICK}
                  tickLine={false}
                  axisLine={false}
                  width={52}
                />
                <Tooltip
                  cursor={CURSOR_FILL}
                  labelFormatter={(d) => dayLabel(String(d), locale)}
                  formatter={(v, name) => [money(Number(v)), String(name)]}
                  contentStyle={TOOLTIP_STYLE}
                />
                {methods.map((m, i) => (
                  <Bar
                    key={m}
                    dataKey={m}
                    name={t(`overview.chart.${m}`)}
                    stackId="sales"
                    fill={COLORS[m]}
                    radius={i === methods.length - 1 ? [2, 2, 0, 0] : undefined}
                    isAnimationActive={false}
                  />
                ))}
              </BarChart>
            </ResponsiveContainer>
          )}
        </div>
        <table className="sr-only">
          <caption>{t("overview.chart.title")}</caption>
          <tbody>
            {points
              .filter((p) => p.card > 0 || p.pix > 0)
              .map((p) => (
                <tr key={p.date}>
                  <td>
                    {t("overview.chart.day", {
                      date: dayLabel(p.date, locale),
                      card: money(p.card),
                      pix: money(p.pix),
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
