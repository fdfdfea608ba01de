import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { TaxIdentityForm } from "@/components/invoices/tax-identity-form";
import { requireSellerPage } from "@/lib/auth/session";
import { getI18n } from "@/lib/http/locale";
import { getTaxIdentity } from "@/lib/invoices/tax-identity";

export const metadata = { title: "Tax identity" };

export default async function TaxSettingsPage() {
  const { store } = await requireSellerPage();
  const { t } = await getI18n();
  if (!store) return <PageHeader title={t("invoices.tax.title")} />;
  const identity = await getTaxIdentity(store.id);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        eyebrow={
          <Link href="/dashboard/invoices" className="hover:text-ink">
            ← {t("invoices.title")}
          </Link>
        }
        title={t("invoices.tax.title")}
        description={t("invoices.tax.description")}
      />
      <TaxIdentityForm initial={identity} />
    </div>
  );
}
