import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkIcon, PlusIcon } from "@/components/ui/icons";
import { CheckoutLinkCard } from "@/components/catalog/checkout-link-card";
import { asJson, type PriceView } from "@/components/catalog/types";
import { requireSellerPage } from "@/lib/auth/session";
import { appUrl as configuredAppUrl } from "@/lib/env/app-url";
import { listProducts } from "@/lib/catalog/products";
import { getAccountStatus } from "@/lib/connect/accounts";
import { getI18n } from "@/lib/http/locale";

export const metadata = { title: "Checkout links" };

export default async function CheckoutLinksPage() {
  const { store } = await requireSellerPage();
  const { t } = await getI18n();
  if (!store) return <PageHeader title={t("catalog.links.title")} />;
  const appUrl = configuredAppUrl();
  const [account, products] = await Promise.all([
    getAccountStatus(store.id),
    listProducts(store.id, { status: "active" }),
  ]);
  // Only prices that exist on Stripe can be sold; unpublished ones are pointed at the products page.
  const sellable = products.flatMap((product) =>
    product.prices.filter((p) => p.active && p.stripePriceId).map((price) => ({ product, price })),
  );
  const unpublished = products.some((p) => !p.stripeProductId || p.prices.some((pr) => pr.active && !pr.stripePriceId));
  const sample = sellable[0]?.price.id ?? "price_…";
  const curl = [
    `curl -X POST ${appUrl}/api/v1/checkout/sessions \\`,
    `  -H "Authorization: Bearer vt_sk_…" \\`,
    `  -H "Idempotency-Key: order-1042" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '{"priceId":"${sample}","orderId":"1042","customerEmail":"buyer@example.com"}'`,
  ].join("\n");
  return (
    <div className="space-y-6">
      <PageHeader title={t("catalog.links.title")} description={t("catalog.links.description")} />
      {account && !account.chargesEnabled && (
        <Alert
          tone="warning"
          title={t("catalog.links.cannotSellTitle")}
          actions={
            <Button href="/dashboard/connect" size="sm">
              {t("catalog.links.finishOnboarding")}
            </Button>
          }
        >
          {t("catalog.links.cannotSellBody")}
        </Alert>
      )}
      {unpublished && (
        <Alert
          tone="info"
          actions={
            <Button href="/dashboard/products" size="sm" variant="secondary">
              {t("catalog.links.goToProducts")}
            </Button>
          }
        >
          {t("catalog.links.unpublished")}
        </Alert>
      )}
      {sellable.length === 0 ? (
        <EmptyState
          icon={<LinkIcon />}
          title={t("catalog.links.emptyTitle")}
          description={t("catalog.links.emptyBody")}
          action={
            <Button href={account ? "/dashboard/products/new" : "/dashboard/connect"}>
              {account && <PlusIcon aria-hidden />}
              {account ? t("catalog.newProduct") : t("catalog.connectFirstAction")}
            </Button>
          }
        />
      ) : (
        <div className="space-y-4" data-testid="checkout-links">
          {sellable.map(({ product, price }) => (
            <CheckoutLinkCard
              key={price.id}
              productName={product.name}
              imageUrl={product.imageUrl}
              price={asJson<PriceView>(price)}
              appUrl={appUrl}
            />
          ))}
        </div>
      )}
      <Card>
        <CardHeader>
          <CardTitle>{t("catalog.links.serverTitle")}</CardTitle>
          <CardDescription>{t("catalog.links.serverBody")}</CardDescription>
        </CardHeader>
        <CardContent className="space-y-2">
          <CodeBlock value={curl} copyable nowrap />
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-[13px] text-ink-muted">{t("catalog.links.serverResponse")}</p>
            <Button href="/dashboard/api-keys" size="sm" variant="secondary">
              {t("catalog.links.apiKeysLink")}
            </Button>
          </div>
        </CardContent>
      </Card>
    </div>
  );
}
