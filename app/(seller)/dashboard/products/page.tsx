import { PageHeader } from "@/components/ui/page-header";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { PlusIcon } from "@/components/ui/icons";
import { ProductsList } from "@/components/catalog/products-list";
import { PublishAlert } from "@/components/catalog/publish-alert";
import { asJson, type ProductView } from "@/components/catalog/types";
import { requireSellerPage } from "@/lib/auth/session";
import { getAccountStatus } from "@/lib/connect/accounts";
import { listProducts, productCounts } from "@/lib/catalog/products";
import { getI18n } from "@/lib/http/locale";

export const metadata = { title: "Products" };

export default async function ProductsPage() {
  const { store } = await requireSellerPage();
  const { t } = await getI18n();
  if (!store) return <PageHeader title={t("catalog.title")} />;
  const [account, products, { unpublished }] = await Promise.all([
    getAccountStatus(store.id),
    listProducts(store.id, { status: "active" }),
    productCounts(store.id),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("catalog.title")}
        description={t("catalog.description")}
        actions={
          <Button href="/dashboard/products/new" disabled={!account}>
            <PlusIcon aria-hidden />
            {t("catalog.newProduct")}
          </Button>
        }
      />
      {!account && (
        <Alert
          tone="warning"
          title={t("catalog.connectFirstTitle")}
          actions={
            <Button href="/dashboard/connect" size="sm">
              {t("catalog.connectFirstAction")}
            </Button>
          }
        >
          {t("catalog.connectFirstBody")}
        </Alert>
      )}
      {unpublished > 0 && <PublishAlert count={unpublished} connected={!!account} />}
      <ProductsList initial={asJson<ProductView[]>(products)} />
    </div>
  );
}
