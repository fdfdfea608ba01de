import Link from "next/link";
import { AppShell, type NavItem } from "@/components/layout/app-shell";
import { Logo } from "@/components/layout/logo";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { SessionRefresh } from "@/components/auth/session-refresh";
import { sessionSettings } from "@/lib/auth/session-settings";
import { Badge } from "@/components/ui/badge";
import { requireAdminPage } from "@/lib/auth/session";
import { getI18n } from "@/lib/http/locale";

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireAdminPage();
  const { t } = await getI18n();
  const nav: NavItem[] = [
    { href: "/admin", label: t("nav.adminTenants"), icon: "store" },
    { href: "/admin/users", label: t("nav.adminUsers"), icon: "users" },
    { href: "/admin/operations", label: t("nav.adminOperations"), icon: "activity" },
    { href: "/admin/webhooks", label: t("nav.adminWebhooks"), icon: "webhook" },
    { href: "/admin/credits", label: t("nav.adminCredits"), icon: "coins" },
    { href: "/admin/billing", label: t("nav.adminBilling"), icon: "bar-chart" },
    { href: "/admin/usage", label: t("nav.adminUsage"), icon: "gauge" },
    { href: "/admin/coupons", label: t("nav.adminCoupons"), icon: "tag" },
    { href: "/admin/audit", label: t("nav.adminAudit"), icon: "shield" },
    { href: "/admin/config", label: t("nav.adminConfig"), icon: "settings" },
    { href: "/dashboard", label: t("nav.backToDashboard"), icon: "home", group: t("nav.groupAccount") },
  ];
  return (
    <AppShell
      brand={
        <Link href="/admin" className="flex items-center gap-2">
          <Logo />
          <Badge tone="brand">{t("nav.admin")}</Badge>
        </Link>
      }
      nav={nav}
      user={{ name: user.name, email: user.email }}
      footerSlot={
        <>
          <SignOutButton />
          <SessionRefresh everySeconds={sessionSettings().accessTtlSeconds} />
        </>
      }
      topbarSlot={<LocaleSwitch />}
    >
      {children}
    </AppShell>
  );
}
