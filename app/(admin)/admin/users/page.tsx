import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Input } from "@/components/ui/input";
import { DataTable } from "@/components/ui/table";
import { UserStatusButton } from "@/components/admin/user-status-button";
import { listUsers } from "@/lib/admin/users";
import { getI18n } from "@/lib/http/locale";
import { formatDate } from "@/lib/i18n/format";
import { requireAdminPage } from "@/lib/auth/session";
import { isStorableText } from "@/lib/validation/text";

export const metadata = { title: "Users" };

export default async function AdminUsers({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  // The layout's check does not run on a client navigation (an RSC request renders this segment alone).
  await requireAdminPage();
  const raw = (await searchParams).q;
  // A repeated ?q= or text no column can hold searches for nothing rather than failing the page.
  const q = typeof raw === "string" && isStorableText(raw) ? raw : undefined;
  const { t, locale } = await getI18n();
  const users = await listUsers({ q });
  return (
    <div className="space-y-6">
      <PageHeader title={t("admin.users")} />
      {/* biome-ignore lint/a11y/useSemanticElements: <form role="search"> is the landmark every browser supports; <search> is still new */}
      <form className="max-w-sm" role="search">
        <Input name="q" defaultValue={q} placeholder={t("admin.search")} aria-label={t("admin.search")} />
      </form>
      <Card className="overflow-hidden">
        <DataTable
          rows={users}
          rowKey={(u) => u.id}
          caption={t("admin.users")}
          columns={[
            {
              key: "name",
              header: t("admin.email"),
              cell: (u) => (
                <div>
                  <div className="font-medium">{u.name}</div>
                  <div className="text-xs text-ink-subtle">{u.email}</div>
                </div>
              ),
            },
            {
              key: "role",
              header: t("admin.role"),
              cell: (u) => <Badge tone={u.role === "ADMIN" ? "brand" : "neutral"}>{u.role}</Badge>,
            },
            { key: "stores", header: t("admin.stores"), align: "right", cell: (u) => u._count.stores },
            {
              key: "status",
              header: t("admin.status"),
              cell: (u) =>
                u.status === "ACTIVE" ? (
                  <Badge tone="success" dot>
                    {t("admin.active")}
                  </Badge>
                ) : (
                  <Badge tone="danger" dot>
                    {t("admin.suspended")}
                  </Badge>
                ),
            },
            { key: "created", header: t("admin.created"), cell: (u) => formatDate(u.createdAt, locale) },
            {
              key: "actions",
              header: "",
              align: "right",
              cell: (u) =>
                u.role === "ADMIN" ? null : <UserStatusButton userId={u.id} email={u.email} status={u.status} />,
            },
          ]}
        />
      </Card>
    </div>
  );
}
