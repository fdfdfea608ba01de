"use client";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useI18n } from "@/lib/i18n/client";
import { formatNumber } from "@/lib/i18n/format";
import { apiFetch } from "@/components/api-client";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { CoinsIcon, ShieldIcon } from "@/components/ui/icons";
import { CreditsChart } from "./credits-chart";
import { LedgerTable } from "./ledger-table";
import { PurchasePanel } from "./purchase-panel";
import type { StripeBrowser } from "./stripe-loader";
import {
  BALANCE_KEY,
  DISPLAY_TIME_ZONE,
  SERIES_KEY,
  type BalanceView,
  type LedgerPage,
  type PackagesView,
  type SavedCard,
  type SeriesPoint,
} from "./types";

type Props = {
  balance: BalanceView;
  offer: PackagesView;
  ledger: LedgerPage;
  series: SeriesPoint[];
  cards: SavedCard[];
  stripe: StripeBrowser | null;
  /** What credits pay for (a server-rendered card), shown under the balance. */
  explainer?: ReactNode;
};

/** The seller's Credits page: balance, purchase, bought-vs-spent chart and the ledger. */
export function CreditsManager({
  balance: initialBalance,
  offer,
  ledger,
  series: initialSeries,
  cards,
  stripe,
  explainer,
}: Props) {
  const { t, locale } = useI18n();
  const balance = useQuery({
    queryKey: BALANCE_KEY,
    queryFn: () => apiFetch<BalanceView>("/api/v1/credits/balance"),
    initialData: initialBalance,
  });
  const series = useQuery({
    queryKey: SERIES_KEY,
    queryFn: () =>
      apiFetch<{ series: SeriesPoint[] }>(
        `/api/v1/credits/series?days=30&tz=${encodeURIComponent(DISPLAY_TIME_ZONE)}`,
      ).then((r) => r.series),
    initialData: initialSeries,
  });
  const bought = series.data.reduce((s, p) => s + p.bought, 0);
  const spent = series.data.reduce((s, p) => s + p.spent, 0);
  return (
    <div className="space-y-6">
      <PageHeader title={t("credits.title")} description={t("credits.description")} />
      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        <Stat
          label={t("credits.balance.title")}
          icon={<CoinsIcon />}
          value={
            <span data-testid="credits-balance" data-value={balance.data.balance}>
              {formatNumber(balance.data.balance, locale)}
            </span>
          }
        />
        <Stat
          label={t("credits.balance.held")}
          icon={<ShieldIcon />}
          value={<span data-testid="credits-held">{formatNumber(balance.data.held, locale)}</span>}
          hint={t("credits.balance.heldHint")}
        />
        <Stat label={t("credits.balance.bought")} value={formatNumber(bought, locale)} />
        <Stat label={t("credits.balance.spent")} value={formatNumber(spent, locale)} />
      </div>
      {explainer}
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="lg:col-span-3">
          <PurchasePanel offer={offer} initialCards={cards} stripe={stripe} />
        </div>
        <div className="lg:col-span-2">
          <CreditsChart series={series.data} />
        </div>
      </div>
      <LedgerTable initial={ledger} />
    </div>
  );
}
