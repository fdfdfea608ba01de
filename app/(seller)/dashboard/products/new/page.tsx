import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { ChevronRightIcon } from "@/components/ui/icons";
import { ProductForm } from "@/components/catalog/product-form";
import { requireSellerPage } from "@/lib/auth/session";
import { getAccountStatus } from "@/lib/connect/accounts";
import { getI18n } from "@/lib/http/locale";

export const metadata = { title: "New product" };

export default async function NewProductPage() {
  const { store } = await requireSellerPage();
  const { t } = await getI18n();
  // Products live on the connected account: without one the API would answer 409.
  if (!store || !(await getAccountStatus(store.id))) redirect("/dashboard/products");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        eyebrow={
          <Link href="/dashboard/products" className="inline-flex items-center gap-1 hover:text-ink">
            {t("catalog.form.back")}
            <ChevronRightIcon className="size-3.5" aria-hidden />
          </Link>
        }
        title={t("catalog.form.newTitle")}
        description={t("catalog.form.newDescription")}
      />
      <ProductForm defaultCurrency={store.currency} />
    </div>
  );
}
