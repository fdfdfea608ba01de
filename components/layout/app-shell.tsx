"use client";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useI18n } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { MenuIcon, XIcon } from "@/components/ui/icons";
import { SidebarNav, type NavItem } from "./sidebar-nav";

export type { NavItem } from "./sidebar-nav";

export type AppShellProps = {
  /** Top-left identity, e.g. <Link href="/dashboard"><Logo /></Link>. */
  brand: ReactNode;
  nav: NavItem[];
  user: { name: string; email: string };
  /** Under the user block in the sidebar, e.g. a sign-out form. */
  footerSlot?: ReactNode;
  /** Right side of the top bar, e.g. a store switcher or <LocaleSwitch />. Without it the bar only shows on small screens. */
  topbarSlot?: ReactNode;
  children: ReactNode;
};

/** Dashboard frame: fixed sidebar from 768px up; below that a top bar whose menu button opens the same nav in a drawer. */
export function AppShell({ brand, nav, user, footerSlot, topbarSlot, children }: AppShellProps) {
  const { t } = useI18n();
  const pathname = usePathname();
  const drawer = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const dialog = drawer.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  // Navigating closes the drawer.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger, not an input
  useEffect(() => setOpen(false), [pathname]);

  const sidebar = (
    <SidebarNav
      brand={brand}
      nav={nav}
      user={user}
      footerSlot={footerSlot}
      pathname={pathname}
      label={t("ui.mainNavigation")}
    />
  );

  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-surface-raised px-3 py-2 text-sm font-medium shadow-pop focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        {t("ui.skipToContent")}
      </a>

      <aside className="fixed inset-y-0 left-0 z-30 hidden w-64 border-r border-line bg-surface-raised md:block">
        {sidebar}
      </aside>

      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the click closes on the backdrop; Escape closes the native dialog */}
      <dialog
        ref={drawer}
        onClose={() => setOpen(false)}
        onClick={(e) => {
          if (e.target === e.currentTarget) setOpen(false);
        }}
        className="m-0 h-dvh max-h-none w-72 max-w-[85vw] animate-drawer-in border-r border-line bg-surface-raised p-0 text-ink shadow-pop md:hidden"
      >
        <div className="relative h-full">
          <Button
            variant="ghost"
            size="sm"
            iconOnly
            aria-label={t("ui.closeMenu")}
            onClick={() => setOpen(false)}
            className="absolute top-3 right-3 z-10"
          >
            <XIcon />
          </Button>
          {sidebar}
        </div>
      </dialog>

      <div className="md:pl-64">
        <header
          className={
            "sticky top-0 z-20 flex h-14 items-center gap-2 border-b border-line bg-surface-raised/90 px-3 backdrop-blur sm:px-6 md:px-8 " +
            (topbarSlot ? "" : "md:hidden")
          }
        >
          <Button
            variant="ghost"
            size="md"
            iconOnly
            aria-label={t("ui.openMenu")}
            aria-expanded={open}
            onClick={() => setOpen(true)}
            className="md:hidden"
          >
            <MenuIcon />
          </Button>
          <div className="flex min-w-0 items-center md:hidden [&>a]:flex [&>a]:items-center">{brand}</div>
          <div className="ml-auto flex items-center gap-2">{topbarSlot}</div>
        </header>
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-6xl px-4 py-6 focus:outline-none sm:px-6 md:px-8 md:py-8"
        >
          {children}
        </main>
      </div>
    </div>
  );
}
