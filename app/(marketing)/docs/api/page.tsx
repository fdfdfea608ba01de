// /docs/api — the API reference's overview: how to authenticate, money, errors, idempotency, and
// the sections; rendered from the OpenAPI document (lib/openapi). DOCS_PUBLIC=false: admins only.
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getI18n } from "@/lib/http/locale";
import { canReadApiDocs } from "@/lib/openapi/access";
import { ReferenceShell } from "./_components/reference-shell";
import { referenceSections } from "./_components/model";

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: t("apiDocs.metaTitle") };
}

function Note({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-line bg-surface-raised p-4">
      <h2 className="text-base font-semibold text-ink">{title}</h2>
      <p className="mt-1 text-sm leading-relaxed text-ink-muted">{children}</p>
    </section>
  );
}

export default async function ApiReferencePage() {
  if (!(await canReadApiDocs())) notFound();
  const { t } = await getI18n();
  const sections = referenceSections();
  const total = sections.reduce((n, s) => n + s.operations.length, 0);
  return (
    <ReferenceShell sections={sections}>
      <div className="space-y-8" data-testid="api-reference">
        <header className="space-y-3">
          <p className="text-sm font-semibold text-brand-700">{t("apiDocs.kicker")}</p>
          <h1 className="text-3xl font-semibold tracking-tight text-ink">{t("apiDocs.title")}</h1>
          <p className="max-w-3xl text-base leading-relaxed text-ink-muted">{t("apiDocs.lead")}</p>
          <p className="flex flex-wrap items-center gap-3 text-sm">
            <span className="text-ink-subtle">{t("apiDocs.operations", { count: total })}</span>
            <a href="/api/v1/openapi.json" className="font-medium text-brand-700 hover:underline">
              {t("apiDocs.download")}
            </a>
          </p>
        </header>
        <div className="grid gap-4 md:grid-cols-2">
          <Note title={t("apiDocs.authTitle")}>{t("apiDocs.authBody")}</Note>
          <Note title={t("apiDocs.moneyTitle")}>{t("apiDocs.moneyBody")}</Note>
          <Note title={t("apiDocs.errorsTitle")}>{t("apiDocs.errorsBody")}</Note>
          <Note title={t("apiDocs.idempotencyTitle")}>{t("apiDocs.idempotencyBody")}</Note>
        </div>
        <section className="space-y-3">
          <h2 className="text-xl font-semibold tracking-tight text-ink">{t("apiDocs.browse")}</h2>
          <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
            {sections.map((s) => (
              <li key={s.tag}>
                <Link
                  href={`/docs/api/${s.tag}`}
                  className="flex h-full flex-col gap-1 rounded-lg border border-line bg-surface-raised p-4 transition-colors hover:border-brand-300 hover:bg-brand-50/40 focus-visible:outline-2 focus-visible:outline-focus"
                >
                  <span className="flex items-center justify-between gap-2 font-medium text-ink">
                    {t(`apiDocsTags.title.${s.tag}`)}
                    <span className="text-xs font-normal text-ink-subtle tabular-nums">
                      {t("apiDocs.operations", { count: s.operations.length })}
                    </span>
                  </span>
                  <span className="text-sm text-ink-muted">{t(`apiDocsTags.lead.${s.tag}`)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </ReferenceShell>
  );
}
