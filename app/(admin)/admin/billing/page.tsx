import { PageHeader } from "@/components/ui/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { FailedPaymentsChart } from "@/components/billing-admin/failed-payments-chart";
import { CASE_FILTERS, DunningCases, type CaseFilter } from "@/components/billing-admin/dunning-cases";
import { ScheduleForm } from "@/components/billing-admin/schedule-form";
import { requireAdminPage } from "@/lib/auth/session";
import { amountInDunning, failedPaymentsByDay, listDunningCases } from "@/lib/dunning/admin";
import { getDunningSchedule } from "@/lib/dunning/schedule";
import { formatNumber } from "@/lib/i18n/format";
import { getI18n } from "@/lib/http/locale";
import { billingSnapshot } from "@/lib/metrics/billing";
import { formatMoney } from "@/lib/money";

export const metadata = { title: "Billing" };

export default async function AdminBillingPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  // The layout's check does not run on a client navigation (an RSC request renders this segment alone).
  await requireAdminPage();
  const { t, locale } = await getI18n();
  const requested = (await searchParams).status;
  const filter: CaseFilter = CASE_FILTERS.includes(requested as CaseFilter) ? (requested as CaseFilter) : "active";
  const [snapshot, inDunning, daily, cases, schedule] = await Promise.all([
    billingSnapshot(),
    amountInDunning(),
    failedPaymentsByDay(30),
    listDunningCases({ status: filter, limit: 100 }),
    getDunningSchedule(),
  ]);
  const count = (status: string) =>
    snapshot.subscriptions.filter((s) => s.status === status).reduce((n, s) => n + s.count, 0);
  const lines = (items: { currency: string; amountMinor: number }[]) =>
    items.map((m) => (
      <span key={m.currency} className="block">
        {formatMoney(m.amountMinor, m.currency, locale)}
      </span>
    ));
  return (
    <div className="space-y-6">
      <PageHeader title={t("billing.dunning.admin.title")} description={t("billing.dunning.admin.description")} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label={t("billing.dunning.admin.mrr")}
          value={<span data-testid="admin-mrr">{snapshot.mrr.length ? lines(snapshot.mrr) : "—"}</span>}
          hint={snapshot.mrr.length ? t("billing.dunning.admin.mrrHint") : t("billing.dunning.admin.mrrNone")}
        />
        <Stat
          label={t("billing.dunning.admin.active")}
          value={formatNumber(count("active"), locale)}
          hint={t("billing.dunning.admin.trialing", { count: formatNumber(count("trialing"), locale) })}
        />
        <Stat
          label={t("billing.dunning.admin.pastDue")}
          value={formatNumber(count("past_due") + count("unpaid"), locale)}
          hint={t("billing.dunning.admin.invoicesHint", { count: formatNumber(snapshot.invoices.overdue, locale) })}
        />
        <Stat
          label={t("billing.dunning.admin.inDunning")}
          value={<span data-testid="admin-dunning-stores">{formatNumber(snapshot.dunningStores, locale)}</span>}
          hint={
            inDunning.length
              ? t("billing.dunning.admin.toRecover", {
                  amount: inDunning.map((m) => formatMoney(m.amountMinor, m.currency, locale)).join(" + "),
                })
              : t("billing.dunning.admin.nothingToRecover")
          }
        />
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t("billing.dunning.admin.chartTitle")}</CardTitle>
          <CardDescription>{t("billing.dunning.admin.chartDescription")}</CardDescription>
        </CardHeader>
        <CardContent>
          <FailedPaymentsChart data={daily} />
        </CardContent>
      </Card>
      <DunningCases rows={cases.data} filter={filter} t={t} locale={locale} />
      <ScheduleForm
        schedule={{
          days: schedule.days,
          graceDays: schedule.graceDays,
          isDefault: schedule.isDefault,
          updatedAt: schedule.updatedAt?.toISOString() ?? null,
        }}
      />
    </div>
  );
}
