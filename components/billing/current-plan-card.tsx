"use client";
import type { ReactNode } from "react";
import { useI18n } from "@/lib/i18n/client";
import { formatDate } from "@/lib/i18n/format";
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { SubscriptionBadge } from "./subscription-badge";
import { type EffectivePlanView, feeRate, type SubscriptionView } from "./types";

/**
 * What the seller is on now and what happens next (renewal, trial end, scheduled cancellation). The
 * fee shown is the effective plan's, in the store's currency: Free's while nothing live is chosen.
 */
export function CurrentPlanCard({
  sub,
  effective,
  currency,
  syncing,
  actions,
}: {
  sub: SubscriptionView | null;
  effective: EffectivePlanView;
  currency: string;
  syncing: boolean;
  actions: ReactNode;
}) {
  const { t, locale } = useI18n();
  const rate = feeRate(effective, currency, locale);
  const date = (d: string | null) => (d ? formatDate(d, locale) : "");
  let next: string | null = null;
  if (sub) {
    if (sub.status === "canceled") next = t("billing.current.canceled");
    else if (sub.status === "past_due") next = t("billing.current.pastDue");
    else if (sub.cancelAtPeriodEnd && sub.currentPeriodEnd)
      next = t("billing.current.endsOn", { date: date(sub.currentPeriodEnd) });
    else if (sub.status === "trialing" && sub.trialEnd)
      next = t("billing.current.trialEnds", { date: date(sub.trialEnd) });
    else if (sub.status === "active" && sub.currentPeriodEnd)
      next = t("billing.current.renews", { date: date(sub.currentPeriodEnd) });
  }
  return (
    <Card data-testid="current-plan">
      <CardHeader
        actions={
          syncing ? (
            <span className="flex items-center gap-2 text-[13px] text-ink-subtle">
              <Spinner size="sm" />
              {t("billing.current.syncing")}
            </span>
          ) : undefined
        }
      >
        <CardTitle>{t("billing.current.title")}</CardTitle>
      </CardHeader>
      <CardContent className="pt-0">
        {sub ? (
          <div className="space-y-2">
            <div className="flex flex-wrap items-center gap-3">
              <p className="text-xl font-semibold tracking-tight text-ink" data-testid="current-plan-name">
                {sub.plan.name}
              </p>
              <SubscriptionBadge sub={sub} />
            </div>
            <p className="text-sm text-ink-muted" data-testid="current-fee">
              {t("billing.current.feeLine", { rate })}
            </p>
            {next && <p className="text-sm text-ink">{next}</p>}
            {effective.source === "fallback" && sub.status !== "free" && (
              <p className="text-sm text-ink">{t("billing.current.fallback", { rate })}</p>
            )}
          </div>
        ) : (
          <div className="space-y-1">
            <p className="text-base font-semibold text-ink">{t("billing.current.none")}</p>
            <p className="text-sm text-ink-muted" data-testid="current-fee">
              {t("billing.current.noneBody", { rate })}
            </p>
          </div>
        )}
      </CardContent>
      {actions && <CardFooter>{actions}</CardFooter>}
    </Card>
  );
}
