import { AlertsCard } from "@/components/usage/alerts-card";
import { resourceLabel } from "@/components/usage/labels";
import { PeriodPicker } from "@/components/usage/period-picker";
import { ResourceCard } from "@/components/usage/resource-card";
import { UsageChart } from "@/components/usage/usage-chart";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/table";
import { requireSellerPage } from "@/lib/auth/session";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { getI18n } from "@/lib/http/locale";
import { listStoreAlerts } from "@/lib/usage/alerts";
import { usageReport } from "@/lib/usage/summary";

export const metadata = { title: "Usage" };

type Props = { searchParams: Promise<{ period?: string | string[] }> };

export default async function UsagePage({ searchParams }: Props) {
  const { store } = await requireSellerPage();
  const { t, locale } = await getI18n();
  if (!store) return <PageHeader title={t("usage.title")} description={t("usage.description")} />;
  const period = (await searchParams).period === "previous" ? "previous" : "current";
  const [report, alerts] = await Promise.all([usageReport(store.id, period), listStoreAlerts(store.id, 20)]);
  const lastDay = new Date(new Date(report.period.end).getTime() - 86_400_000);
  const range = t("usage.period.range", {
    start: formatDate(report.period.start, locale, "UTC"),
    end: formatDate(lastDay, locale, "UTC"),
  });
  // A past period shows a count (products, stores) only if the rollup took a snapshot in it.
  const main = report.resources.filter(
    (r) =>
      r.kind === "flow" ||
      (r.kind === "count" && (report.period.current || report.series[r.resource]?.some((p) => p.value !== null))),
  );
  const reported = report.resources.filter((r) => r.kind === "reported");
  const blocked = main.filter((r) => r.blocked && r.kind === "flow");
  const credits = blocked.some((r) => r.mode === "credits");
  const exportHref = `/api/v1/usage/export${period === "previous" ? "?period=previous" : ""}`;

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("usage.title")}
        description={t("usage.description")}
        actions={
          <>
            <PeriodPicker value={period} t={t} />
            <a
              href={exportHref}
              download
              className={buttonClasses({ variant: "secondary", size: "sm" })}
              data-testid="usage-export"
            >
              {t("usage.export")}
            </a>
          </>
        }
      />
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-ink-muted">
        <span className="font-medium text-ink" data-testid="usage-period">
          {range}
        </span>
        <span>
          {t(report.period.source === "subscription" ? "usage.period.subscription" : "usage.period.calendar")}
        </span>
        <span aria-hidden>·</span>
        <span>{report.plan.name ? t("usage.plan", { name: report.plan.name }) : t("usage.noPlan")}</span>
        <Button href="/dashboard/plan" variant="link">
          {t("usage.changePlan")}
        </Button>
      </p>

      {blocked.length > 0 && (
        <Alert
          tone="danger"
          title={t("usage.blocked.title")}
          actions={
            <>
              <Button href="/dashboard/plan" size="sm">
                {t("usage.blocked.upgrade")}
              </Button>
              {credits && (
                <Button href="/dashboard/credits" size="sm" variant="secondary">
                  {t("usage.blocked.buyCredits")}
                </Button>
              )}
            </>
          }
        >
          {t(credits ? "usage.blocked.bodyCredits" : "usage.blocked.body", {
            resources: blocked.map((r) => resourceLabel(t, r.resource)).join(", "),
            date: formatDate(report.period.end, locale, "UTC"),
          })}
        </Alert>
      )}

      <section className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label={t("usage.title")}>
        {main.map((r) => (
          <ResourceCard key={r.resource} r={r} t={t} locale={locale} />
        ))}
      </section>

      <div className="grid items-start gap-6 lg:grid-cols-5">
        <div className="lg:col-span-3">
          <UsageChart series={report.series} counts={["products", "stores"]} />
        </div>
        <div className="lg:col-span-2">
          <AlertsCard alerts={alerts} t={t} locale={locale} />
        </div>
      </div>

      {reported.length > 0 && (
        <Card className="overflow-hidden">
          <CardHeader>
            <CardTitle>{t("usage.reported.title")}</CardTitle>
            <CardDescription>{t("usage.reported.description")}</CardDescription>
          </CardHeader>
          <DataTable
            rows={reported}
            rowKey={(r) => r.resource}
            caption={t("usage.reported.title")}
            columns={[
              { key: "resource", header: t("usage.reported.resource"), cell: (r) => <code>{r.resource}</code> },
              {
                key: "used",
                header: t("usage.reported.used"),
                align: "right",
                cell: (r) => formatNumber(r.used, locale),
              },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
