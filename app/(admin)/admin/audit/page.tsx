import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { EmptyState } from "@/components/ui/empty-state";
import { VerifyChainButton } from "@/components/admin/verify-chain-button";
import { auditDiff, auditSentence, KNOWN_ACTIONS } from "@/lib/admin/audit-sentences";
import { listAuditPage, parseAuditFilter } from "@/lib/admin/audit-query";
import { getI18n } from "@/lib/http/locale";
import { formatDateTime } from "@/lib/i18n/format";
import { requireAdminPage } from "@/lib/auth/session";

export const metadata = { title: "Audit trail" };
export const dynamic = "force-dynamic";

export default async function AdminAudit({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // The layout's check does not run on a client navigation (an RSC request renders this segment alone).
  await requireAdminPage();
  const { t, locale } = await getI18n();
  const filter = parseAuditFilter(await searchParams);
  const page = await listAuditPage(filter);
  const domains = [...new Set(KNOWN_ACTIONS.map((a) => a.split(".")[0]!))].sort();
  const actionOptions = [
    { value: "", label: t("auditTrail.anyAction") },
    ...domains.map((d) => ({ value: `${d}.`, label: t("auditTrail.domain", { domain: d }) })),
    ...KNOWN_ACTIONS.slice()
      .sort()
      .map((a) => ({ value: a, label: a })),
  ];
  const olderHref = page.nextBefore
    ? `/admin/audit?${new URLSearchParams({ ...(filter as Record<string, string>), before: page.nextBefore })}`
    : null;
  return (
    <div className="space-y-6">
      <PageHeader title={t("nav.adminAudit")} description={t("admin.auditDescription")} />
      <VerifyChainButton />
      <Card className="p-4">
        <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6" aria-label={t("auditTrail.filters")}>
          <label htmlFor="audit-actor" className="grid gap-1 text-sm lg:col-span-2">
            <span className="text-ink-muted">{t("auditTrail.actor")}</span>
            <Input id="audit-actor" name="actor" defaultValue={filter.actor ?? ""} />
          </label>
          <label htmlFor="audit-store" className="grid gap-1 text-sm">
            <span className="text-ink-muted">{t("auditTrail.store")}</span>
            <Input id="audit-store" name="store" defaultValue={filter.store ?? ""} />
          </label>
          <label htmlFor="audit-action" className="grid gap-1 text-sm">
            <span className="text-ink-muted">{t("auditTrail.action")}</span>
            <Select id="audit-action" name="action" defaultValue={filter.action ?? ""} options={actionOptions} />
          </label>
          <label htmlFor="audit-from" className="grid gap-1 text-sm">
            <span className="text-ink-muted">{t("auditTrail.from")}</span>
            <Input type="date" id="audit-from" name="from" defaultValue={filter.from ?? ""} />
          </label>
          <label htmlFor="audit-to" className="grid gap-1 text-sm">
            <span className="text-ink-muted">{t("auditTrail.to")}</span>
            <Input type="date" id="audit-to" name="to" defaultValue={filter.to ?? ""} />
          </label>
          <div className="flex gap-2 sm:col-span-2 lg:col-span-6">
            <Button type="submit">{t("auditTrail.apply")}</Button>
            <Button href="/admin/audit" variant="secondary">
              {t("auditTrail.clear")}
            </Button>
          </div>
        </form>
      </Card>
      <Card className="overflow-hidden">
        {page.entries.length === 0 ? (
          <EmptyState
            bare
            title={t(
              filter.actor || filter.store || filter.action || filter.from || filter.to
                ? "auditTrail.empty"
                : "admin.emptyAudit",
            )}
          />
        ) : (
          <ol className="divide-y divide-line" data-testid="audit-entries">
            {page.entries.map((e) => {
              const { actor, phrase } = auditSentence(e, locale, page.users);
              const diff = auditDiff(e.before, e.after);
              return (
                <li key={e.id} className="space-y-1 px-4 py-3 sm:px-5" data-action={e.action}>
                  <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                    <p className="min-w-0 break-words text-sm text-ink">
                      <strong className="font-medium">{actor}</strong> {phrase}
                      {e.storeId && !(e.targetType === "store" && e.targetId === e.storeId) && (
                        <>
                          {" "}
                          <a
                            className="text-brand-700 underline-offset-2 hover:underline"
                            href={`/admin/audit?store=${e.storeId}`}
                          >
                            {t("auditTrail.inStore", { store: e.storeName ?? e.storeId })}
                          </a>
                        </>
                      )}
                    </p>
                    <time className="whitespace-nowrap text-xs text-ink-subtle" dateTime={e.createdAt.toISOString()}>
                      {formatDateTime(e.createdAt, locale)}
                    </time>
                  </div>
                  <details className="text-xs text-ink-muted">
                    <summary className="cursor-pointer select-none">
                      {diff.length ? `${t("auditTrail.changes")} (${diff.length})` : t("auditTrail.details")}
                    </summary>
                    <div className="mt-2 space-y-2">
                      {diff.length > 0 ? (
                        <dl className="grid gap-1 sm:grid-cols-[max-content_1fr]">
                          {diff.map((d) => (
                            <div key={d.field} className="contents">
                              <dt className="font-mono text-ink">{d.field}</dt>
                              <dd className="break-all font-mono">
                                <span className="text-danger-ink line-through decoration-1">{d.before}</span> →{" "}
                                <span className="text-success-ink">{d.after}</span>
                              </dd>
                            </div>
                          ))}
                        </dl>
                      ) : (
                        <p>{t("auditTrail.noChanges")}</p>
                      )}
                      <p className="flex flex-wrap gap-1.5">
                        <Badge tone="neutral">{e.action}</Badge>
                        <Badge tone="neutral">#{e.id}</Badge>
                        {e.actorId && <Badge tone="neutral">{`${e.actorType}:${e.actorId}`}</Badge>}
                      </p>
                    </div>
                  </details>
                </li>
              );
            })}
          </ol>
        )}
      </Card>
      <div className="flex gap-2">
        {filter.before && (
          <Button
            variant="secondary"
            href={`/admin/audit?${new URLSearchParams({ ...(filter as Record<string, string>), before: "" }).toString().replace(/&?before=/, "")}`}
          >
            {t("auditTrail.newest")}
          </Button>
        )}
        {olderHref && (
          <Button variant="secondary" href={olderHref}>
            {t("auditTrail.older")}
          </Button>
        )}
      </div>
    </div>
  );
}
