"use client";
import { useId, useState } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { useI18n } from "@/lib/i18n/client";
import { formatNumber } from "@/lib/i18n/format";
import type { UsageSeries } from "@/lib/usage/views";
import { resourceLabel } from "./labels";

function dayLabel(date: string, locale: string) {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/**
 * Daily usage of one resource at a time (picked in a select), as bars. The plot box has a fixed
 * height, so the page does not move when the chart measures its width after hydration.
 */
export function UsageChart({ series, counts }: { series: UsageSeries; counts: string[] }) {
  const { t, locale } = useI18n();
  const resources = Object.keys(series);
  const busiest = resources.find((r) => !counts.includes(r) && series[r]!.some((p) => (p.value ?? 0) > 0));
  const [resource, setResource] = useState(busiest ?? resources[0] ?? "");
  const selectId = useId();
  const points = series[resource] ?? [];
  const isCount = counts.includes(resource);
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const total = isCount ? (values.at(-1) ?? 0) : values.reduce((a, b) => a + b, 0);
  const data = points.map((p) => ({ date: p.date, value: p.value }));

  return (
    <Card className="flex h-full flex-col">
      <CardHeader
        actions={
          <Select
            id={selectId}
            size="sm"
            aria-label={t("usage.chart.resource")}
            value={resource}
            onChange={(e) => setResource(e.target.value)}
            options={resources.map((r) => ({ value: r, label: resourceLabel(t, r) }))}
            className="w-44"
            data-testid="usage-chart-resource"
          />
        }
      >
        <CardTitle>{t("usage.chart.title")}</CardTitle>
        <CardDescription>{t("usage.chart.description")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-1 flex-col gap-2">
        <p className="text-[13px] text-ink-muted" data-testid="usage-chart-total">
          {t("usage.chart.total", { value: formatNumber(total, locale) })}
        </p>
        <div className="h-56 w-full">
          {values.every((v) => v === 0) ? (
            <p className="flex h-full items-center justify-center rounded-lg border border-dashed border-line px-4 text-center text-sm text-ink-subtle">
              {t("usage.chart.empty")}
            </p>
          ) : (
            <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 224 }}>
              <BarChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: -12 }}>
                <CartesianGrid vertical={false} stroke="var(--color-line)" strokeDasharray="3 4" />
                <XAxis
                  dataKey="date"
                  tickFormatter={(d: string) => dayLabel(d, locale)}
                  tick={{ fontSize: 11, fill: "var(--color-ink-subtle)" }}
                  tickLine={false}
                  axisLine={{ stroke: "var(--color-line)" }}
                  minTickGap={24}
                />
                <YAxis
                  allowDecimals={false}
                  tickFormatter={(v: number) => formatNumber(v, locale)}
                  tick={{ fontSize: 11, fill: "var(--color-ink-subtle)" }}
                  tickLine={false}
                  axisLine={false}
                  width={56}
                />
                <Tooltip
                  cursor={{ fill: "var(--color-surface-hover)" }}
                  labelFormatter={(d) => dayLabel(String(d), locale)}
                  formatter={(v) => [formatNumber(Number(v), locale), resourceLabel(t, resource)]}
                  contentStyle={{ fontSize: 12, borderRadius: 8, borderColor: "var(--color-line)" }}
                />
                <Bar
                  dataKey="value"
                  name={t("usage.chart.value")}
                  fill="var(--color-brand-600)"
                  radius={[2, 2, 0, 0]}
                  isAnimationActive={false}
                />
              </BarChart>
            </ResponsiveContainer>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
