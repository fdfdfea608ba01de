// /docs/api/:tag — one section of the API reference: every operation of the tag, read from the
// OpenAPI document (lib/openapi). DOCS_PUBLIC=false: admins only.
import { notFound } from "next/navigation";
import { appUrl } from "@/lib/env/app-url";
import { getI18n } from "@/lib/http/locale";
import { canReadApiDocs } from "@/lib/openapi/access";
import { openApiDocument } from "@/lib/openapi/document";
import { isTag, referenceSections } from "../_components/model";
import { OperationCard } from "../_components/operation-card";
import { ReferenceShell } from "../_components/reference-shell";

type Props = { params: Promise<{ tag: string }> };

export async function generateMetadata({ params }: Props) {
  const { t } = await getI18n();
  const { tag } = await params;
  return {
    title: isTag(tag) ? `${t(`apiDocsTags.title.${tag}`)} · ${t("apiDocs.metaTitle")}` : t("apiDocs.metaTitle"),
  };
}

export default async function ApiReferenceSectionPage({ params }: Props) {
  const { tag } = await params;
  if (!isTag(tag) || !(await canReadApiDocs())) notFound();
  const { t } = await getI18n();
  const doc = openApiDocument();
  const sections = referenceSections(doc);
  const section = sections.find((s) => s.tag === tag);
  if (!section) notFound();
  const baseUrl = appUrl();
  return (
    <ReferenceShell sections={sections} active={tag}>
      <div className="space-y-6" data-testid="api-reference-section">
        <header className="space-y-2">
          <p className="text-sm font-semibold text-brand-700">{t("apiDocs.title")}</p>
          <h1 className="text-3xl font-semibold tracking-tight text-ink">{t(`apiDocsTags.title.${tag}`)}</h1>
          <p className="text-base text-ink-muted">{t(`apiDocsTags.lead.${tag}`)}</p>
        </header>
        {section.operations.map((entry) => (
          <OperationCard key={entry.id} entry={entry} doc={doc} t={t} baseUrl={baseUrl} />
        ))}
      </div>
    </ReferenceShell>
  );
}
