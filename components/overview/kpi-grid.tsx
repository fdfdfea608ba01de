// The period's figures as tiles, each with its change from the previous period (▲/▼ %).
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { Locale } from "@/lib/i18n/config";
import { formatNumber } from "@/lib/i18n/format";
import type { TranslateFn } from "@/lib/i18n/translate";
import { formatMoney } from "@/lib/money";
import type { Overview } from "@/lib/overview/overview";

type Tile = {
  id: string;
  label: string;
  value: string;
  change: number | null;
  /** Refunds and disputes: going down is the good direction. */
  downIsGood?: boolean;
  /** Nothing in either period: no change to show. */
  idle?: boolean;
  hint?: ReactNode;
};

function percent(value: number, locale: Locale) {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Math.abs(value))}%`;
}

function Change({
  change,
  downIsGood,
  t,
  locale,
}: Pick<Tile, "change" | "downIsGood"> & { t: TranslateFn; locale: Locale }) {
  if (change === null) return <span className="text-ink-subtle">{t("overview.kpi.noPrevious")}</span>;
  const trend = change > 0 ? "up" : change < 0 ? "down" : "flat";
  const good = trend !== "flat" && (trend === "up") !== !!downIsGood;
  const tone =
    trend === "flat"
      ? "bg-surface-sunken text-ink-muted"
      : good
        ? "bg-success-bg text-success-ink"
        : "bg-danger-bg text-danger-ink";
  const text = percent(change, locale);
  return (
    <span
      className={cn("inline-flex items-center gap-0.5 rounded px-1.5 py-px font-medium tabular-nums", tone)}
      data-testid="kpi-change"
    >
      <span aria-hidden="true">{trend === "up" ? "▲" : trend === "down" ? "▼" : "="}</span>
      <span className="sr-only">
        {trend === "flat" ? "" : t(trend === "up" ? "overview.kpi.up" : "overview.kpi.down", { value: text })}
      </span>
      <span aria-hidden="true">{text}</span>
    </span>
  );
}

export function KpiGrid({ overview, t, locale }: { overview: Overview; t: TranslateFn; locale: Locale }) {
  const { current: c, previous: p, change, currency } = overview;
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const tiles: Tile[] = [
    {
      id: "gross",
      label: t("overview.kpi.gross"),
      value: money(c.gross),
      change: change.gross,
      idle: !c.gross && !p.gross,
    },
    {
      id: "net",
      label: t("overview.kpi.net"),
      value: money(c.net),
      change: change.net,
      idle: !c.net && !p.net,
      hint: t("overview.kpi.fees", { amount: money(c.fees) }),
    },
    {
      id: "payments",
      label: t("overview.kpi.payments"),
      value: formatNumber(c.payments, locale),
      change: change.payments,
      idle: !c.payments && !p.payments,
    },
    {
      id: "average",
      label: t("overview.kpi.averageTicket"),
      value: money(c.averageTicket),
      change: change.averageTicket,
      idle: !c.averageTicket && !p.averageTicket,
    },
    {
      id: "refunds",
      label: t("overview.kpi.refunds"),
      value: money(c.refunds.amount),
      change: change.refunds,
      idle: !c.refunds.amount && !p.refunds.amount,
      downIsGood: true,
      hint: t(c.refunds.count === 1 ? "overview.kpi.refundCount.one" : "overview.kpi.refundCount.other", {
        count: formatNumber(c.refunds.count, locale),
      }),
    },
    {
      id: "disputes",
      label: t("overview.kpi.disputes"),
      value: formatNumber(c.disputes.count, locale),
      change: change.disputes,
      idle: !c.disputes.count && !p.disputes.count,
      downIsGood: true,
      hint: c.disputes.amount > 0 ? t("overview.kpi.disputesHeld", { amount: money(c.disputes.amount) }) : undefined,
    },
  ];
  return (
    <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-3" data-testid="overview-kpis">
      {tiles.map((tile) => (
        <div
          key={tile.id}
          data-kpi={tile.id}
          className="flex min-w-0 flex-col gap-1.5 rounded-lg border border-line bg-surface-raised p-4 shadow-card"
        >
          <p className="text-[13px] font-medium text-ink-muted">{tile.label}</p>
          <p
            className="truncate text-xl font-semibold tracking-tight text-ink tabular-nums"
            data-testid={`kpi-${tile.id}`}
          >
            {tile.value}
          </p>
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
            {!tile.idle && <Change change={tile.change} downIsGood={tile.downIsGood} t={t} locale={locale} />}
            {tile.hint && <span className="text-ink-subtle">{tile.hint}</span>}
          </div>
        </div>
      ))}
    </div>
  );
}
