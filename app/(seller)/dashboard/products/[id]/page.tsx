import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { ChevronRightIcon } from "@/components/ui/icons";
import { ProductEditor } from "@/components/catalog/product-editor";
import { asJson, type ProductView } from "@/components/catalog/types";
import { requireSellerPage } from "@/lib/auth/session";
import { getProduct } from "@/lib/catalog/products";
import { getAccountStatus } from "@/lib/connect/accounts";
import { nullIfNotFound } from "@/lib/errors";
import { getI18n } from "@/lib/http/locale";

export const metadata = { title: "Product" };

async function findProduct(storeId: string, id: string) {
  return nullIfNotFound(getProduct(storeId, id));
}

export default async function ProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { store } = await requireSellerPage();
  const { t } = await getI18n();
  const { id } = await params;
  const product = store ? await findProduct(store.id, id) : null;
  if (!store || !product) notFound();
  const account = await getAccountStatus(store.id);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        eyebrow={
          <Link href="/dashboard/products" className="inline-flex items-center gap-1 hover:text-ink">
            {t("catalog.form.back")}
            <ChevronRightIcon className="size-3.5" aria-hidden />
          </Link>
        }
        title={product.name}
      />
      <ProductEditor initial={asJson<ProductView>(product)} connected={!!account} defaultCurrency={store.currency} />
    </div>
  );
}
