import Link from "next/link";
import { Logo } from "@/components/layout/logo";
import { Button } from "@/components/ui/button";
import { SearchIcon } from "@/components/ui/icons";
import { getI18n } from "@/lib/http/locale";

export const metadata = { title: "404" };

/** Every unknown address and every notFound() without a nearer boundary: in the visitor's language. */
export default async function NotFound() {
  const { t } = await getI18n();
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-surface px-4 py-16" data-testid="not-found">
      <Link
        href="/"
        className="mb-10 rounded-md focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-focus"
      >
        <Logo />
      </Link>
      <div className="flex w-full max-w-md flex-col items-center rounded-lg border border-line bg-surface-raised px-6 py-10 text-center shadow-card">
        <span className="mb-4 flex size-11 items-center justify-center rounded-full bg-brand-50 text-brand-700 ring-1 ring-brand-100 [&_svg]:size-5">
          <SearchIcon aria-hidden />
        </span>
        <p className="text-xs font-semibold tracking-wide text-ink-subtle uppercase">{t("errors.notFound.code")}</p>
        <h1 className="mt-1 text-xl font-semibold text-ink">{t("errors.notFound.title")}</h1>
        <p className="mt-2 text-sm text-ink-muted">{t("errors.notFound.body")}</p>
        <div className="mt-6 flex w-full flex-col gap-2 sm:w-auto sm:flex-row">
          <Button href="/">{t("errors.notFound.home")}</Button>
          <Button href="/dashboard" variant="secondary">
            {t("errors.notFound.dashboard")}
          </Button>
        </div>
      </div>
    </main>
  );
}
