"use client";
import { useI18n } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { CheckIcon } from "@/components/ui/icons";
import type { MessageKey } from "@/lib/i18n/translate";
import { feeRate, type PlanView } from "./types";

export type PlanAction = "current" | "subscribe" | "switch" | "freeWhilePaid";

const DESCRIBED = ["free", "starter", "pro"];

export function PlanCard({
  plan,
  action,
  busy,
  disabled,
  onAction,
}: {
  plan: PlanView;
  action: PlanAction;
  busy: boolean;
  disabled: boolean;
  onAction: () => void;
}) {
  const { t, locale, money } = useI18n();
  const description = DESCRIBED.includes(plan.code)
    ? t(`billing.plans.descriptions.${plan.code}` as MessageKey)
    : plan.description;
  const current = action === "current";
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
      <p className="mt-3 flex items-baseline gap-1">
        <span className="text-2xl font-semibold tracking-tight text-ink tabular-nums">
          {plan.amount === 0 ? t("billing.plans.free") : money(plan.amount, plan.currency)}
        </span>
        {plan.amount > 0 && (
          <span className="text-sm text-ink-muted">
            {plan.interval === "YEAR" ? t("billing.plans.perYear") : t("billing.plans.perMonth")}
          </span>
        )}
      </p>
      {description && <p className="mt-2 text-sm text-ink-muted">{description}</p>}
      <ul className="mt-4 flex-1 space-y-2 text-sm text-ink">
        <li className="flex gap-2">
          <CheckIcon className="mt-0.5 size-4 shrink-0 text-success" aria-hidden />
          {t("billing.plans.fee", { rate: feeRate(plan, locale) })}
        </li>
        {plan.trialDays > 0 && (
          <li className="flex gap-2">
            <CheckIcon className="mt-0.5 size-4 shrink-0 text-success" aria-hidden />
            {t("billing.plans.trial", { days: plan.trialDays })}
          </li>
        )}
      </ul>
      <div className="mt-5">
        {action === "freeWhilePaid" ? (
          <p className="text-[13px] text-ink-subtle">{t("billing.plans.freeWhilePaid")}</p>
        ) : (
          <Button
            fullWidth
            variant={action === "subscribe" && plan.amount > 0 ? "primary" : "secondary"}
            disabled={current || disabled}
            loading={busy}
            onClick={onAction}
          >
            {current
              ? t("billing.plans.currentPlan")
              : action === "switch"
                ? t("billing.plans.switch")
                : plan.amount === 0
                  ? t("billing.plans.chooseFree")
                  : t("billing.plans.subscribe")}
          </Button>
        )}
      </div>
    </div>
  );
}
