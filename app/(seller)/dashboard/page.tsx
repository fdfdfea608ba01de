import { GettingStartedCard } from "@/components/dashboard/getting-started";
import { AttentionList } from "@/components/overview/attention-list";
import { KpiGrid } from "@/components/overview/kpi-grid";
import { LatestPayments } from "@/components/overview/latest-payments";
import { OtherCurrencies } from "@/components/overview/other-currencies";
import { RangePicker } from "@/components/overview/range-picker";
import { SalesChart } from "@/components/overview/sales-chart";
import { PageHeader } from "@/components/ui/page-header";
import { requireSellerPage } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/i18n/format";
import { getI18n } from "@/lib/http/locale";
import { getOverview } from "@/lib/overview/overview";
import { localWallClock, OverviewQuery } from "@/lib/overview/range";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The range in the URL, or the last 7 days when it is missing or not a valid range. */
async function overviewFor(storeId: string, raw: Record<string, string | string[] | undefined>) {
  const parsed = OverviewQuery.safeParse({
    range: typeof raw.range === "string" ? raw.range : undefined,
    from: typeof raw.from === "string" && raw.from ? raw.from : undefined,
    to: typeof raw.to === "string" && raw.to ? raw.to : undefined,
  });
  try {
    return await getOverview(storeId, parsed.success ? parsed.data : OverviewQuery.parse({}));
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== "validation_failed") throw err;
    return getOverview(storeId, OverviewQuery.parse({}));
  }
}

export default async function DashboardPage({ searchParams }: Props) {
  const { user, store } = await requireSellerPage();
  const { t, locale } = await getI18n();
  const firstName = user.name.split(" ")[0] || user.name;
  if (!store) return <PageHeader title={t("dashboard.welcome", { name: firstName })} />;
  const overview = await overviewFor(store.id, await searchParams);
  const { period, previousPeriod, timeZone, currency } = overview;
  const day = (d: string) => formatDate(`${d}T12:00:00Z`, locale, "UTC");
  const span = (p: typeof period) =>
    p.from === p.to ? day(p.from) : t("overview.range.period", { from: day(p.from), to: day(p.to) });
  const until = period.endsAt.endsWith("T00:00:00") ? null : period.endsAt.slice(11, 16);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("dashboard.welcome", { name: firstName })}
        description={t("overview.description", { store: store.name, timeZone, currency })}
        actions={<RangePicker overview={overview} today={localWallClock(new Date(), timeZone).date} t={t} />}
      />
      <p className="-mt-3 text-[13px] text-ink-muted" data-testid="overview-period">
        <strong className="font-medium text-ink">{span(period)}</strong>
        {until && ` (${t("overview.range.until", { time: until })})`}
        {" · "}
        {t("overview.range.compared", { period: span(previousPeriod) })}
      </p>
      <GettingStartedCard store={store} />
      <section className="space-y-2">
        <KpiGrid overview={overview} t={t} locale={locale} />
        <p className="text-xs text-ink-subtle">{t("overview.kpi.netExplained")}</p>
      </section>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <SalesChart
            currency={currency}
            points={overview.daily.points.map(({ date, card, pix }) => ({ date, card, pix }))}
          />
        </div>
        <AttentionList items={overview.attention} t={t} locale={locale} />
      </div>
      <OtherCurrencies currencies={overview.otherCurrencies} storeCurrency={currency} t={t} locale={locale} />
      <LatestPayments payments={overview.latest} t={t} locale={locale} timeZone={timeZone} />
    </div>
  );
}
