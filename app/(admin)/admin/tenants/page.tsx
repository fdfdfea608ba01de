import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { TenantLookup } from "@/components/admin/tenant-lookup";
import { lookupTenant } from "@/lib/admin/tenant-detail";
import { requireAdminPage } from "@/lib/auth/session";
import { getI18n } from "@/lib/http/locale";

export const metadata = { title: "Tenants" };
export const dynamic = "force-dynamic";

/** /admin/tenants?q=<store id | owner email | acct_…> opens that tenant's page. */
export default async function TenantLookupPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  await requireAdminPage();
  const { t } = await getI18n();
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 200) ?? "";
  if (!q) redirect("/admin");
  const storeId = await lookupTenant(q);
  if (storeId) redirect(`/admin/tenants/${storeId}`);
  return (
    <div className="space-y-6">
      <PageHeader title={t("tenants.lookup")} />
      <TenantLookup defaultValue={q} />
      <Alert tone="warning">{t("tenants.notFound", { q })}</Alert>
    </div>
  );
}
