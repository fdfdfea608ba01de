import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { TenantCredits, TenantPix } from "@/components/admin/tenant-money";
import { TenantLookup } from "@/components/admin/tenant-lookup";
import { BillingSummaryCard } from "@/components/billing-admin/billing-summary-card";
import { listTenantOverview, platformMoneyTotals } from "@/lib/admin/tenants";
import { platformCounts } from "@/lib/admin/users";
import { getI18n } from "@/lib/http/locale";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { formatMoney } from "@/lib/money";
import { requireAdminPage } from "@/lib/auth/session";

export const metadata = { title: "Admin" };

export default async function AdminHome() {
  // The layout's check does not run on a client navigation (an RSC request renders this segment alone).
  await requireAdminPage();
  const { t, locale } = await getI18n();
  const [tenants, { users, auditEntries: audit }, totals] = await Promise.all([
    listTenantOverview(),
    platformCounts(),
    platformMoneyTotals(),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("admin.title")} description={t("admin.description")} />
      <TenantLookup />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <Stat label={t("admin.tenants")} value={tenants.length} />
        <Stat label={t("admin.users")} value={users} />
        <Stat label={t("admin.auditEntries")} value={audit} />
        <Stat
          label={t("admin.creditsOutstanding")}
          value={formatNumber(totals.creditsOutstanding, locale)}
          hint={
            <Link href="/admin/credits" className="font-medium text-brand-700 hover:underline">
              {t("admin.manageCredits")}
            </Link>
          }
        />
        <Stat
          label={t("admin.pixPaid30d")}
          value={formatMoney(totals.pixPaidCentavos, "BRL", locale)}
          hint={t("admin.pixPaidHint", { count: totals.pixPaidCount })}
        />
      </div>
      <BillingSummaryCard />
      <Card className="overflow-hidden">
        <DataTable
          rows={tenants}
          rowKey={(s) => s.id}
          caption={t("admin.tenants")}
          empty={<EmptyState bare title={t("admin.emptyTenants")} />}
          columns={[
            {
              key: "name",
              header: t("admin.store"),
              cell: (s) => (
                <div>
                  <Link href={`/admin/tenants/${s.id}`} className="font-medium text-brand-700 hover:underline">
                    {s.name}
                  </Link>
                  <div className="font-mono text-xs text-ink-subtle">
                    {s.id} · {s.currency}
                  </div>
                </div>
              ),
            },
            {
              key: "owner",
              header: t("admin.owner"),
              cell: (s) => (
                <div>
                  <div>{s.owner.name}</div>
                  <div className="text-xs text-ink-subtle">{s.owner.email}</div>
                </div>
              ),
            },
            {
              key: "status",
              header: t("admin.status"),
              cell: (s) => (
                <div className="space-y-1">
                  {s.reviewStatus !== "APPROVED" && (
                    <Badge tone={s.reviewStatus === "PENDING" ? "warning" : "danger"} dot>
                      {t(`tenants.review.${s.reviewStatus}`)}
                    </Badge>
                  )}
                  {s.owner.status === "ACTIVE" ? (
                    <Badge tone="success" dot>
                      {t("admin.active")}
                    </Badge>
                  ) : (
                    <Badge tone="danger" dot>
                      {t("admin.suspended")}
                    </Badge>
                  )}
                  <div className="mt-1 text-xs text-ink-subtle">
                    {t("admin.createdOn", { date: formatDate(s.createdAt, locale) })}
                  </div>
                </div>
              ),
            },
            {
              key: "credits",
              header: t("admin.credits"),
              align: "right",
              cell: (s) => <TenantCredits credits={s.money.credits} t={t} locale={locale} />,
            },
            { key: "pix", header: t("admin.pix"), cell: (s) => <TenantPix pix={s.money.pix} t={t} locale={locale} /> },
          ]}
        />
      </Card>
    </div>
  );
}
