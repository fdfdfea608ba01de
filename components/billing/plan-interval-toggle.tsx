"use client";
import { useId } from "react";
import { useI18n } from "@/lib/i18n/client";
import { Badge } from "@/components/ui/badge";
import type { PlanInterval } from "./types";

const OPTIONS: PlanInterval[] = ["month", "year"];

/** Monthly / Yearly: two native radios styled as a segmented control; switching reprices every card. */
export function PlanIntervalToggle({ value, onChange }: { value: PlanInterval; onChange: (v: PlanInterval) => void }) {
  const { t } = useI18n();
  const name = useId();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <fieldset className="inline-flex rounded-md border border-line-strong bg-surface-raised p-0.5">
        <legend className="sr-only">{t("billing.interval.label")}</legend>
        {OPTIONS.map((option) => (
          <label key={option} className="relative">
            <input
              type="radio"
              name={name}
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
              className="peer absolute inset-0 z-10 cursor-pointer opacity-0"
            />
            <span className="inline-flex h-8 cursor-pointer items-center rounded-[5px] px-3 text-sm font-medium text-ink-muted transition-colors peer-checked:bg-surface-sunken peer-checked:text-ink peer-checked:shadow-xs peer-focus-visible:outline-2 peer-focus-visible:outline-offset-1 peer-focus-visible:outline-focus hover:text-ink">
              {t(`billing.interval.${option}`)}
            </span>
          </label>
        ))}
      </fieldset>
      <Badge tone="success">{t("billing.interval.saving")}</Badge>
    </div>
  );
}
