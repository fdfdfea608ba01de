"use client";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { AlertTriangleIcon } from "@/components/ui/icons";
import { useI18n } from "@/lib/i18n/client";

/** An unexpected error in a page: said in the visitor's language, with a retry and a way home. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { t } = useI18n();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main className="flex min-h-[60dvh] flex-col items-center justify-center px-4 py-16" data-testid="error-page">
      <div className="flex w-full max-w-md flex-col items-center rounded-lg border border-line bg-surface-raised px-6 py-10 text-center shadow-card">
        <span className="mb-4 flex size-11 items-center justify-center rounded-full bg-danger-bg text-danger-ink ring-1 ring-danger-line [&_svg]:size-5">
          <AlertTriangleIcon aria-hidden />
        </span>
        <p className="text-xs font-semibold tracking-wide text-ink-subtle uppercase">{t("errors.error.code")}</p>
        <h1 className="mt-1 text-xl font-semibold text-ink">{t("errors.error.title")}</h1>
        <p className="mt-2 text-sm text-ink-muted">{t("errors.error.body")}</p>
        {error.digest && (
          <p className="mt-3 font-mono text-xs text-ink-subtle">
            {t("errors.error.reference", { digest: error.digest })}
          </p>
        )}
        <div className="mt-6 flex w-full flex-col gap-2 sm:w-auto sm:flex-row">
          <Button onClick={reset}>{t("errors.error.retry")}</Button>
          <Button href="/" variant="secondary">
            {t("errors.error.home")}
          </Button>
        </div>
      </div>
    </main>
  );
}
