import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CheckIcon } from "@/components/ui/icons";
import type { Locale } from "@/lib/i18n/config";
import { formatMoney } from "@/lib/money";
import type { MessageKey, TranslateFn } from "@/lib/i18n/translate";
import { SectionHeading } from "./section-heading";

type Plan = {
  id: "free" | "starter" | "pro";
  priceMinor: number;
  from: boolean;
  featured?: boolean;
  features: MessageKey[];
};

// Placeholder prices until billing publishes the real ones; shown as "from".
const plans: Plan[] = [
  {
    id: "free",
    priceMinor: 0,
    from: false,
    features: ["marketing.pricing.freeF1", "marketing.pricing.freeF2", "marketing.pricing.freeF3"],
  },
  {
    id: "starter",
    priceMinor: 4900,
    from: true,
    featured: true,
    features: [
      "marketing.pricing.starterF1",
      "marketing.pricing.starterF2",
      "marketing.pricing.starterF3",
      "marketing.pricing.starterF4",
    ],
  },
  {
    id: "pro",
    priceMinor: 14900,
    from: true,
    features: [
      "marketing.pricing.proF1",
      "marketing.pricing.proF2",
      "marketing.pricing.proF3",
      "marketing.pricing.proF4",
    ],
  },
];

function formatPrice(minor: number, locale: Locale) {
  return formatMoney(minor, "BRL", locale).replace(/[.,]00$/, "");
}

export function Pricing({ t, locale }: { t: TranslateFn; locale: Locale }) {
  return (
    <section aria-labelledby="pricing-title" id="pricing" className="scroll-mt-20 py-20 sm:py-28">
      <div className="mx-auto max-w-6xl px-4 sm:px-6">
        <SectionHeading
          id="pricing-title"
          eyebrow={t("marketing.pricing.eyebrow")}
          title={t("marketing.pricing.title")}
          subtitle={t("marketing.pricing.subtitle")}
        />
        <ul className="grid gap-6 lg:grid-cols-3">
          {plans.map((plan) => (
            <li
              key={plan.id}
              className={cn(
                "relative flex flex-col rounded-xl border bg-surface-raised p-6 sm:p-8",
                plan.featured ? "border-brand-600 shadow-pop ring-1 ring-brand-600" : "border-line shadow-card",
              )}
            >
              <div className="flex items-center justify-between gap-2">
                <h3 className="text-lg font-semibold text-ink">{t(`marketing.pricing.${plan.id}Name`)}</h3>
                {plan.featured && <Badge tone="brand">{t("marketing.pricing.popular")}</Badge>}
              </div>
              <p className="mt-1 text-sm text-ink-muted">{t(`marketing.pricing.${plan.id}Blurb`)}</p>
              <p className="mt-6 flex items-baseline gap-1.5">
                {plan.from && <span className="text-sm text-ink-muted">{t("marketing.pricing.from")}</span>}
                <span className="text-4xl font-semibold tracking-tight text-ink tabular-nums">
                  {formatPrice(plan.priceMinor, locale)}
                </span>
                <span className="text-sm text-ink-muted">{t("marketing.pricing.perMonth")}</span>
              </p>
              <ul className="mt-6 flex flex-1 flex-col gap-3 text-sm text-ink">
                {plan.features.map((key) => (
                  <li key={key} className="flex gap-2.5">
                    <CheckIcon size={18} className="shrink-0 text-brand-600" />
                    {t(key)}
                  </li>
                ))}
              </ul>
              <Button
                href="/sign-up"
                variant={plan.featured ? "primary" : "secondary"}
                size="lg"
                fullWidth
                className="mt-8"
              >
                {t("marketing.pricing.choose")}
              </Button>
            </li>
          ))}
        </ul>
        <p className="mx-auto mt-8 max-w-2xl text-center text-[13px] text-ink-subtle">{t("marketing.pricing.note")}</p>
      </div>
    </section>
  );
}
