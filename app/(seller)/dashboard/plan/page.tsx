import { PageHeader } from "@/components/ui/page-header";
import { PlanManager } from "@/components/billing/plan-manager";
import type { EffectivePlanView, PlanView, SubscriptionView } from "@/components/billing/types";
import { asJson } from "@/components/catalog/types";
import { requireSellerPage } from "@/lib/auth/session";
import { effectivePlanView, listPlanOffers } from "@/lib/billing/offers";
import { getSubscription } from "@/lib/billing/plans";
import { getI18n } from "@/lib/http/locale";

export const metadata = { title: "Plan" };

type Props = { searchParams: Promise<{ subscribed?: string }> };

/** The seller's plan: what is in force, every plan priced in the store's currency, monthly or yearly. */
export default async function PlanPage({ searchParams }: Props) {
  const { store } = await requireSellerPage();
  const { t } = await getI18n();
  if (!store) return <PageHeader title={t("billing.planPage.title")} />;
  const { subscribed } = await searchParams;
  const [plans, subscription, effective] = await Promise.all([
    listPlanOffers(store.currency),
    getSubscription(store.id),
    effectivePlanView(store.id),
  ]);
  return (
    <div className="space-y-8">
      <PageHeader title={t("billing.planPage.title")} description={t("billing.planPage.description")} />
      <PlanManager
        initialPlans={asJson<PlanView[]>(plans)}
        initialSubscription={asJson<SubscriptionView | null>(subscription)}
        initialEffective={asJson<EffectivePlanView>(effective)}
        currency={store.currency}
        returnedFromCheckout={!!subscribed}
      />
    </div>
  );
}
