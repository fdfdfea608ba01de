import Link from "next/link";
import { AdminUsageTable } from "@/components/usage/admin-usage-table";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { requireAdminPage } from "@/lib/auth/session";
import { formatNumber } from "@/lib/i18n/format";
import { getI18n } from "@/lib/http/locale";
import { AdminUsageQuery, adminUsageOverview } from "@/lib/usage/admin";

export const metadata = { title: "Usage" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function Choice({ href, active, children }: { href: string; active: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "rounded-md px-3 py-1.5 text-[13px] font-medium whitespace-nowrap transition-colors",
        active ? "bg-surface-raised text-ink shadow-card" : "text-ink-muted hover:text-ink",
      )}
    >
      {children}
    </Link>
  );
}

export default async function AdminUsagePage({ searchParams }: Props) {
  // The layout's check does not run on a client navigation (an RSC request renders this segment alone).
  await requireAdminPage();
  const { t, locale } = await getI18n();
  const q = AdminUsageQuery.parse(await searchParams);
  const { rows, near, over, total } = await adminUsageOverview(q);
  const href = (next: Partial<AdminUsageQuery>) => {
    const p = new URLSearchParams({ ...q, ...next });
    return `/admin/usage?${p.toString()}`;
  };
  return (
    <div className="space-y-6">
      <PageHeader title={t("usage.admin.title")} description={t("usage.admin.description")} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label={t("usage.admin.stores")} value={formatNumber(total, locale)} />
        <Stat label={t("usage.admin.near")} value={formatNumber(near, locale)} />
        <Stat label={t("usage.admin.over")} value={formatNumber(over, locale)} />
      </div>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
        <nav aria-label={t("usage.admin.show")} className="flex items-center gap-2 text-[13px] text-ink-muted">
          <span>{t("usage.admin.show")}</span>
          <span className="inline-flex rounded-lg border border-line bg-surface p-0.5">
            <Choice href={href({ show: "all" })} active={q.show === "all"}>
              {t("usage.admin.showAll")}
            </Choice>
            <Choice href={href({ show: "attention" })} active={q.show === "attention"}>
              {t("usage.admin.showAttention")}
            </Choice>
          </span>
        </nav>
        <nav aria-label={t("usage.admin.sort")} className="flex items-center gap-2 text-[13px] text-ink-muted">
          <span>{t("usage.admin.sort")}</span>
          <span className="inline-flex rounded-lg border border-line bg-surface p-0.5">
            <Choice href={href({ sort: "percent" })} active={q.sort === "percent"}>
              {t("usage.admin.sortPercent")}
            </Choice>
            <Choice href={href({ sort: "name" })} active={q.sort === "name"}>
              {t("usage.admin.sortName")}
            </Choice>
          </span>
        </nav>
      </div>
      <AdminUsageTable rows={rows} t={t} locale={locale} />
    </div>
  );
}
