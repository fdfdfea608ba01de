import { PageHeader } from "@/components/ui/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { auditConfiguration, type LiveCheck, type SettingRow } from "@/lib/admin/config-audit";
import { requireAdminPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/http/locale";

export const metadata = { title: "Configuration" };
export const dynamic = "force-dynamic";

const CHECK_TONE: Record<LiveCheck["status"], BadgeTone> = { ok: "success", problem: "danger", skipped: "neutral" };

export default async function AdminConfig() {
  // The layout's check does not run on a client navigation (an RSC request renders this segment alone).
  await requireAdminPage();
  const { t, locale } = await getI18n();
  const audit = await auditConfiguration();
  const groups = new Map<string, SettingRow[]>();
  for (const row of audit.settings) groups.set(row.group, [...(groups.get(row.group) ?? []), row]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("config.title")} description={t("config.description")} />
      <div className="flex flex-wrap items-center gap-2 text-sm text-ink-muted">
        <Badge tone="info">{t("config.environment", { env: audit.environment })}</Badge>
        <Badge tone={audit.problems ? "danger" : "success"} dot data-testid="config-problems">
          {audit.problems ? t("config.problems", { count: audit.problems }) : t("config.allGood")}
        </Badge>
        <span>{t("config.checkedAt", { when: formatDateTime(new Date(audit.checkedAt), locale) })}</span>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t("config.liveChecks")}</CardTitle>
        </CardHeader>
        <CardContent>
          <ul className="divide-y divide-line" data-testid="config-checks">
            {audit.checks.map((check) => (
              <li key={check.key} className="flex flex-wrap items-start justify-between gap-2 py-3">
                <div className="min-w-0">
                  <p className="font-medium text-ink">{t(`config.checks.${check.key}`)}</p>
                  <p className="break-words text-sm text-ink-muted">{check.message}</p>
                </div>
                <Badge tone={CHECK_TONE[check.status]} dot>
                  {t(`config.status.${check.status}`)}
                </Badge>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
      {[...groups].map(([group, rows]) => (
        <Card key={group}>
          <CardHeader>
            <CardTitle>{group}</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="divide-y divide-line">
              {rows.map((row) => (
                <li
                  key={row.key}
                  className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 py-2.5"
                  data-setting={row.key}
                >
                  <div className="min-w-0 flex-1">
                    <p className="break-all font-mono text-sm text-ink">{row.key}</p>
                    <p className="break-all font-mono text-xs text-ink-muted">{row.value ?? "—"}</p>
                    {row.message && (
                      <p className={`text-xs ${row.ok ? "text-ink-subtle" : "text-danger-ink"}`}>{row.message}</p>
                    )}
                  </div>
                  <div className="flex flex-wrap items-center gap-1.5">
                    {row.required && <Badge tone="brand">{t("config.required")}</Badge>}
                    {row.secret && <Badge tone="neutral">{t("config.secret")}</Badge>}
                    <Badge tone="neutral">{t(`config.source.${row.source}`)}</Badge>
                    <Badge tone={row.ok ? "success" : "danger"} dot>
                      {t(row.ok ? "config.status.ok" : "config.status.problem")}
                    </Badge>
                  </div>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      ))}
      <p className="text-xs text-ink-subtle">{t("config.technical")}</p>
    </div>
  );
}
