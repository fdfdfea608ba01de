import { AdminPackages } from "@/components/credits/admin-packages";
import { AdjustCreditsCard, VerifyLedgerCard, type StoreOption } from "@/components/credits/admin-ledger-tools";
import { PageHeader } from "@/components/ui/page-header";
import { listTenants } from "@/lib/admin/users";
import { listAllPackages } from "@/lib/credits/packages";
import { getI18n } from "@/lib/http/locale";
import { requireAdminPage } from "@/lib/auth/session";

export const metadata = { title: "Credits" };

export default async function AdminCreditsPage() {
  // The layout's check does not run on a client navigation (an RSC request renders this segment alone).
  await requireAdminPage();
  const { t } = await getI18n();
  const [packages, tenants] = await Promise.all([listAllPackages(), listTenants(500)]);
  const stores: StoreOption[] = tenants.map((s) => ({ id: s.id, name: s.name, ownerEmail: s.owner.email }));
  return (
    <div className="space-y-6">
      <PageHeader title={t("credits.admin.title")} description={t("credits.admin.description")} />
      <AdminPackages initial={packages} />
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <VerifyLedgerCard stores={stores} />
        <AdjustCreditsCard stores={stores} />
      </div>
    </div>
  );
}
