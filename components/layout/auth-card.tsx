import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "./logo";

export type AuthCardProps = {
  title: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
  /** Under the card, e.g. "No account yet? Create one". */
  footer?: ReactNode;
  /** Top-right corner of the page, e.g. <LocaleSwitch />. */
  aside?: ReactNode;
  /** Where the logo links; defaults to the landing page. */
  logoHref?: string;
};

/** Centered card for sign-in, sign-up, password reset and similar one-form pages. */
export function AuthCard({ title, subtitle, children, footer, aside, logoHref = "/" }: AuthCardProps) {
  return (
    <div className="relative flex min-h-dvh flex-col bg-surface">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 top-0 h-72 bg-[radial-gradient(60%_100%_at_50%_0%,var(--color-brand-100),transparent)] opacity-70"
      />
      <div className="relative flex items-center justify-between px-4 py-4 sm:px-6">
        <Link
          href={logoHref}
          className="rounded-md focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-focus"
        >
          <Logo />
        </Link>
        {aside}
      </div>
      <main className="relative flex flex-1 items-start justify-center px-4 pt-6 pb-16 sm:items-center sm:pt-0">
        <div className="w-full max-w-[400px]">
          <div className="rounded-xl border border-line bg-surface-raised p-6 shadow-card sm:p-8">
            <div className="mb-6 flex flex-col gap-1.5">
              <h1 className="text-xl font-semibold tracking-tight text-ink">{title}</h1>
              {subtitle && <p className="text-sm text-ink-muted">{subtitle}</p>}
            </div>
            {children}
          </div>
          {footer && (
            <div className="mt-6 text-center text-sm text-ink-muted [&_a]:font-medium [&_a]:text-brand-700 [&_a:hover]:underline">
              {footer}
            </div>
          )}
        </div>
      </main>
    </div>
  );
}
