import type { Locale } from "@/lib/i18n/config";
import type { EffectivePlanView as OfferedEffectivePlan, PlanOffer } from "@/lib/billing/offers";
import { formatMoney } from "@/lib/money";
import { majorToMinor } from "@/lib/checkout/fees";

export type PlanInterval = "month" | "year";
export type LimitKey = "products" | "stores" | "team_members" | "api_calls" | "orders" | "pix_charges" | "callbacks";
export type SoftLimitKey = "api_calls" | "orders" | "pix_charges" | "callbacks";
export type OverageRuleView = { mode: "block" } | { mode: "credits"; creditsPerUnit: number };

/** A plan as GET /api/v1/platform/plans returns it, priced in `currency` (every field survives JSON as is). */
export type PlanView = PlanOffer;

export type SubscriptionView = {
  id: string;
  planId: string;
  plan: { id: string; code: string; name: string };
  stripeSubscriptionId: string | null;
  status: string;
  interval: "MONTH" | "YEAR" | null;
  currentPeriodEnd: string | null;
  cancelAtPeriodEnd: boolean;
  trialEnd: string | null;
};

/** The plan in force: Free when nothing live is chosen. */
export type EffectivePlanView = OfferedEffectivePlan;

/** A paid plan Stripe is still billing: it can be switched, canceled or resumed, not subscribed again. */
export function isLivePaid(sub: SubscriptionView | null): sub is SubscriptionView {
  return !!sub?.stripeSubscriptionId && ["active", "trialing", "past_due"].includes(sub.status);
}

/** A plan that costs nothing (Free): self-serve with a monthly price of 0. */
export function isFreePlan(plan: Pick<PlanView, "selfServe" | "prices">): boolean {
  return plan.selfServe && plan.prices.month === 0;
}

/** "2,99% + R$ 0,39" in the given currency — the fixed part is stored in major units as a string, converted exactly. */
export function feeRate(rate: { feePercentBps: number; feeFixed: string }, currency: string, locale: Locale): string {
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(
    rate.feePercentBps / 10_000,
  );
  const fixed = majorToMinor(rate.feeFixed, currency);
  return fixed > 0 ? `${percent} + ${formatMoney(fixed, currency, locale)}` : percent;
}
