import Link from "next/link";
import { SalesChart } from "@/components/overview/sales-chart";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { platformMetrics, problemPayments, STUCK_AFTER_MINUTES } from "@/lib/admin/operations";
import { requireAdminPage } from "@/lib/auth/session";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { getI18n } from "@/lib/http/locale";
import { formatMoney } from "@/lib/money";

export const metadata = { title: "Operations" };
export const dynamic = "force-dynamic";

export default async function AdminOperations() {
  // The layout's check does not run on a client navigation (an RSC request renders this segment alone).
  await requireAdminPage();
  const { t, locale } = await getI18n();
  const [metrics, problems] = await Promise.all([platformMetrics(), problemPayments()]);
  const money = (rows: Array<{ currency: string; amount: number }>) =>
    rows.map((r) => formatMoney(r.amount, r.currency, locale)).join(" · ");
  return (
    <div className="space-y-6">
      <PageHeader title={t("operations.title")} description={t("operations.description", { days: metrics.days })} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label={t("operations.gmv")}
          value={metrics.gmv.length ? money(metrics.gmv) : formatMoney(0, "BRL", locale)}
          hint={t("operations.gmvHint", { count: formatNumber(metrics.outcomes.paid, locale) })}
        />
        <Stat
          label={t("operations.fees")}
          value={metrics.feeRevenue.length ? money(metrics.feeRevenue) : t("operations.noFees")}
          hint={t("operations.feesHint")}
        />
        <Stat
          label={t("operations.activeSellers")}
          value={formatNumber(metrics.activeSellers, locale)}
          hint={t("operations.activeSellersHint")}
        />
        <Stat
          label={t("operations.successRate")}
          value={
            metrics.successRate === null
              ? t("operations.noOutcomes")
              : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(
                  metrics.successRate,
                )
          }
          hint={t("operations.successHint", metrics.outcomes)}
        />
      </div>
      <SalesChart points={metrics.series} currency="BRL" />
      <Card className="overflow-hidden">
        <CardHeader>
          <CardTitle>{t("operations.problems")}</CardTitle>
          <CardDescription>{t("operations.problemsHint", { minutes: STUCK_AFTER_MINUTES })}</CardDescription>
        </CardHeader>
        <CardContent className="p-0">
          {problems.length === 0 ? (
            <p className="px-5 py-8 text-center text-sm text-ink-subtle">{t("operations.none")}</p>
          ) : (
            <ul className="divide-y divide-line" data-testid="problem-payments">
              {problems.map((p) => (
                <li
                  key={`${p.kind}-${p.id}-${p.state}`}
                  className="flex flex-wrap items-start justify-between gap-3 px-5 py-3"
                >
                  <div className="min-w-0 space-y-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <Badge tone={p.state === "failed" ? "danger" : "warning"} dot>
                        {t(`operations.state.${p.state}`)}
                      </Badge>
                      <span className="text-sm font-medium">{t(`operations.kind.${p.kind}`)}</span>
                      <span className="text-sm tabular-nums">{formatMoney(p.amount, p.currency, locale)}</span>
                    </div>
                    <p className="break-words text-sm text-ink-muted">
                      <span className="font-mono text-xs">{p.reason}</span>
                      {p.message ? ` — ${p.message}` : ""}
                    </p>
                    <p className="text-xs text-ink-subtle">
                      <Link href={`/admin/tenants/${p.storeId}`} className="text-brand-700 hover:underline">
                        {p.storeName}
                      </Link>{" "}
                      · <span className="font-mono">{p.id}</span> · {formatDateTime(p.at, locale)}
                    </p>
                  </div>
                  <Link href={p.href} className="text-sm font-medium text-brand-700 hover:underline">
                    {t("operations.act")}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
