import { PageHeader } from "@/components/ui/page-header";
import { PlanManager } from "@/components/billing/plan-manager";
import { InvoicesTable } from "@/components/billing/invoices-table";
import type { PlanView, SubscriptionView } from "@/components/billing/types";
import { asJson } from "@/components/catalog/types";
import { requireSellerPage } from "@/lib/auth/session";
import { getSubscription, listPlans, listPlatformInvoices } from "@/lib/billing/plans";
import { getI18n } from "@/lib/i18n/server";
import { logger } from "@/lib/log/logger";

export const metadata = { title: "Plan and invoices" };

type Props = { searchParams: Promise<{ subscribed?: string }> };

export default async function InvoicesPage({ searchParams }: Props) {
  const { store } = await requireSellerPage();
  const { t, locale } = await getI18n();
  if (!store) return <PageHeader title={t("billing.title")} />;
  const { subscribed } = await searchParams;
  const [plans, subscription, invoices] = await Promise.all([
    listPlans(),
    getSubscription(store.id),
    // Stripe being unreachable should cost the seller the invoice list, not the whole page.
    listPlatformInvoices(store.id).catch((err: unknown) => {
      logger.warn({ err, storeId: store.id }, "platform invoices unavailable");
      return null;
    }),
  ]);
  return (
    <div className="space-y-8">
      <PageHeader title={t("billing.title")} description={t("billing.description")} />
      <PlanManager
        initialPlans={asJson<PlanView[]>(plans)}
        initialSubscription={asJson<SubscriptionView | null>(subscription)}
        returnedFromCheckout={!!subscribed}
      />
      <InvoicesTable invoices={invoices ?? []} failed={invoices === null} t={t} locale={locale} />
    </div>
  );
}
