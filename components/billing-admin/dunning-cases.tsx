// The admin's list of dunning cases: store, plan, amount due, reminders sent of the schedule, the
// next step (reminder or move to Free) and when the payment failed; filtered by status with links.
import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { DataTable } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import type { DunningCaseRow } from "@/lib/dunning/admin";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import type { TranslateFn } from "@/lib/i18n/translate";
import { formatMoney } from "@/lib/money";

export const CASE_FILTERS = ["active", "recovered", "downgraded", "canceled", "all"] as const;
export type CaseFilter = (typeof CASE_FILTERS)[number];

const TONES: Record<string, BadgeTone> = {
  active: "danger",
  recovered: "success",
  downgraded: "warning",
  canceled: "neutral",
};

type Props = { rows: DunningCaseRow[]; filter: CaseFilter; t: TranslateFn; locale: Locale };

function NextStep({ row, t, locale }: { row: DunningCaseRow; t: TranslateFn; locale: Locale }) {
  if (row.status !== "active")
    return (
      <div>
        <Badge tone={TONES[row.status] ?? "neutral"} dot>
          {t(`billing.dunning.admin.statuses.${row.status as "active"}`)}
        </Badge>
        {row.endedAt && (
          <div className="mt-1 text-xs text-ink-subtle">
            {row.endReason ? `${t(`billing.dunning.admin.endReasons.${row.endReason as "paid_card"}`)} · ` : ""}
            {t("billing.dunning.admin.ended", { date: formatDate(row.endedAt, locale) })}
          </div>
        )}
      </div>
    );
  if (!row.nextStepAt) return <span className="text-ink-subtle">—</span>;
  const date = formatDateTime(row.nextStepAt, locale);
  return row.remindersSent >= row.steps ? (
    <Badge tone="warning">{t("billing.dunning.admin.nextDowngrade", { date })}</Badge>
  ) : (
    <span>{t("billing.dunning.admin.nextReminder", { date })}</span>
  );
}

export function DunningCases({ rows, filter, t, locale }: Props) {
  return (
    <Card className="overflow-hidden">
      <CardHeader>
        <CardTitle>{t("billing.dunning.admin.casesTitle")}</CardTitle>
        <CardDescription>{t("billing.dunning.admin.casesDescription")}</CardDescription>
      </CardHeader>
      <nav aria-label={t("billing.dunning.admin.filterLabel")} className="flex flex-wrap gap-1 px-5 pb-3 sm:px-6">
        {CASE_FILTERS.map((f) => (
          <Link
            key={f}
            href={f === "active" ? "/admin/billing" : `/admin/billing?status=${f}`}
            aria-current={f === filter ? "page" : undefined}
            className={cn(
              "rounded-full px-3 py-1 text-[13px] font-medium transition-colors",
              f === filter
                ? "bg-brand-50 text-brand-800 ring-1 ring-brand-200"
                : "text-ink-muted hover:bg-surface-hover",
            )}
          >
            {t(`billing.dunning.admin.statuses.${f}`)}
          </Link>
        ))}
      </nav>
      <DataTable
        rows={rows}
        rowKey={(r) => r.id}
        caption={t("billing.dunning.admin.casesTitle")}
        empty={
          <EmptyState
            bare
            title={t("billing.dunning.admin.emptyCases")}
            description={t("billing.dunning.admin.emptyCasesBody")}
          />
        }
        columns={[
          {
            key: "store",
            header: t("billing.dunning.admin.store"),
            cell: (r) => (
              <div>
                <div className="font-medium">{r.store.name}</div>
                <div className="text-xs text-ink-subtle">{r.store.ownerEmail}</div>
              </div>
            ),
          },
          { key: "plan", header: t("billing.dunning.admin.plan"), cell: (r) => r.plan?.name ?? "—" },
          {
            key: "amount",
            header: t("billing.dunning.admin.amount"),
            align: "right",
            cell: (r) => <span className="font-medium">{formatMoney(r.amountDue, r.currency, locale)}</span>,
          },
          {
            key: "step",
            header: t("billing.dunning.admin.step"),
            align: "right",
            cell: (r) => t("billing.dunning.admin.stepOf", { sent: r.remindersSent, steps: r.steps }),
          },
          {
            key: "next",
            header: filter === "active" ? t("billing.dunning.admin.nextStep") : t("billing.dunning.admin.status"),
            cell: (r) => <NextStep row={r} t={t} locale={locale} />,
          },
          {
            key: "started",
            header: t("billing.dunning.admin.started"),
            cell: (r) => formatDateTime(r.startedAt, locale),
          },
        ]}
      />
    </Card>
  );
}
