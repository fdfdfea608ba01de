import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Code } from "@/components/ui/code";
import { SOFT_RESOURCES, type OverageRule, type SoftResource } from "@/lib/billing/entitlements";
import type { TranslateFn } from "@/lib/i18n/translate";
import { formatMoney, minorPerMajor } from "@/lib/money";

type Offer = {
  packages: Array<{ name: string; credits: number; amount: number; currency: string }>;
  custom: { currency: string; creditsPerUnit: number };
};

type Props = {
  t: TranslateFn;
  locale: string;
  currency: string;
  planName: string;
  limits: Record<SoftResource, number | null>;
  overage: Record<SoftResource, OverageRule>;
  offer: Offer;
};

/** A price per credit can be a fraction of a centavo: shown with up to 4 decimals, never rounded to zero. */
function perCredit(minorPerCredit: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  }).format(minorPerCredit / minorPerMajor(currency));
}

/**
 * What a credit buys, on the seller's Credits page: overage past the plan's soft limits (as the
 * store's plan prices it now), spends through the API, and the price of one credit in the
 * store's currency (docs/credits.md, docs/billing.md).
 */
export function CreditUses({ t, locale, currency, planName, limits, overage, offer }: Props) {
  const count = (n: number) => new Intl.NumberFormat(locale).format(n);
  const rule = (r: SoftResource) => {
    const limit = limits[r];
    if (limit === null) return t("credits.uses.unlimited");
    const o = overage[r];
    if (o.mode === "block") return t("credits.uses.blocked", { limit: count(limit) });
    return o.creditsPerUnit === 1
      ? t("credits.uses.perUnitOne", { limit: count(limit) })
      : t("credits.uses.perUnitMany", { credits: count(o.creditsPerUnit), limit: count(limit) });
  };
  const prices = [
    ...(offer.custom.currency === currency
      ? [
          t("credits.uses.priceCustom", {
            price: perCredit(minorPerMajor(currency) / offer.custom.creditsPerUnit, currency, locale),
          }),
        ]
      : []),
    ...offer.packages
      .filter((p) => p.currency === currency && p.credits > 0)
      .map((p) =>
        t("credits.uses.pricePackage", {
          price: perCredit(p.amount / p.credits, currency, locale),
          name: p.name,
          credits: count(p.credits),
          amount: formatMoney(p.amount, currency, locale),
        }),
      ),
  ];
  return (
    <Card data-testid="credit-uses">
      <CardHeader>
        <CardTitle>{t("credits.uses.title")}</CardTitle>
        <CardDescription>{t("credits.uses.intro")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6 pt-1 md:grid-cols-3">
        <section className="flex min-w-0 flex-col gap-2">
          <h3 className="text-sm font-semibold text-ink">{t("credits.uses.overageTitle")}</h3>
          <p className="text-[13px] text-ink-muted">{t("credits.uses.overageBody", { plan: planName })}</p>
          <dl className="grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-[13px]">
            {SOFT_RESOURCES.map((r) => (
              <div key={r} className="contents" data-resource={r}>
                <dt className="text-ink-subtle">{t(`usage.resources.${r}`)}</dt>
                <dd className="text-ink">{rule(r)}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section className="flex min-w-0 flex-col gap-2">
          <h3 className="text-sm font-semibold text-ink">{t("credits.uses.spendTitle")}</h3>
          <p className="text-[13px] text-ink-muted">{t("credits.uses.spendBody")}</p>
          <Code className="self-start text-xs">POST /api/v1/credits/spend</Code>
        </section>
        <section className="flex min-w-0 flex-col gap-2">
          <h3 className="text-sm font-semibold text-ink">{t("credits.uses.priceTitle", { currency })}</h3>
          <ul className="flex flex-col gap-1.5 text-[13px] text-ink" data-testid="credit-price">
            {prices.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </section>
      </CardContent>
    </Card>
  );
}
