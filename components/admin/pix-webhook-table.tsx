import type { ReactNode } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import type { PixWebhookRow } from "@/lib/admin/webhooks";
import type { Locale } from "@/lib/i18n/config";
import { DISPLAY_TIME_ZONE, formatDate } from "@/lib/i18n/format";
import { formatMoney } from "@/lib/money";
import type { TranslateFn } from "@/lib/i18n/translate";

type T = TranslateFn;

const formatTime = (value: Date, locale: Locale) =>
  new Intl.DateTimeFormat(locale, { timeStyle: "medium", timeZone: DISPLAY_TIME_ZONE }).format(value);

const OUTCOME: Record<string, { tone: BadgeTone; key: Parameters<T>[0] }> = {
  accepted: { tone: "success", key: "admin.outcomeAccepted" },
  ignored: { tone: "neutral", key: "admin.outcomeIgnored" },
  unmatched: { tone: "warning", key: "admin.outcomeUnmatched" },
  rejected: { tone: "danger", key: "admin.outcomeRejected" },
  error: { tone: "danger", key: "admin.outcomeError" },
};

function Outcome({ outcome, t }: { outcome: string; t: T }) {
  const o = OUTCOME[outcome];
  return (
    <Badge tone={o?.tone ?? "neutral"} dot data-outcome={outcome}>
      {o ? t(o.key) : outcome}
    </Badge>
  );
}

function Detail({ row, t }: { row: PixWebhookRow; t: T }): ReactNode {
  return (
    <div className="max-w-md space-y-1">
      {row.detail ? <p className="text-xs break-words text-ink-muted">{row.detail.slice(0, 200)}</p> : null}
      <details className="text-xs">
        <summary className="cursor-pointer text-ink-subtle hover:text-ink">
          {t("admin.showBody", { bytes: row.bodyBytes })}
        </summary>
        {row.bodyPreview ? (
          <>
            <pre
              data-testid="pix-webhook-body"
              className="mt-2 max-h-64 overflow-auto rounded-md border border-line bg-surface-sunken p-2 font-mono text-[11px] whitespace-pre-wrap break-all text-ink"
            >
              {row.bodyPreview}
            </pre>
            <p className="mt-1 text-ink-subtle">{t("admin.bodyMasked")}</p>
          </>
        ) : (
          <p className="mt-1 text-ink-subtle">{t("admin.bodyHidden")}</p>
        )}
      </details>
    </div>
  );
}

/** Inbound PIX webhook deliveries across stores; the body only masked and cut, behind a disclosure. */
export function PixWebhookTable({ rows, t, locale }: { rows: PixWebhookRow[]; t: T; locale: Locale }) {
  return (
    <DataTable
      rows={rows}
      rowKey={(e) => e.id}
      caption={t("admin.pixWebhooksTab")}
      empty={<EmptyState bare title={t("admin.emptyPixEvents")} />}
      columns={[
        {
          key: "when",
          header: t("admin.when"),
          cell: (e) => (
            <div>
              <div>{formatDate(e.receivedAt, locale)}</div>
              <div className="text-xs text-ink-subtle tabular-nums">{formatTime(e.receivedAt, locale)}</div>
            </div>
          ),
        },
        {
          key: "store",
          header: t("admin.store"),
          cell: (e) => (
            <div>
              <div className="font-medium">{e.store.name ?? t("admin.deletedStore")}</div>
              <div className="text-xs text-ink-subtle">
                {e.configLabel ? `${e.gateway} · ${e.configLabel}` : e.gateway}
              </div>
            </div>
          ),
        },
        { key: "outcome", header: t("admin.outcome"), cell: (e) => <Outcome outcome={e.outcome} t={t} /> },
        {
          key: "charge",
          header: t("admin.charge"),
          cell: (e) =>
            e.charge ? (
              <div>
                <div className="max-w-44 truncate font-mono text-xs" title={e.charge.reference ?? e.charge.id}>
                  {e.charge.reference ?? e.charge.id}
                </div>
                <div className="text-xs text-ink-subtle">
                  {e.charge.amountCentavos !== null ? `${formatMoney(e.charge.amountCentavos, "BRL", locale)} · ` : ""}
                  {e.matchedBy ? t("admin.matchedBy", { by: e.matchedBy }) : null}
                </div>
              </div>
            ) : (
              <span className="text-xs text-ink-subtle">{t("admin.noCharge")}</span>
            ),
        },
        { key: "detail", header: t("admin.detail"), wrap: true, cell: (e) => <Detail row={e} t={t} /> },
      ]}
    />
  );
}
