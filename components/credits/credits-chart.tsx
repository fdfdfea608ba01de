"use client";
import { useI18n } from "@/lib/i18n/client";
import { formatNumber } from "@/lib/i18n/format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { SeriesPoint } from "./types";

// Drawn at about the size it is shown (a third of the page on desktop, full width on phones), so text stays legible.
const W = 320;
const H = 220;
const PAD = { top: 8, right: 4, bottom: 22, left: 36 };

/** 1, 2, 5 × 10ⁿ just above the largest value, so the axis reads in round numbers. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 10;
  const p = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((m) => m * p >= value) ?? 10) * p;
}

function dayLabel(date: string, locale: string) {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** Credits bought vs spent per day as grouped bars in plain SVG (no chart library). */
export function CreditsChart({ series }: { series: SeriesPoint[] }) {
  const { t, locale } = useI18n();
  const totalBought = series.reduce((s, p) => s + p.bought, 0);
  const totalSpent = series.reduce((s, p) => s + p.spent, 0);
  const max = niceCeiling(Math.max(0, ...series.map((p) => Math.max(p.bought, p.spent))));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(series.length, 1);
  const bar = Math.max(1.5, Math.min(8, slot * 0.38));
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const ticks = [0, max / 2, max];
  const labelled = new Set([0, Math.floor((series.length - 1) / 2), series.length - 1]);

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
          <svg
            viewBox={`0 0 ${W} ${H}`}
            className="h-auto w-full"
            role="img"
            aria-label={`${t("credits.chart.title")}: ${t("credits.chart.bought")} ${formatNumber(totalBought, locale)}, ${t("credits.chart.spent")} ${formatNumber(totalSpent, locale)}`}
          >
            {ticks.map((v) => (
              <g key={v}>
                <line
                  x1={PAD.left}
                  x2={W - PAD.right}
                  y1={y(v)}
                  y2={y(v)}
                  className="stroke-line"
                  strokeDasharray={v === 0 ? undefined : "3 4"}
                />
                <text
                  x={PAD.left - 6}
                  y={y(v)}
                  dy="0.32em"
                  textAnchor="end"
                  className="fill-ink-subtle text-[10px] tabular-nums"
                >
                  {formatNumber(v, locale)}
                </text>
              </g>
            ))}
            {series.map((p, i) => {
              const cx = PAD.left + slot * i + slot / 2;
              return (
                <g key={p.date}>
                  <title>
                    {t("credits.chart.day", {
                      date: dayLabel(p.date, locale),
                      bought: formatNumber(p.bought, locale),
                      spent: formatNumber(p.spent, locale),
                    })}
                  </title>
                  <rect
                    x={cx - slot / 2}
                    y={PAD.top}
                    width={slot}
                    height={plotH}
                    className="fill-transparent hover:fill-surface-hover"
                  />
                  {p.bought > 0 && (
                    <rect
                      x={cx - bar - 0.5}
                      y={y(p.bought)}
                      width={bar}
                      height={y(0) - y(p.bought)}
                      rx={1.5}
                      className="fill-brand-600"
                    />
                  )}
                  {p.spent > 0 && (
                    <rect
                      x={cx + 0.5}
                      y={y(p.spent)}
                      width={bar}
                      height={y(0) - y(p.spent)}
                      rx={1.5}
                      className="fill-warning"
                    />
                  )}
                  {labelled.has(i) && (
                    <text
                      x={i === 0 ? PAD.left : i === series.length - 1 ? W - PAD.right : cx}
                      y={H - 6}
                      textAnchor={i === 0 ? "start" : i === series.length - 1 ? "end" : "middle"}
                      className="fill-ink-subtle text-[10px]"
                    >
                      {dayLabel(p.date, locale)}
                    </text>
                  )}
                </g>
              );
            })}
          </svg>
        )}
      </CardContent>
    </Card>
  );
}
