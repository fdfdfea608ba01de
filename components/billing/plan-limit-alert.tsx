"use client";
import { useI18n } from "@/lib/i18n/client";
import { ApiError } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ArrowRightIcon } from "@/components/ui/icons";

export type PlanLimit = { resource: "products" | "stores"; limit: number; used: number; plan: string };

/** The limit a plan_limit_reached error carries, or null for any other error. */
export function planLimitOf(err: unknown): PlanLimit | null {
  if (!(err instanceof ApiError) || err.code !== "plan_limit_reached" || !err.details) return null;
  const { resource, limit, used, plan } = err.details;
  if ((resource !== "products" && resource !== "stores") || typeof limit !== "number" || typeof used !== "number")
    return null;
  return { resource, limit, used, plan: typeof plan === "string" ? plan : "" };
}

/** Why a creation was refused (the plan's limit and what is used) and the way up: the plan page. */
export function PlanLimitAlert({ limit }: { limit: PlanLimit }) {
  const { t } = useI18n();
  return (
    <Alert
      tone="warning"
      title={t("billing.limitReached.title")}
      data-testid="plan-limit-alert"
      actions={
        <Button size="sm" href="/dashboard/plan">
          {t("billing.limitReached.upgrade")}
          <ArrowRightIcon aria-hidden />
        </Button>
      }
    >
      {t(`billing.limitReached.${limit.resource}`, { limit: limit.limit, used: limit.used, plan: limit.plan })}
    </Alert>
  );
}
