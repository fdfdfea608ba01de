import { CreditUses } from "@/components/credits/credit-uses";
import { CreditsManager } from "@/components/credits/credits-manager";
import { effectivePlan } from "@/lib/billing/entitlements";
import { asJson } from "@/components/catalog/types";
import { DISPLAY_TIME_ZONE, type LedgerPage, type PackagesView, type SavedCard } from "@/components/credits/types";
import { PageHeader } from "@/components/ui/page-header";
import { requireSellerPage } from "@/lib/auth/session";
import { creditSeries, getBalance, listLedger, listPackagesForStore, listPaymentMethods } from "@/lib/credits/views";
import { getI18n } from "@/lib/http/locale";
import { logger } from "@/lib/log/logger";
import { stripeBrowserConfig } from "@/lib/stripe/client";

export const metadata = { title: "Credits" };

export default async function CreditsPage() {
  const { store } = await requireSellerPage();
  const { t, locale } = await getI18n();
  if (!store) return <PageHeader title={t("credits.title")} description={t("credits.description")} />;
  const [balance, offer, ledger, { series }, cards, plan] = await Promise.all([
    getBalance(store.id),
    listPackagesForStore(store),
    listLedger(store.id, { limit: 50 }),
    creditSeries(store.id, { days: 30, tz: DISPLAY_TIME_ZONE }),
    // Saved cards live at Stripe: the page still works (new card only) if it cannot be reached.
    listPaymentMethods(store).catch((err: unknown) => {
      logger.warn({ err, storeId: store.id }, "credits page: saved cards unavailable");
      return [];
    }),
    effectivePlan(store.id),
  ]);
  const stripe = stripeBrowserConfig();
  return (
    <CreditsManager
      balance={balance}
      offer={asJson<PackagesView>(offer)}
      ledger={asJson<LedgerPage>(ledger)}
      series={series}
      cards={asJson<SavedCard[]>(cards)}
      explainer={
        <CreditUses
          t={t}
          locale={locale}
          currency={store.currency}
          planName={plan.plan.name}
          limits={plan.entitlements.limits}
          overage={plan.entitlements.overage}
          offer={offer}
        />
      }
      stripe={
        stripe.publishableKey
          ? { publishableKey: stripe.publishableKey, standInScriptUrl: stripe.standInScriptUrl }
          : null
      }
    />
  );
}
