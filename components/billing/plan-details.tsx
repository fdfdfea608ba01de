// The body of a plan card — price for an interval, fee per sale, monthly limits with what happens past
// them, features — from the plan data alone. No hooks: the seller's plan cards (client) and the
// landing page (server) render the same thing from the same catalog.
import { CheckIcon } from "@/components/ui/icons";
import type { Locale } from "@/lib/i18n/config";
import { formatMoney } from "@/lib/money";
import type { MessageKey, TranslateFn } from "@/lib/i18n/translate";
import { feeRate, isFreePlan, type PlanInterval, type PlanView, type SoftLimitKey } from "./types";

type Props = { plan: PlanView; interval: PlanInterval; t: TranslateFn; locale: Locale };

const SHOWN_LIMITS = ["products", "stores", "orders", "pix_charges", "callbacks", "api_calls"] as const;
const SOFT = new Set<string>(["orders", "pix_charges", "callbacks", "api_calls"]);

/** The price line: amount per interval, "Free", "Custom" (Enterprise) or not sold in this currency. */
export function PlanPrice({ plan, interval, t, locale, size = "md" }: Props & { size?: "md" | "lg" }) {
  const big = size === "lg" ? "text-3xl" : "text-2xl";
  const amount = plan.prices[interval];
  const other = plan.prices[interval === "year" ? "month" : "year"];
  let main: string;
  let per: string | null = null;
  let note: string | null = null;
  if (!plan.selfServe) main = t("billing.plans.custom");
  else if (isFreePlan(plan)) main = t("billing.plans.free");
  else if (amount === null) main = t("billing.plans.notSold", { currency: plan.currency });
  else {
    main = formatMoney(amount, plan.currency, locale);
    per = interval === "year" ? t("billing.plans.perYear") : t("billing.plans.perMonth");
    if (interval === "year") note = t("billing.interval.saving");
    else if (other !== null)
      note = t("billing.plans.yearlyNote", { amount: formatMoney(other, plan.currency, locale) });
  }
  return (
    <div>
      <p className="flex flex-wrap items-baseline gap-x-1">
        <span className={`${big} font-semibold tracking-tight text-ink tabular-nums`} data-testid="plan-price">
          {main}
        </span>
        {per && <span className="text-sm text-ink-muted">{per}</span>}
      </p>
      <p className="mt-1 min-h-5 text-[13px] text-ink-subtle">{note}</p>
    </div>
  );
}

/** "Up to 10 products", "1 store", "2,000 card orders a month, then 2 credits each", "Unlimited …". */
function limitLine(plan: PlanView, key: (typeof SHOWN_LIMITS)[number], t: TranslateFn, locale: Locale) {
  const limit = plan.limits[key];
  if (limit === null) return t(`billing.limits.unlimited.${key}` as MessageKey);
  if (key === "stores" && limit === 1) return t("billing.limits.oneStore");
  const what = t(`billing.limits.${key}`, { n: new Intl.NumberFormat(locale).format(limit) });
  const rule = SOFT.has(key) ? plan.overage[key as SoftLimitKey] : null;
  if (rule?.mode !== "credits") return t("billing.limits.upTo", { what });
  const then =
    rule.creditsPerUnit === 1
      ? t("billing.limits.thenCredit")
      : t("billing.limits.thenCredits", { n: rule.creditsPerUnit });
  return `${what}, ${then}`;
}

/** The plan's features, as "Everything in <previous plan>" plus what it adds when it includes all of them. */
function featureLines(plan: PlanView, previous: PlanView | undefined, t: TranslateFn): string[] {
  const keys = plan.features;
  const inherits = previous && previous.features.length > 0 && previous.features.every((k) => keys.includes(k));
  const own = inherits ? keys.filter((k) => !previous.features.includes(k)) : keys;
  return [
    ...(inherits ? [t("billing.features.everythingIn", { plan: previous.name })] : []),
    ...own.map((k) => t(`billing.features.${k}` as MessageKey)),
  ];
}

function Item({ children, muted }: { children: React.ReactNode; muted?: boolean }) {
  return (
    <li className={`flex gap-2 ${muted ? "text-ink-muted" : "text-ink"}`}>
      <CheckIcon className="mt-0.5 size-4 shrink-0 text-success" aria-hidden />
      <span>{children}</span>
    </li>
  );
}

/**
 * Fee per sale, trial, features and limits (self-serve plans), in the plan's currency. With
 * `previous` (the plan before it in the list), shared features read "Everything in <previous>".
 */
export function PlanDetails({ plan, previous, t, locale }: Omit<Props, "interval"> & { previous?: PlanView }) {
  return (
    <div className="space-y-4 text-sm">
      <ul className="space-y-2">
        <Item>
          <strong className="font-semibold" data-testid="plan-fee">
            {plan.selfServe
              ? t("billing.plans.fee", { rate: feeRate(plan, plan.currency, locale) })
              : t("billing.plans.customFee")}
          </strong>
        </Item>
        {plan.trialDays > 0 && <Item>{t("billing.plans.trial", { days: plan.trialDays })}</Item>}
        {featureLines(plan, previous, t).map((line) => (
          <Item key={line}>{line}</Item>
        ))}
      </ul>
      {plan.selfServe && (
        <div>
          <p className="mb-2 text-xs font-semibold tracking-wide text-ink-subtle uppercase">
            {t("billing.limits.title")}
          </p>
          <ul className="space-y-1.5" data-testid="plan-limits">
            {SHOWN_LIMITS.map((key) => (
              <Item key={key} muted>
                {limitLine(plan, key, t, locale)}
              </Item>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
