import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/table";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";
import type { TranslateFn } from "@/lib/i18n/translate";
import type { AdminUsageCell, AdminUsageRow } from "@/lib/usage/views";
import { resourceLabel } from "./labels";
import { UsageBar } from "./usage-bar";

const COLUMNS = ["api_calls", "orders", "pix_charges", "callbacks"] as const;

function UsageCell({ cell, t, locale }: { cell: AdminUsageCell | undefined; t: TranslateFn; locale: Locale }) {
  if (!cell) return null;
  const n = (v: number) => formatNumber(v, locale);
  return (
    <div className="flex w-20 flex-col gap-1">
      <span className="text-[13px] tabular-nums">
        {n(cell.used)}
        {cell.limit !== null && <span className="text-ink-subtle"> / {n(cell.limit)}</span>}
      </span>
      {cell.limit !== null && (
        <UsageBar percent={cell.percent} label={resourceLabel(t, cell.resource)} className="h-1.5" />
      )}
    </div>
  );
}

/** Every store's usage this period: one column per soft resource, and a status with the highest percent. */
export function AdminUsageTable({ rows, t, locale }: { rows: AdminUsageRow[]; t: TranslateFn; locale: Locale }) {
  return (
    <Card className="overflow-hidden">
      <DataTable
        rows={rows}
        rowKey={(r) => r.storeId}
        caption={t("usage.admin.title")}
        empty={<p className="px-5 py-10 text-center text-sm text-ink-subtle">{t("usage.admin.empty")}</p>}
        columns={[
          {
            key: "store",
            header: t("usage.admin.store"),
            cell: (r) => (
              <div className="max-w-56">
                <div className="truncate font-medium">{r.storeName}</div>
                <div className="truncate text-xs text-ink-subtle">
                  {r.plan.name} · {r.ownerEmail}
                </div>
              </div>
            ),
          },
          {
            key: "status",
            header: t("usage.admin.status"),
            cell: (r) => {
              const percent = r.maxPercent === null ? "" : `${formatNumber(r.maxPercent, locale)}% · `;
              return r.status === "over" ? (
                <Badge tone="danger" dot>
                  {percent}
                  {t("usage.status.reached")}
                </Badge>
              ) : r.status === "near" ? (
                <Badge tone="warning" dot>
                  {percent}
                  {t("usage.status.near")}
                </Badge>
              ) : (
                <Badge tone="success" dot>
                  {percent}
                  {t("usage.status.ok")}
                </Badge>
              );
            },
          },
          ...COLUMNS.map((resource) => ({
            key: resource,
            header: resourceLabel(t, resource),
            cell: (r: AdminUsageRow) => (
              <UsageCell cell={r.resources.find((c) => c.resource === resource)} t={t} locale={locale} />
            ),
          })),
          {
            key: "credits",
            header: t("usage.admin.credits"),
            align: "right",
            cell: (r) => formatNumber(r.creditsDebited, locale),
          },
        ]}
      />
    </Card>
  );
}
