"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { formatNumber } from "@/lib/i18n/format";
import type { MessageKey } from "@/lib/i18n/translate";
import { apiFetch } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { CoinsIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { DataTable } from "@/components/ui/table";
import {
  DISPLAY_TIME_ZONE,
  ENTRY_KINDS,
  LEDGER_KEY,
  type EntryKind,
  type LedgerEntryRow,
  type LedgerPage,
} from "./types";

const TONE: Record<EntryKind, BadgeTone> = {
  PURCHASE: "success",
  SPEND: "neutral",
  REFUND_REVERSAL: "danger",
  DISPUTE_HOLD: "warning",
  DISPUTE_RELEASE: "info",
  DISPUTE_LOSS: "danger",
  ADJUSTMENT: "brand",
  EXPIRY: "neutral",
  OVERAGE: "warning",
};
const ACTORS = ["system", "seller", "admin", "api_key", "stripe"];

export type LedgerFilters = { kind: EntryKind | ""; from: string; to: string };

/** Query string shared by the table and the CSV export, so the file holds exactly what is on screen (all pages), day bounds included. */
export function ledgerQuery(f: LedgerFilters, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams(extra);
  if (f.kind) q.set("kind", f.kind);
  if (f.from) q.set("from", f.from);
  if (f.to) q.set("to", f.to);
  // The days are the ones the table shows dates in, not UTC days (see docs/credits.md).
  if (f.from || f.to) q.set("tz", DISPLAY_TIME_ZONE);
  const s = q.toString();
  return s ? `?${s}` : "";
}

function FilterField({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-[13px] font-medium text-ink-muted">
        {label}
      </label>
      {children}
    </div>
  );
}

function SignedCredits({ amount }: { amount: number }) {
  const { locale } = useI18n();
  const text = `${amount > 0 ? "+" : amount < 0 ? "−" : ""}${formatNumber(Math.abs(amount), locale)}`;
  return (
    <span
      className={
        amount > 0
          ? "font-medium text-success-ink tabular-nums"
          : amount < 0
            ? "font-medium text-danger-ink tabular-nums"
            : "tabular-nums"
      }
    >
      {text}
    </span>
  );
}

/** The credits ledger with kind/date filters, "load more" paging and a CSV export of the same filters. */
export function LedgerTable({ initial }: { initial: LedgerPage }) {
  const { t, dateTime, locale } = useI18n();
  const [filters, setFilters] = useState<LedgerFilters>({ kind: "", from: "", to: "" });
  const filtered = !!(filters.kind || filters.from || filters.to);
  const ledger = useInfiniteQuery({
    queryKey: [...LEDGER_KEY, filters],
    queryFn: ({ pageParam }) =>
      apiFetch<LedgerPage>(
        `/api/v1/credits/ledger${ledgerQuery(filters, { limit: "50", ...(pageParam ? { cursor: pageParam } : {}) })}`,
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: filtered ? undefined : { pages: [initial], pageParams: [""] },
  });
  const rows = ledger.data?.pages.flatMap((p) => p.entries) ?? [];
  const set = (patch: Partial<LedgerFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const actor = (e: LedgerEntryRow) =>
    ACTORS.includes(e.actorType) ? t(`credits.ledger.actors.${e.actorType}` as MessageKey) : e.actorType;

  return (
    <Card className="overflow-hidden">
      <CardHeader>
        <CardTitle>{t("credits.ledger.title")}</CardTitle>
        <CardDescription>{t("credits.ledger.description")}</CardDescription>
      </CardHeader>
      <div className="flex flex-wrap items-end gap-3 px-5 pb-4 sm:px-6">
        <FilterField id="ledger-kind" label={t("credits.ledger.kind")}>
          <Select
            id="ledger-kind"
            size="sm"
            value={filters.kind}
            onChange={(e) => set({ kind: e.currentTarget.value as EntryKind | "" })}
            placeholder={t("credits.ledger.allKinds")}
            data-testid="ledger-kind"
            options={ENTRY_KINDS.map((k) => ({ value: k, label: t(`credits.ledger.kinds.${k}`) }))}
          />
        </FilterField>
        <FilterField id="ledger-from" label={t("credits.ledger.from")}>
          <Input
            id="ledger-from"
            size="sm"
            type="date"
            value={filters.from}
            max={filters.to || undefined}
            onChange={(e) => set({ from: e.currentTarget.value })}
            data-testid="ledger-from"
          />
        </FilterField>
        <FilterField id="ledger-to" label={t("credits.ledger.to")}>
          <Input
            id="ledger-to"
            size="sm"
            type="date"
            value={filters.to}
            min={filters.from || undefined}
            onChange={(e) => set({ to: e.currentTarget.value })}
            data-testid="ledger-to"
          />
        </FilterField>
        <a
          href={`/api/v1/credits/ledger/export${ledgerQuery(filters)}`}
          download
          className={buttonClasses({ variant: "secondary", size: "sm" }, "sm:ml-auto")}
          data-testid="ledger-export"
        >
          {t("credits.ledger.export")}
        </a>
      </div>
      {ledger.isError && (
        <Alert tone="danger" className="mx-5 mb-4 sm:mx-6">
          {t("credits.ledger.loadError")}
        </Alert>
      )}
      <div className="border-t border-line">
        <DataTable
          rows={rows}
          rowKey={(e) => e.id}
          caption={t("credits.ledger.title")}
          empty={
            filtered ? (
              <p className="px-5 py-10 text-center text-sm text-ink-subtle">{t("credits.ledger.emptyFiltered")}</p>
            ) : (
              <EmptyState bare icon={<CoinsIcon />} title={t("credits.ledger.empty")} />
            )
          }
          columns={[
            { key: "when", header: t("credits.ledger.when"), cell: (e) => dateTime(e.createdAt) },
            {
              key: "kind",
              header: t("credits.ledger.entry"),
              cell: (e) => (
                <span className="flex flex-col items-start gap-1">
                  <Badge tone={TONE[e.kind]} data-testid="ledger-kind-badge" data-kind={e.kind}>
                    {t(`credits.ledger.kinds.${e.kind}`)}
                  </Badge>
                  {e.reason && (
                    <span className="max-w-72 truncate text-xs text-ink-subtle" title={e.reason}>
                      {e.reason}
                    </span>
                  )}
                </span>
              ),
            },
            {
              key: "amount",
              header: t("credits.ledger.amount"),
              align: "right",
              cell: (e) => <SignedCredits amount={e.amount} />,
            },
            {
              key: "after",
              header: t("credits.ledger.balanceAfter"),
              align: "right",
              cell: (e) => <span className="tabular-nums">{formatNumber(e.balanceAfter, locale)}</span>,
            },
            {
              key: "reference",
              header: t("credits.ledger.reference"),
              cell: (e) =>
                e.reference ? (
                  <span className="font-mono text-xs" title={e.reference}>
                    {e.reference.length > 28 ? `${e.reference.slice(0, 28)}…` : e.reference}
                  </span>
                ) : (
                  <span className="text-ink-subtle">—</span>
                ),
            },
            { key: "actor", header: t("credits.ledger.actor"), cell: actor },
          ]}
        />
      </div>
      <LoadMore list={ledger} label={t("credits.ledger.loadMore")} />
    </Card>
  );
}
