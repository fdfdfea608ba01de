"use client";
// Failed plan payments and recovered dunning cases per UTC day (recharts), with a table fallback
// for screen readers.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "@/lib/i18n/client";

export type DailyPayments = { day: string; failed: number; recovered: number }[];

const dayLabel = (day: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );

export function FailedPaymentsChart({ data }: { data: DailyPayments }) {
  const { t, locale } = useI18n();
  const rows = data.map((d) => ({ ...d, label: dayLabel(d.day, locale) }));
  const failedName = t("billing.dunning.admin.failed");
  const recoveredName = t("billing.dunning.admin.recovered");
  if (data.every((d) => d.failed === 0 && d.recovered === 0))
    return <p className="py-10 text-center text-sm text-ink-subtle">{t("billing.dunning.admin.chartEmpty")}</p>;
  return (
    <figure className="m-0" data-testid="failed-payments-chart">
      <div className="h-64 w-full" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid vertical={false} stroke="var(--color-line)" />
            <XAxis
              dataKey="label"
              tickLine={false}
              axisLine={{ stroke: "var(--color-line-strong)" }}
              tick={{ fontSize: 11, fill: "var(--color-ink-subtle)" }}
              interval="preserveStartEnd"
              minTickGap={12}
            />
            <YAxis
              allowDecimals={false}
              tickLine={false}
              axisLine={false}
              tick={{ fontSize: 11, fill: "var(--color-ink-subtle)" }}
            />
            <Tooltip
              cursor={{ fill: "var(--color-surface-sunken)" }}
              contentStyle={{ borderRadius: 8, borderColor: "var(--color-line)", fontSize: 13 }}
            />
            <Legend iconType="circle" wrapperStyle={{ fontSize: 13 }} />
            <Bar
              isAnimationActive={false}
              dataKey="failed"
              name={failedName}
              fill="var(--color-danger)"
              radius={[3, 3, 0, 0]}
              maxBarSize={18}
            />
            <Bar
              isAnimationActive={false}
              dataKey="recovered"
              name={recoveredName}
              fill="var(--color-success)"
              radius={[3, 3, 0, 0]}
              maxBarSize={18}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>{t("billing.dunning.admin.chartTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("billing.dunning.admin.day")}</th>
            <th scope="col">{failedName}</th>
            <th scope="col">{recoveredName}</th>
          </tr>
        </thead>
        <tbody>
          {rows
            .filter((r) => r.failed || r.recovered)
            .map((r) => (
              <tr key={r.day}>
                <td>{r.day}</td>
                <td>{r.failed}</td>
                <td>{r.recovered}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </figure>
  );
}
