import Link from "next/link";
import { notFound } from "next/navigation";
import { PurchaseStatus } from "@/components/credits/purchase-status";
import { asJson } from "@/components/catalog/types";
import type { PurchaseView } from "@/components/credits/types";
import { PageHeader } from "@/components/ui/page-header";
import { requireSellerPage } from "@/lib/auth/session";
import { getPurchase } from "@/lib/credits/views";
import { getI18n } from "@/lib/http/locale";

export const metadata = { title: "Credit purchase" };

/** Where Stripe.js returns after paying (return_url); polls until the credits are on the ledger. */
export default async function CreditPurchasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { store } = await requireSellerPage();
  const purchase = store ? await getPurchase(store.id, id) : null;
  if (!purchase) notFound();
  const { t } = await getI18n();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("credits.status.title")}
        eyebrow={
          <Link href="/dashboard/credits" className="hover:text-ink">
            ← {t("nav.credits")}
          </Link>
        }
      />
      <PurchaseStatus initial={asJson<PurchaseView>(purchase)} />
    </div>
  );
}
