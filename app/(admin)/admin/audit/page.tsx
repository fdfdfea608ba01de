import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { VerifyChainButton } from "@/components/admin/verify-chain-button";
import { listAuditEntries } from "@/lib/admin/users";
import { getI18n } from "@/lib/i18n/server";
import { formatDateTime } from "@/lib/i18n/format";
import { requireAdminPage } from "@/lib/auth/session";

export const metadata = { title: "Audit trail" };

export default async function AdminAudit() {
  // The layout's check does not run on a client navigation (an RSC request renders this segment alone).
  await requireAdminPage();
  const { t, locale } = await getI18n();
  const entries = await listAuditEntries({ take: 200 });
  return (
    <div className="space-y-6">
      <PageHeader title={t("nav.adminAudit")} description={t("admin.auditDescription")} />
      <VerifyChainButton />
      <Card className="overflow-hidden">
        <DataTable
          rows={entries}
          rowKey={(e) => e.id.toString()}
          caption={t("nav.adminAudit")}
          empty={<EmptyState bare title={t("admin.emptyAudit")} />}
          columns={[
            {
              key: "when",
              header: t("admin.when"),
              cell: (e) => <span className="whitespace-nowrap">{formatDateTime(e.createdAt, locale)}</span>,
            },
            { key: "action", header: t("admin.action"), cell: (e) => <Badge tone="neutral">{e.action}</Badge> },
            {
              key: "actor",
              header: t("admin.actor"),
              cell: (e) => (
                <span className="font-mono text-xs">
                  {e.actorType}
                  {e.actorId ? `:${e.actorId}` : ""}
                </span>
              ),
            },
            {
              key: "target",
              header: t("admin.target"),
              cell: (e) => (
                <span className="font-mono text-xs">{e.targetType ? `${e.targetType}:${e.targetId}` : "—"}</span>
              ),
            },
            {
              key: "store",
              header: t("admin.store"),
              cell: (e) => <span className="font-mono text-xs">{e.storeId ?? "—"}</span>,
            },
            {
              key: "hash",
              header: "Hash",
              cell: (e) => <span className="font-mono text-xs text-ink-subtle">{e.hash.slice(0, 12)}</span>,
            },
          ]}
        />
      </Card>
    </div>
  );
}
