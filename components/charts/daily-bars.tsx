"use client";
// One day-by-day bar chart frame (recharts) for every chart of Vitrine: the grid, the day axis, the
// value axis and the tooltip read the same everywhere; callers give the series and how to format a value.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "@/lib/i18n/client";
import { AXIS_LINE, AXIS_TICK, CURSOR_FILL, dayLabel, GRID_STROKE, TOOLTIP_STYLE } from "./theme";

export type DailySeries = { key: string; name: string; color: string };

export function DailyBars<P extends { date: string }>({
  data,
  series,
  stacked = false,
  formatValue,
  formatTick = formatValue,
  initialHeight = 240,
  yWidth = 52,
  integers = false,
}: {
  data: P[];
  series: DailySeries[];
  /** Stacked (one bar per day) or grouped side by side. */
  stacked?: boolean;
  formatValue: (value: number) => string;
  formatTick?: (value: number) => string;
  initialHeight?: number;
  yWidth?: number;
  integers?: boolean;
}) {
  const { locale } = useI18n();
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: initialHeight }}>
      <BarChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: -8 }} barGap={1} aria-hidden="true">
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
          allowDecimals={!integers}
          tickFormatter={(v: number) => formatTick(v)}
          tick={AXIS_TICK}
          tickLine={false}
          axisLine={false}
          width={yWidth}
        />
        <Tooltip
          cursor={CURSOR_FILL}
          labelFormatter={(d) => dayLabel(String(d), locale)}
          formatter={(v, name) => [formatValue(Number(v)), String(name)]}
          contentStyle={TOOLTIP_STYLE}
        />
        {series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.name}
            fill={s.color}
            stackId={stacked ? "daily" : undefined}
            radius={!stacked || i === series.length - 1 ? [2, 2, 0, 0] : undefined}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
