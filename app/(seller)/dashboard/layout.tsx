import Link from "next/link";
import { redirect } from "next/navigation";
import { AppShell, type NavItem } from "@/components/layout/app-shell";
import { Logo } from "@/components/layout/logo";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { SessionRefresh } from "@/components/auth/session-refresh";
import { BillingBanner } from "@/components/dunning/billing-banner";
import { sessionSettings } from "@/lib/auth/session-settings";
import { requireSellerPage } from "@/lib/auth/session";
import { getI18n } from "@/lib/http/locale";

export const dynamic = "force-dynamic";

export default async function SellerLayout({ children }: { children: React.ReactNode }) {
  const { user, store } = await requireSellerPage();
  // An admin without a store of their own lands on the admin console, not an empty seller dashboard.
  if (user.role === "ADMIN" && !store) redirect("/admin");
  const { t } = await getI18n();
  const nav: NavItem[] = [
    { href: "/dashboard", label: t("nav.overview"), icon: "home" },
    { href: "/dashboard/connect", label: t("nav.connect"), icon: "store", group: t("nav.groupSell") },
    { href: "/dashboard/products", label: t("nav.products"), icon: "package", group: t("nav.groupSell") },
    { href: "/dashboard/checkout-links", label: t("nav.checkoutLinks"), icon: "link", group: t("nav.groupSell") },
    { href: "/dashboard/payments", label: t("nav.payments"), icon: "activity", group: t("nav.groupSell") },
    { href: "/dashboard/customers", label: t("nav.customers"), icon: "users", group: t("nav.groupSell") },
    { href: "/dashboard/pix", label: t("nav.pix"), icon: "qr-code", group: t("nav.groupSell") },
    { href: "/dashboard/coupons", label: t("nav.coupons"), icon: "tag", group: t("nav.groupSell") },
    { href: "/dashboard/balance", label: t("nav.balance"), icon: "wallet", group: t("nav.groupMoney") },
    { href: "/dashboard/credits", label: t("nav.credits"), icon: "coins", group: t("nav.groupMoney") },
    { href: "/dashboard/invoices", label: t("nav.invoices"), icon: "file-text", group: t("nav.groupMoney") },
    { href: "/dashboard/plan", label: t("nav.plan"), icon: "credit-card", group: t("nav.groupMoney") },
    { href: "/dashboard/usage", label: t("nav.usage"), icon: "gauge", group: t("nav.groupMoney") },
    { href: "/dashboard/callbacks", label: t("nav.callbacks"), icon: "webhook", group: t("nav.groupDevelopers") },
    { href: "/dashboard/api-keys", label: t("nav.apiKeys"), icon: "key", group: t("nav.groupDevelopers") },
    {
      href: "/dashboard/settings/notifications",
      label: t("nav.notifications"),
      icon: "bell",
      group: t("nav.groupAccount"),
    },
    { href: "/dashboard/settings/tax", label: t("nav.taxIdentity"), icon: "file-text", group: t("nav.groupAccount") },
    { href: "/dashboard/settings", label: t("nav.settings"), icon: "settings", group: t("nav.groupAccount") },
    ...(user.role === "ADMIN"
      ? [{ href: "/admin", label: t("nav.admin"), icon: "shield" as const, group: t("nav.groupAccount") }]
      : []),
  ];
  return (
    <AppShell
      brand={
        <Link href="/dashboard" aria-label="Vitrine">
          <Logo />
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
      topbarSlot={
        <div className="flex items-center gap-3">
          {store && (
            <span className="hidden text-sm text-ink-muted sm:inline" data-testid="current-store">
              {t("nav.store")}: <strong className="text-ink">{store.name}</strong>
            </span>
          )}
          <LocaleSwitch />
        </div>
      }
    >
      {store && (
        <div className="mb-6 empty:hidden">
          <BillingBanner storeId={store.id} />
        </div>
      )}
      {children}
    </AppShell>
  );
}
