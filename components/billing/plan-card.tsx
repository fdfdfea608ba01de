"use client";
import { useI18n } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { ArrowRightIcon } from "@/components/ui/icons";
import type { MessageKey } from "@/lib/i18n/translate";
import { PlanDetails, PlanPrice } from "./plan-details";
import { isFreePlan, type PlanInterval, type PlanView } from "./types";

export type PlanAction = "current" | "subscribe" | "switch" | "switchInterval" | "freeWhilePaid" | "contact";

const DESCRIBED = ["free", "starter", "pro", "enterprise"];

export function PlanCard({
  plan,
  previous,
  interval,
  action,
  busy,
  disabled,
  onAction,
}: {
  plan: PlanView;
  /** The plan listed before this one ("Everything in …"). */
  previous?: PlanView;
  interval: PlanInterval;
  action: PlanAction;
  busy: boolean;
  disabled: boolean;
  onAction: () => void;
}) {
  const { t, locale } = useI18n();
  const description = DESCRIBED.includes(plan.code)
    ? t(`billing.plans.descriptions.${plan.code}` as MessageKey)
    : plan.description;
  const current = action === "current";
  const free = isFreePlan(plan);
  const unsold = plan.selfServe && !free && plan.prices[interval] === null;
  const label = current
    ? t("billing.plans.currentPlan")
    : action === "switch"
      ? t("billing.plans.switch")
      : action === "switchInterval"
        ? interval === "year"
          ? t("billing.plans.switchToYearly")
          : t("billing.plans.switchToMonthly")
        : free
          ? t("billing.plans.chooseFree")
          : t("billing.plans.subscribe");
  return (
    <div
      className={cn(
        "flex flex-col rounded-lg border bg-surface-raised p-5 shadow-card",
        current ? "border-brand-600 ring-1 ring-brand-600" : "border-line",
      )}
      data-testid={`plan-${plan.code}`}
    >
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-base font-semibold text-ink">{plan.name}</h3>
        {current && <Badge tone="brand">{t("billing.plans.currentPlan")}</Badge>}
      </div>
      {description && <p className="mt-1 min-h-15 text-sm text-ink-muted">{description}</p>}
      <div className="mt-3">
        <PlanPrice plan={plan} interval={interval} t={t} locale={locale} />
      </div>
      <div className="mt-4 flex-1">
        <PlanDetails plan={plan} previous={previous} t={t} locale={locale} />
      </div>
      <div className="mt-5">
        {action === "contact" && plan.contactUrl ? (
          <Button fullWidth variant="secondary" href={plan.contactUrl}>
            {t("billing.plans.talkToUs")}
            <ArrowRightIcon aria-hidden />
          </Button>
        ) : action === "freeWhilePaid" ? (
          <p className="text-[13px] text-ink-subtle">{t("billing.plans.freeWhilePaid")}</p>
        ) : (
          <Button
            fullWidth
            variant={action !== "current" && !free ? "primary" : "secondary"}
            disabled={current || disabled || unsold}
            loading={busy}
            onClick={onAction}
          >
            {label}
          </Button>
        )}
      </div>
    </div>
  );
}
