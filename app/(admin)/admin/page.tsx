import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { listTenants } from "@/lib/admin/users";
import { getI18n } from "@/lib/i18n/server";
import { formatDate } from "@/lib/i18n/format";
import { prisma } from "@/lib/db/client";

export const metadata = { title: "Admin" };

export default async function AdminHome() {
  const { t, locale } = await getI18n();
  const [tenants, users, audit] = await Promise.all([listTenants(), prisma.user.count(), prisma.auditLog.count()]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("admin.title")} description={t("admin.description")} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label={t("admin.tenants")} value={tenants.length} />
        <Stat label={t("admin.users")} value={users} />
        <Stat label={t("admin.auditEntries")} value={audit} />
      </div>
      <Card className="overflow-hidden">
        <DataTable
          rows={tenants}
          rowKey={(s) => s.id}
          caption={t("admin.tenants")}
          empty={<EmptyState bare title={t("admin.emptyTenants")} />}
          columns={[
            { key: "name", header: t("admin.store"), cell: (s) => <div><div className="font-medium">{s.name}</div><div className="font-mono text-xs text-ink-subtle">{s.id}</div></div> },
            { key: "owner", header: t("admin.owner"), cell: (s) => <div><div>{s.owner.name}</div><div className="text-xs text-ink-subtle">{s.owner.email}</div></div> },
            { key: "status", header: t("admin.status"), cell: (s) => (s.owner.status === "ACTIVE" ? <Badge tone="success" dot>{t("admin.active")}</Badge> : <Badge tone="danger" dot>{t("admin.suspended")}</Badge>) },
            { key: "currency", header: t("dashboard.currency"), cell: (s) => s.currency },
            { key: "created", header: t("admin.created"), cell: (s) => formatDate(s.createdAt, locale) },
          ]}
        />
      </Card>
    </div>
  );
}
