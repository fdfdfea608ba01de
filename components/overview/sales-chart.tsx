"use client";
// Sales per local day of the store, card and PIX stacked (recharts), in the store's currency, with
// the period's totals per method above and a table for screen readers.
import { DailyBars } from "@/components/charts/daily-bars";
import { compactNumber, dayLabel } from "@/components/charts/theme";
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
            <DailyBars
              data={points}
              series={methods.map((m) => ({ key: m, name: t(`overview.chart.${m}`), color: COLORS[m] }))}
              stacked
              formatValue={money}
              formatTick={(v) => compactNumber(minorToMajorNumber(v, currency), locale)}
            />
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
