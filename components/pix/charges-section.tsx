"use client";
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ChevronRightIcon, PlusIcon, QrCodeIcon, RefreshIcon } from "@/components/ui/icons";
import { DataTable } from "@/components/ui/table";
import { ChargeStatusBadge } from "./charge-status-badge";
import { CHARGES_KEY, gatewayName, listOf, type PixChargeRow } from "./types";

type Props = {
  initial: PixChargeRow[] | undefined;
  onOpen: (id: string) => void;
  onNew: () => void;
  canCreate: boolean;
};

/** Recent PIX charges; polls while one is still waiting (for a payment or the buyer's data) so a change shows up without a reload. */
export function ChargesSection({ initial, onOpen, onNew, canCreate }: Props) {
  const { t, money, dateTime } = useI18n();
  const charges = useQuery({
    queryKey: CHARGES_KEY,
    queryFn: async () => listOf<PixChargeRow>(await apiFetch("/api/v1/pix/charges?limit=50")),
    initialData: initial,
    refetchInterval: (q) =>
      q.state.data?.some(
        (c) =>
          (c.status === "pending" || c.status === "awaiting_customer") &&
          (!c.expiresAt || new Date(c.expiresAt) > new Date()),
      )
        ? 5_000
        : false,
  });
  const rows = charges.data ?? [];
  const newButton = (
    <Button size="sm" onClick={onNew} disabled={!canCreate}>
      <PlusIcon aria-hidden />
      {t("pix.charges.new")}
    </Button>
  );
  const gatewayOf = (c: PixChargeRow) => c.gatewayLabel ?? gatewayName(t, c.gateway);

  return (
    <Card className="overflow-hidden" data-testid="pix-charges">
      <CardHeader
        className="flex-col sm:flex-row"
        actions={
          <div className="flex items-center gap-2">
            <Button
              variant="secondary"
              size="sm"
              iconOnly
              aria-label={t("pix.charges.refresh")}
              loading={charges.isFetching}
              onClick={() => void charges.refetch()}
            >
              <RefreshIcon />
            </Button>
            {newButton}
          </div>
        }
      >
        <CardTitle>{t("pix.charges.title")}</CardTitle>
        <CardDescription>{t("pix.charges.description")}</CardDescription>
      </CardHeader>
      {charges.isError && (
        <Alert tone="danger" className="mx-5 mb-4 sm:mx-6">
          {t("pix.charges.loadError")}
        </Alert>
      )}
      <div className="border-t border-line">
        {rows.length === 0 ? (
          <EmptyState
            bare
            icon={<QrCodeIcon />}
            title={t("pix.charges.emptyTitle")}
            description={t("pix.charges.emptyBody")}
          />
        ) : (
          <>
            <ul className="divide-y divide-line sm:hidden">
              {rows.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    onClick={() => onOpen(c.id)}
                    className="flex w-full items-center gap-3 px-5 py-3.5 text-left hover:bg-surface-sunken"
                  >
                    <span className="flex min-w-0 flex-1 flex-col gap-1">
                      <span className="flex items-center justify-between gap-2">
                        <span className="font-semibold tabular-nums">{money(c.amountCentavos, "BRL")}</span>
                        <ChargeStatusBadge charge={c} />
                      </span>
                      <span className="truncate text-[13px] text-ink-muted">{c.description}</span>
                      <span className="text-xs text-ink-subtle">
                        {gatewayOf(c)} · {dateTime(c.createdAt)}
                      </span>
                    </span>
                    <ChevronRightIcon size={16} className="shrink-0 text-ink-subtle" aria-hidden />
                  </button>
                </li>
              ))}
            </ul>
            <div className="hidden sm:block">
              <DataTable
                rows={rows}
                rowKey={(c) => c.id}
                caption={t("pix.charges.title")}
                columns={[
                  {
                    key: "amount",
                    header: t("pix.charges.amount"),
                    align: "right",
                    cell: (c) => (
                      <span className="font-medium tabular-nums" data-testid="pix-charge-amount">
                        {money(c.amountCentavos, "BRL")}
                      </span>
                    ),
                  },
                  { key: "status", header: t("pix.charges.status"), cell: (c) => <ChargeStatusBadge charge={c} /> },
                  {
                    key: "description",
                    header: t("pix.charges.descriptionCol"),
                    wrap: true,
                    cell: (c) => <span className="line-clamp-2 max-w-64">{c.description}</span>,
                  },
                  {
                    key: "gateway",
                    header: t("pix.charges.gateway"),
                    cell: (c) =>
                      c.gateway ? gatewayOf(c) : <span className="text-ink-subtle">{t("pix.charges.noGateway")}</span>,
                  },
                  {
                    key: "created",
                    header: t("pix.charges.created"),
                    cell: (c) => (
                      <span className="flex flex-col">
                        <span>{dateTime(c.createdAt)}</span>
                        {c.paidAt && (
                          <span className="text-xs text-ink-subtle">
                            {t("pix.charges.paidOn", { date: dateTime(c.paidAt) })}
                          </span>
                        )}
                      </span>
                    ),
                  },
                  {
                    key: "open",
                    header: "",
                    align: "right",
                    cell: (c) => (
                      <Button variant="ghost" size="sm" onClick={() => onOpen(c.id)}>
                        {t("pix.charges.open")}
                      </Button>
                    ),
                  },
                ]}
              />
            </div>
          </>
        )}
      </div>
    </Card>
  );
}
