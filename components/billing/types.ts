import type { Locale } from "@/lib/i18n/config";
import { formatMoney } from "@/lib/money";
import { majorToMinor } from "@/lib/checkout/fees";

export type PlanView = {
  id: string;
  code: string;
  name: string;
  description: string | null;
  amount: number;
  currency: string;
  interval: "MONTH" | "YEAR";
  trialDays: number;
  feePercentBps: number;
  feeFixed: string;
};

export type SubscriptionView = {
  id: string;
  planId: string;
  plan: PlanView;
  stripeSubscriptionId: string | null;
  status: string;
  currentPeriodEnd: string | null;
  cancelAtPeriodEnd: boolean;
  trialEnd: string | null;
};

/** A paid plan Stripe is still billing: it can be switched, canceled or resumed, not subscribed again. */
export function isLivePaid(sub: SubscriptionView | null): sub is SubscriptionView {
  return !!sub?.stripeSubscriptionId && ["active", "trialing", "past_due"].includes(sub.status);
}

/** "2,99% + R$ 0,39" — the fixed part is stored in major units as a string, converted exactly. */
export function feeRate(plan: Pick<PlanView, "feePercentBps" | "feeFixed" | "currency">, locale: Locale): string {
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(
    plan.feePercentBps / 10_000,
  );
  const fixed = majorToMinor(plan.feeFixed, plan.currency);
  return fixed > 0 ? `${percent} + ${formatMoney(fixed, plan.currency, locale)}` : percent;
}
