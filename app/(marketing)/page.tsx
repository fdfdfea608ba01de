import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import {
  ArrowRightIcon,
  CheckIcon,
  CoinsIcon,
  CreditCardIcon,
  FileTextIcon,
  QrCodeIcon,
  ShieldIcon,
  WebhookIcon,
} from "@/components/ui/icons";
import type { PlanView } from "@/components/billing/types";
import { asJson } from "@/components/catalog/types";
import { listPlanOffers } from "@/lib/billing/offers";
import { getI18n } from "@/lib/http/locale";
import { logger } from "@/lib/log/logger";
import type { MessageKey } from "@/lib/i18n/translate";
import { HeroPreview } from "./_components/hero-preview";
import { Pricing } from "./_components/pricing";
import { SectionHeading } from "./_components/section-heading";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: { absolute: t("marketing.metaTitle") } };
}

const features = [
  { key: "connect", Icon: CreditCardIcon },
  { key: "pix", Icon: QrCodeIcon },
  { key: "credits", Icon: CoinsIcon },
  { key: "callbacks", Icon: WebhookIcon },
  { key: "invoices", Icon: FileTextIcon },
  { key: "audit", Icon: ShieldIcon },
] as const;

const steps = ["one", "two", "three"] as const;

export default async function LandingPage() {
  const { t, locale } = await getI18n();
  // The visitor has no store yet: Portuguese sees reais, English dollars.
  const currency = locale === "pt-BR" ? "BRL" : "USD";
  // A database hiccup should cost the visitor the plan cards, not the page.
  const plans = await listPlanOffers(currency).catch((err: unknown) => {
    logger.warn({ err }, "landing page: plans unavailable");
    return [];
  });
  return (
    <main>
      <section aria-labelledby="hero-title" className="relative overflow-hidden">
        <div
          aria-hidden="true"
          className="absolute inset-0 bg-[radial-gradient(50%_60%_at_70%_0%,var(--color-brand-100),transparent_70%)]"
        />
        <div
          aria-hidden="true"
          className="absolute inset-0 bg-[linear-gradient(to_right,var(--color-line)_1px,transparent_1px),linear-gradient(to_bottom,var(--color-line)_1px,transparent_1px)] bg-[size:48px_48px] opacity-40 [mask-image:radial-gradient(ellipse_at_top,black_30%,transparent_70%)]"
        />
        <div className="relative mx-auto grid max-w-6xl grid-cols-[minmax(0,1fr)] items-center gap-14 px-4 pt-14 pb-20 sm:px-6 sm:pt-20 lg:grid-cols-[minmax(0,1.1fr)_minmax(0,1fr)] lg:pt-24 lg:pb-28">
          <div>
            <p className="inline-flex items-center gap-2 rounded-full border border-brand-200 bg-brand-50 px-3 py-1 text-[13px] font-medium text-brand-800">
              <span aria-hidden="true" className="size-1.5 rounded-full bg-brand-600" />
              {t("marketing.hero.eyebrow")}
            </p>
            <h1
              id="hero-title"
              className="mt-6 text-4xl font-semibold tracking-tight text-balance text-ink sm:text-5xl lg:text-[3.5rem] lg:leading-[1.05]"
            >
              {t("marketing.hero.title")}
            </h1>
            <p className="mt-6 max-w-xl text-lg text-pretty text-ink-muted">{t("marketing.hero.subtitle")}</p>
            <div className="mt-8 flex flex-col gap-3 sm:flex-row">
              <Button href="/sign-up" size="lg">
                {t("marketing.hero.ctaPrimary")}
                <ArrowRightIcon />
              </Button>
              <Button href="/sign-in" size="lg" variant="secondary">
                {t("marketing.hero.ctaSecondary")}
              </Button>
            </div>
            <ul className="mt-8 flex flex-wrap gap-x-6 gap-y-2 text-sm text-ink-muted">
              {(["trust1", "trust2", "trust3"] as const).map((k) => (
                <li key={k} className="flex items-center gap-1.5">
                  <CheckIcon size={16} className="text-brand-600" />
                  {t(`marketing.hero.${k}`)}
                </li>
              ))}
            </ul>
          </div>
          <HeroPreview t={t} locale={locale} />
        </div>
      </section>

      <section
        aria-labelledby="features-title"
        id="features"
        className="scroll-mt-20 border-y border-line bg-surface py-20 sm:py-28"
      >
        <div className="mx-auto max-w-6xl px-4 sm:px-6">
          <SectionHeading
            id="features-title"
            eyebrow={t("marketing.features.eyebrow")}
            title={t("marketing.features.title")}
            subtitle={t("marketing.features.subtitle")}
          />
          <ul className="grid gap-px overflow-hidden rounded-xl border border-line bg-line sm:grid-cols-2 lg:grid-cols-3">
            {features.map(({ key, Icon }) => (
              <li key={key} className="flex flex-col gap-3 bg-surface-raised p-6 sm:p-8">
                <span className="flex size-10 items-center justify-center rounded-lg bg-brand-50 text-brand-700 ring-1 ring-brand-100">
                  <Icon size={20} />
                </span>
                <h3 className="mt-2 text-base font-semibold text-ink">
                  {t(`marketing.features.${key}Title` as MessageKey)}
                </h3>
                <p className="text-sm leading-relaxed text-ink-muted">
                  {t(`marketing.features.${key}Body` as MessageKey)}
                </p>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section aria-labelledby="how-title" id="how-it-works" className="scroll-mt-20 py-20 sm:py-28">
        <div className="mx-auto max-w-6xl px-4 sm:px-6">
          <SectionHeading id="how-title" eyebrow={t("marketing.steps.eyebrow")} title={t("marketing.steps.title")} />
          <ol className="grid gap-10 md:grid-cols-3 md:gap-8">
            {steps.map((step, i) => (
              <li key={step} className="relative flex flex-col gap-3">
                {i < steps.length - 1 && (
                  <span
                    aria-hidden="true"
                    className="absolute top-5 left-14 hidden h-px w-[calc(100%-3rem)] bg-gradient-to-r from-brand-300 to-line md:block"
                  />
                )}
                <span className="flex size-10 items-center justify-center rounded-full bg-brand-700 text-sm font-semibold text-ink-inverse shadow-xs">
                  {i + 1}
                </span>
                <h3 className="mt-2 text-lg font-semibold text-ink">{t(`marketing.steps.${step}Title`)}</h3>
                <p className="text-sm leading-relaxed text-ink-muted">{t(`marketing.steps.${step}Body`)}</p>
              </li>
            ))}
          </ol>
        </div>
      </section>

      <div className="border-t border-line bg-surface">
        <Pricing plans={asJson<PlanView[]>(plans)} currency={currency} t={t} locale={locale} />
      </div>

      <section aria-labelledby="cta-title" className="bg-surface px-4 pb-20 sm:px-6 sm:pb-28">
        <div className="relative mx-auto max-w-[calc(72rem-3rem)] overflow-hidden rounded-2xl bg-brand-950 px-6 py-14 text-center sm:px-12">
          <div
            aria-hidden="true"
            className="absolute inset-0 bg-[radial-gradient(60%_80%_at_50%_0%,var(--color-brand-700),transparent)] opacity-70"
          />
          <div className="relative">
            <h2
              id="cta-title"
              className="text-3xl font-semibold tracking-tight text-balance text-ink-inverse sm:text-4xl"
            >
              {t("marketing.cta.title")}
            </h2>
            <p className="mx-auto mt-4 max-w-xl text-brand-100">{t("marketing.cta.body")}</p>
            <Button href="/sign-up" size="lg" variant="secondary" className="mt-8 border-transparent">
              {t("marketing.cta.button")}
              <ArrowRightIcon />
            </Button>
          </div>
        </div>
      </section>
    </main>
  );
}
