import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { ApplyCodeCard } from "@/components/coupons/apply-code-card";
import { CouponForm } from "@/components/coupons/coupon-form";
import { CouponList } from "@/components/coupons/coupon-list";
import { RedemptionsTable } from "@/components/coupons/redemptions-table";
import { requireSellerPage } from "@/lib/auth/session";
import { getSubscription } from "@/lib/billing/plans";
import { listProducts } from "@/lib/catalog/products";
import { CURRENCIES } from "@/lib/catalog/schemas";
import { getAccountStatus } from "@/lib/connect/accounts";
import { listCoupons, recentRedemptions } from "@/lib/coupons/manage";
import { formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/http/locale";
import { formatMoney } from "@/lib/money";

export const metadata = { title: "Coupons" };

const RUNNING = ["active", "trialing", "past_due"];

export default async function SellerCouponsPage() {
  // The layout's check does not run on a client navigation (an RSC request renders this segment alone).
  const { store } = await requireSellerPage();
  const { t, locale } = await getI18n();
  if (!store) return <PageHeader title={t("coupons.title")} />;
  const owner = { scope: "STORE" as const, storeId: store.id };
  const [account, coupons, products, redemptions, subscription] = await Promise.all([
    getAccountStatus(store.id),
    listCoupons(owner, { status: "all", limit: 25 }),
    listProducts(store.id, { status: "active" }),
    recentRedemptions(owner),
    getSubscription(store.id),
  ]);
  const targets = products.map((p) => ({ value: p.id, label: p.name }));
  const queryKey = ["coupons", store.id] as const;
  return (
    <div className="space-y-6">
      <PageHeader title={t("coupons.title")} description={t("coupons.description")} />
      {account ? (
        <CouponForm
          scope="STORE"
          targets={targets}
          currencies={[...CURRENCIES]}
          defaultCurrency={store.currency}
          queryKey={queryKey}
        />
      ) : (
        <Alert
          tone="info"
          actions={
            <Button href="/dashboard/connect" size="sm">
              {t("catalog.links.finishOnboarding")}
            </Button>
          }
        >
          {t("coupons.notConnected")}
        </Alert>
      )}
      <CouponList
        scope="STORE"
        initial={coupons}
        queryKey={queryKey}
        targetNames={Object.fromEntries(targets.map((p) => [p.value, p.label]))}
        defaultCurrency={store.currency}
      />
      <RedemptionsTable
        rows={redemptions}
        showStore={false}
        t={t}
        money={(m, c) => formatMoney(m, c, locale)}
        dateTime={(d) => formatDateTime(d, locale)}
      />
      {subscription?.stripeSubscriptionId && RUNNING.includes(subscription.status) && (
        <ApplyCodeCard currency={store.currency} />
      )}
    </div>
  );
}
