import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { Logo } from "@/components/layout/logo";
import { getI18n } from "@/lib/http/locale";
import type { TranslateFn } from "@/lib/i18n/translate";

export default async function MarketingLayout({ children }: { children: ReactNode }) {
  const { t } = await getI18n();
  return (
    <div className="flex min-h-dvh flex-col bg-surface-raised">
      <header className="sticky top-0 z-30 border-b border-line/80 bg-surface-raised/85 backdrop-blur">
        <div className="mx-auto flex h-16 max-w-6xl items-center gap-3 px-4 sm:px-6">
          <Link
            href="/"
            className="rounded-md focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-focus"
          >
            <Logo />
          </Link>
          <nav aria-label={t("ui.mainNavigation")} className="ml-6 hidden items-center gap-1 lg:flex">
            {(
              [
                ["/#features", t("marketing.nav.features")],
                ["/#how-it-works", t("marketing.nav.howItWorks")],
                ["/#pricing", t("marketing.nav.pricing")],
              ] as const
            ).map(([href, label]) => (
              <a
                key={href}
                href={href}
                className="rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap text-ink-muted transition-colors hover:text-ink focus-visible:outline-2 focus-visible:outline-focus"
              >
                {label}
              </a>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-2 sm:gap-3">
            <LocaleSwitch />
            <Button href="/sign-in" variant="ghost" size="sm">
              {t("marketing.nav.signIn")}
            </Button>
            <Button href="/sign-up" size="sm" className="hidden sm:inline-flex">
              {t("marketing.nav.signUp")}
            </Button>
          </div>
        </div>
      </header>
      <div className="flex-1">{children}</div>
      <SiteFooter t={t} />
    </div>
  );
}

function SiteFooter({ t }: { t: TranslateFn }) {
  const link = "text-sm text-ink-muted transition-colors hover:text-ink";
  return (
    <footer className="border-t border-line bg-surface">
      <div className="mx-auto grid max-w-6xl grid-cols-2 gap-10 px-4 py-12 sm:grid-cols-[2fr_1fr_1fr] sm:px-6">
        <div className="col-span-2 flex flex-col gap-3 sm:col-span-1">
          <Logo size="sm" />
          <p className="max-w-xs text-sm text-ink-muted">{t("marketing.footer.tagline")}</p>
        </div>
        <div className="flex flex-col gap-2.5">
          <p className="text-xs font-semibold tracking-wider text-ink-subtle uppercase">
            {t("marketing.footer.product")}
          </p>
          <a href="/#features" className={link}>
            {t("marketing.nav.features")}
          </a>
          <a href="/#how-it-works" className={link}>
            {t("marketing.nav.howItWorks")}
          </a>
          <a href="/#pricing" className={link}>
            {t("marketing.nav.pricing")}
          </a>
        </div>
        <div className="flex flex-col gap-2.5">
          <p className="text-xs font-semibold tracking-wider text-ink-subtle uppercase">
            {t("marketing.footer.account")}
          </p>
          <Link href="/sign-in" className={link}>
            {t("marketing.nav.signIn")}
          </Link>
          <Link href="/sign-up" className={link}>
            {t("marketing.hero.ctaPrimary")}
          </Link>
        </div>
      </div>
      <div className="border-t border-line">
        <p className="mx-auto max-w-6xl px-4 py-5 text-xs text-ink-subtle sm:px-6">
          {t("marketing.footer.rights", { year: new Date().getFullYear() })}
        </p>
      </div>
    </footer>
  );
}
