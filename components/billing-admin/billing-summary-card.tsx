// The small "Plan billing" card on the admin overview: MRR per currency, active and past-due plans,
// stores in dunning, and the way to /admin/billing. Reads its own figures (one grouped snapshot).
import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ArrowRightIcon } from "@/components/ui/icons";
import { formatNumber } from "@/lib/i18n/format";
import { getI18n } from "@/lib/http/locale";
import { billingSnapshot } from "@/lib/metrics/billing";
import { formatMoney } from "@/lib/money";

export async function BillingSummaryCard() {
  const [{ t, locale }, snapshot] = await Promise.all([getI18n(), billingSnapshot()]);
  const count = (...statuses: string[]) =>
    snapshot.subscriptions.filter((s) => statuses.includes(s.status)).reduce((n, s) => n + s.count, 0);
  const facts = [
    {
      label: t("billing.dunning.admin.mrr"),
      value: snapshot.mrr.length
        ? snapshot.mrr.map((m) => formatMoney(m.amountMinor, m.currency, locale)).join(" · ")
        : "—",
    },
    { label: t("billing.dunning.admin.active"), value: formatNumber(count("active"), locale) },
    { label: t("billing.dunning.admin.pastDue"), value: formatNumber(count("past_due", "unpaid"), locale) },
    { label: t("billing.dunning.admin.inDunning"), value: formatNumber(snapshot.dunningStores, locale) },
  ];
  return (
    <Card data-testid="admin-billing-summary">
      <CardHeader
        actions={
          <Link
            href="/admin/billing"
            className="inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline"
          >
            {t("billing.dunning.admin.openBilling")}
            <ArrowRightIcon className="size-4" aria-hidden />
          </Link>
        }
      >
        <CardTitle>{t("billing.dunning.admin.overviewCard")}</CardTitle>
      </CardHeader>
      <CardContent className="pt-0">
        <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm lg:grid-cols-4">
          {facts.map((f) => (
            <div key={f.label} className="flex flex-col gap-0.5">
              <dt className="text-[13px] text-ink-muted">{f.label}</dt>
              <dd className="text-base font-semibold text-ink tabular-nums">{f.value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
