import { PageHeader } from "@/components/ui/page-header";
import { InvoicesTable } from "@/components/billing/invoices-table";
import { requireSellerPage } from "@/lib/auth/session";
import { listPlatformInvoices } from "@/lib/billing/plans";
import { getI18n } from "@/lib/i18n/server";
import { logger } from "@/lib/log/logger";

export const metadata = { title: "Plan and invoices" };

export default async function InvoicesPage() {
  const { store } = await requireSellerPage();
  const { t, locale } = await getI18n();
  if (!store) return <PageHeader title={t("billing.title")} />;
  // Stripe being unreachable should cost the seller the invoice list, not the whole page.
  const invoices = await listPlatformInvoices(store.id).catch((err: unknown) => {
    logger.warn({ err, storeId: store.id }, "platform invoices unavailable");
    return null;
  });
  return (
    <div className="space-y-8">
      <PageHeader title={t("billing.title")} description={t("billing.description")} />
      <InvoicesTable invoices={invoices ?? []} failed={invoices === null} t={t} locale={locale} />
    </div>
  );
}
