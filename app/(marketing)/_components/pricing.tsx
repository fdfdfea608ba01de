import { Button } from "@/components/ui/button";
import { ArrowRightIcon } from "@/components/ui/icons";
import { PlanDetails, PlanPrice } from "@/components/billing/plan-details";
import type { PlanView } from "@/components/billing/types";
import type { Locale } from "@/lib/i18n/config";
import type { MessageKey, TranslateFn } from "@/lib/i18n/translate";
import { SectionHeading } from "./section-heading";

const DESCRIBED = ["free", "starter", "pro", "enterprise"];

/**
 * The plans from the catalog (the same rows the plan cards and the fee on each sale read), priced in
 * the visitor's currency: BRL in Portuguese, USD in English.
 */
export function Pricing({
  plans,
  currency,
  t,
  locale,
}: {
  plans: PlanView[];
  currency: string;
  t: TranslateFn;
  locale: Locale;
}) {
  return (
    <section aria-labelledby="pricing-title" id="pricing" className="scroll-mt-20 py-20 sm:py-28">
      <div className="mx-auto max-w-6xl px-4 sm:px-6">
        <SectionHeading
          id="pricing-title"
          eyebrow={t("marketing.pricing.eyebrow")}
          title={t("marketing.pricing.title")}
          subtitle={t("marketing.pricing.subtitle")}
        />
        <ul className="grid gap-6 md:grid-cols-2 lg:grid-cols-4">
          {plans.map((plan, i) => (
            <li
              key={plan.code}
              className="relative flex flex-col rounded-xl border border-line bg-surface-raised p-6 shadow-card"
              data-testid={`pricing-${plan.code}`}
            >
              <h3 className="text-lg font-semibold text-ink">{plan.name}</h3>
              <p className="mt-1 min-h-15 text-sm text-ink-muted">
                {DESCRIBED.includes(plan.code)
                  ? t(`billing.plans.descriptions.${plan.code}` as MessageKey)
                  : plan.description}
              </p>
              <div className="mt-5">
                <PlanPrice plan={plan} interval="month" t={t} locale={locale} size="lg" />
              </div>
              <div className="mt-5 flex-1">
                <PlanDetails plan={plan} previous={plans[i - 1]} t={t} locale={locale} />
              </div>
              {plan.selfServe ? (
                <Button href="/sign-up" variant="secondary" size="lg" fullWidth className="mt-8">
                  {t("marketing.pricing.choose")}
                </Button>
              ) : (
                <Button href={plan.contactUrl ?? "/sign-up"} variant="secondary" size="lg" fullWidth className="mt-8">
                  {t("billing.plans.talkToUs")}
                  <ArrowRightIcon aria-hidden />
                </Button>
              )}
            </li>
          ))}
        </ul>
        <p className="mx-auto mt-8 max-w-2xl text-center text-[13px] text-ink-subtle">
          {t("marketing.pricing.note", { currency })}
        </p>
      </div>
    </section>
  );
}
