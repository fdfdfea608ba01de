import { PageHeader } from "@/components/ui/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/table";
import { requireSellerPage } from "@/lib/auth/session";
import { getI18n } from "@/lib/i18n/server";
import { formatMoney } from "@/lib/money";
import { countActiveApiKeys } from "@/lib/auth/api-keys";
import { listProductsWithActivePrices, productCounts } from "@/lib/catalog/products";
import { GettingStartedCard } from "@/components/dashboard/getting-started";

export default async function DashboardPage() {
  const { user, store } = await requireSellerPage();
  const { t, locale } = await getI18n();
  if (!store) return <PageHeader title={t("dashboard.welcome", { name: user.name })} />;
  const [{ active: productCount }, keyCount, products] = await Promise.all([
    productCounts(store.id),
    countActiveApiKeys(store.id),
    listProductsWithActivePrices(store.id, 10),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("dashboard.welcome", { name: user.name.split(" ")[0] ?? user.name })}
        description={t("dashboard.overviewDescription", { store: store.name })}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label={t("dashboard.products")} value={productCount} />
        <Stat label={t("dashboard.apiKeys")} value={keyCount} />
        <Stat label={t("dashboard.currency")} value={store.currency} />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <GettingStartedCard store={store} />
        <Card>
          <CardHeader>
            <CardTitle>{t("dashboard.storeDetails")}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-3 text-sm">
              <dt className="text-ink-muted">{t("dashboard.storeDetails")}</dt>
              <dd className="font-medium">{store.name}</dd>
              <dt className="text-ink-muted">{t("dashboard.storeId")}</dt>
              <dd className="font-mono text-xs leading-5">{store.id}</dd>
              <dt className="text-ink-muted">{t("dashboard.storeDomain")}</dt>
              <dd>{store.storeDomain ?? <span className="text-ink-subtle">{t("dashboard.notSet")}</span>}</dd>
              <dt className="text-ink-muted">{t("dashboard.currency")}</dt>
              <dd>{store.currency}</dd>
            </dl>
          </CardContent>
        </Card>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t("dashboard.demoProducts")}</CardTitle>
          <CardDescription>{t("dashboard.demoProductsHint")}</CardDescription>
        </CardHeader>
        <DataTable
          rows={products}
          rowKey={(p) => p.id}
          columns={[
            {
              key: "name",
              header: t("dashboard.products"),
              cell: (p) => <span className="font-medium">{p.name}</span>,
            },
            {
              key: "price",
              header: "",
              align: "right",
              cell: (p) =>
                p.prices.map((pr) => (
                  <span key={pr.id} className="inline-flex items-center gap-2">
                    {formatMoney(pr.unitAmount, pr.currency, locale)}
                    {pr.type === "RECURRING" && (
                      <Badge tone="info">
                        {pr.interval === "YEAR" ? t("dashboard.perYear") : t("dashboard.perMonth")}
                      </Badge>
                    )}
                  </span>
                )),
            },
          ]}
        />
      </Card>
    </div>
  );
}
