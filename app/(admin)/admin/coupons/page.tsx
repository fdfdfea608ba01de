import { PageHeader } from "@/components/ui/page-header";
import { CouponForm } from "@/components/coupons/coupon-form";
import { CouponList } from "@/components/coupons/coupon-list";
import { RedemptionsTable } from "@/components/coupons/redemptions-table";
import { requireAdminPage } from "@/lib/auth/session";
import { listPlans } from "@/lib/billing/plans";
import { CURRENCIES } from "@/lib/catalog/schemas";
import { listCoupons, recentRedemptions } from "@/lib/coupons/manage";
import { formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/http/locale";
import { formatMoney } from "@/lib/money";

export const metadata = { title: "Coupons" };

export default async function AdminCouponsPage() {
  // The layout's check does not run on a client navigation (an RSC request renders this segment alone).
  await requireAdminPage();
  const { t, locale } = await getI18n();
  const owner = { scope: "PLATFORM" as const };
  const [coupons, plans, redemptions] = await Promise.all([
    listCoupons(owner, { status: "all", limit: 25 }),
    listPlans(),
    recentRedemptions(owner),
  ]);
  const targets = plans.filter((p) => p.selfServe && p.amount > 0).map((p) => ({ value: p.code, label: p.name }));
  const queryKey = ["admin", "coupons"] as const;
  return (
    <div className="space-y-6">
      <PageHeader title={t("coupons.admin.title")} description={t("coupons.admin.description")} />
      <CouponForm
        scope="PLATFORM"
        targets={targets}
        currencies={[...CURRENCIES]}
        defaultCurrency="BRL"
        queryKey={queryKey}
      />
      <CouponList
        scope="PLATFORM"
        initial={coupons}
        queryKey={queryKey}
        targetNames={Object.fromEntries(plans.map((p) => [p.code, p.name]))}
        defaultCurrency="BRL"
      />
      <RedemptionsTable
        rows={redemptions}
        showStore
        t={t}
        money={(m, c) => formatMoney(m, c, locale)}
        dateTime={(d) => formatDateTime(d, locale)}
      />
    </div>
  );
}
