"use client";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useI18n } from "@/lib/i18n/client";
import { formatDate } from "@/lib/i18n/format";
import type { MessageKey } from "@/lib/i18n/translate";
import { apiFetch, ApiError } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { ExternalLinkIcon } from "@/components/ui/icons";
import { apiErrorText } from "@/components/connect/api-error-text";
import { CurrentPlanCard } from "./current-plan-card";
import { PlanCard, type PlanAction } from "./plan-card";
import { PlanDialogs } from "./plan-dialogs";
import { PlanIntervalToggle } from "./plan-interval-toggle";
import { PlanPromoField } from "./plan-promo-field";
import {
  type EffectivePlanView,
  isFreePlan,
  isLivePaid,
  type PlanInterval,
  type PlanView,
  type SubscriptionView,
} from "./types";

type SubState = { subscription: SubscriptionView | null; effectivePlan: EffectivePlanView };
const SUB_KEY = ["platform-subscription"];
const intervalOf = (sub: SubscriptionView | null): PlanInterval => (sub?.interval === "YEAR" ? "year" : "month");

export function PlanManager({
  initialPlans,
  initialSubscription,
  initialEffective,
  currency,
  returnedFromCheckout,
}: {
  initialPlans: PlanView[];
  initialSubscription: SubscriptionView | null;
  initialEffective: EffectivePlanView;
  currency: string;
  returnedFromCheckout: boolean;
}) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const router = useRouter();
  const qc = useQueryClient();
  const plans = useQuery({
    queryKey: ["platform-plans"],
    queryFn: () => apiFetch<{ data: PlanView[] }>("/api/v1/platform/plans").then((r) => r.data),
    initialData: initialPlans,
    staleTime: 60_000,
  }).data;
  // The GET re-reads the subscription from Stripe, so it runs on every visit (initialData is only a first paint).
  const subQuery = useQuery({
    queryKey: SUB_KEY,
    queryFn: () => apiFetch<SubState>("/api/v1/platform/subscription"),
    initialData: { subscription: initialSubscription, effectivePlan: initialEffective },
    initialDataUpdatedAt: 0,
  });
  const sub = subQuery.data.subscription;
  const [interval, chooseInterval] = useState<PlanInterval>(() =>
    isLivePaid(initialSubscription) ? intervalOf(initialSubscription) : "month",
  );
  const [promo, setPromo] = useState("");
  const [promoError, setPromoError] = useState<string | null>(null);
  const [switching, setSwitching] = useState<{ plan: PlanView; interval: PlanInterval } | null>(null);
  const [canceling, setCanceling] = useState(false);
  const [redirecting, setRedirecting] = useState<string | null>(null);

  const fail = (err: unknown) => {
    if (err instanceof ApiError && err.code === "already_exists")
      return toast.error(t("billing.toasts.alreadySubscribed"));
    const e = apiErrorText(t, err);
    toast.error(e.title, { description: e.detail });
  };
  const applied = (next: SubscriptionView | null) => {
    qc.setQueryData<SubState>(SUB_KEY, (old) => (old ? { ...old, subscription: next } : old));
    void qc.invalidateQueries({ queryKey: SUB_KEY });
    router.refresh();
  };

  // Back from Checkout (?subscribed=cs_…): once the sync has run, say what happened and clean the URL.
  const announced = useRef(false);
  useEffect(() => {
    if (!returnedFromCheckout || announced.current || subQuery.dataUpdatedAt === 0 || subQuery.isFetching) return;
    announced.current = true;
    const now = subQuery.data.subscription;
    if (isLivePaid(now)) {
      toast.success(t("billing.toasts.subscribed", { plan: now.plan.name }));
      chooseInterval(intervalOf(now));
    } else toast.info(t("billing.toasts.subscribedPending"));
    router.replace("/dashboard/plan", { scroll: false });
    router.refresh();
  }, [returnedFromCheckout, subQuery.dataUpdatedAt, subQuery.isFetching, subQuery.data, toast, t, router]);

  const subscribe = useMutation({
    mutationFn: (plan: PlanView) => {
      const code = promo.trim();
      return apiFetch<{ subscription: SubscriptionView | null; checkoutUrl: string | null }>(
        "/api/v1/platform/subscription",
        {
          method: "POST",
          body: {
            planCode: plan.code,
            ...(isFreePlan(plan) ? {} : { interval, ...(code ? { promotion_code: code } : {}) }),
          },
        },
      );
    },
    onMutate: () => setPromoError(null),
    onSuccess: (res, plan) => {
      if (res.checkoutUrl) {
        setRedirecting(plan.code);
        window.location.assign(res.checkoutUrl);
        return;
      }
      applied(res.subscription);
      toast.success(t("billing.toasts.free"));
    },
    onError: (err) => {
      const promoCode = err instanceof ApiError && (err.code.startsWith("coupon_") || err.param === "promotion_code");
      if (!promoCode) return fail(err);
      const known = `billing.promo.errors.${err.code}` as MessageKey;
      const text = t(known);
      setPromoError(text === known ? err.message : text);
    },
  });
  const act = useMutation({
    mutationFn: (
      action: { kind: "switch"; plan: PlanView; interval: PlanInterval } | { kind: "cancel" } | { kind: "resume" },
    ) =>
      action.kind === "switch"
        ? apiFetch<{ subscription: SubscriptionView | null }>("/api/v1/platform/subscription", {
            method: "PATCH",
            body: { planCode: action.plan.code, interval: action.interval },
          })
        : apiFetch<{ subscription: SubscriptionView | null }>(`/api/v1/platform/subscription/${action.kind}`, {
            method: "POST",
          }),
    onSuccess: ({ subscription }, action) => {
      applied(subscription);
      const end = subscription?.currentPeriodEnd;
      if (action.kind === "switch") toast.success(t("billing.toasts.switched", { plan: action.plan.name }));
      else if (action.kind === "cancel")
        toast.success(
          end ? t("billing.toasts.canceled", { date: formatDate(end, locale) }) : t("billing.toasts.canceledNoDate"),
        );
      else toast.success(t("billing.toasts.resumed"));
    },
    onError: fail,
  });
  const portal = useMutation({
    mutationFn: () => apiFetch<{ url: string }>("/api/v1/portal-sessions", { method: "POST" }),
    onSuccess: ({ url }) => window.location.assign(url),
    onError: fail,
  });

  const live = isLivePaid(sub) ? sub : null;
  const busy = subscribe.isPending || act.isPending || !!redirecting;
  const actionFor = (plan: PlanView): PlanAction => {
    if (!plan.selfServe) return "contact";
    if (sub && sub.planId === plan.id && (live || sub.status === "free"))
      return live && !isFreePlan(plan) && intervalOf(live) !== interval ? "switchInterval" : "current";
    if (!live) return "subscribe";
    return isFreePlan(plan) ? "freeWhilePaid" : "switch";
  };

  const footer =
    live || sub?.stripeSubscriptionId ? (
      <>
        <Button
          variant="ghost"
          className="w-full sm:mr-auto sm:w-auto"
          onClick={() => portal.mutate()}
          loading={portal.isPending || portal.isSuccess}
          title={t("billing.actions.manageHint")}
        >
          <ExternalLinkIcon aria-hidden />
          {t("billing.actions.manage")}
        </Button>
        {live &&
          (live.cancelAtPeriodEnd ? (
            <Button
              variant="secondary"
              className="w-full sm:w-auto"
              onClick={() => act.mutate({ kind: "resume" })}
              loading={act.isPending && act.variables?.kind === "resume"}
              disabled={busy}
            >
              {t("billing.actions.resume")}
            </Button>
          ) : (
            <Button variant="secondary" className="w-full sm:w-auto" onClick={() => setCanceling(true)} disabled={busy}>
              {t("billing.actions.cancel")}
            </Button>
          ))}
      </>
    ) : null;

  const switchingName = switching
    ? `${switching.plan.name} (${t(`billing.interval.${switching.interval}`).toLowerCase()})`
    : "";
  return (
    <div className="space-y-6">
      {subQuery.isError && (
        <Alert
          tone="warning"
          actions={
            <Button size="sm" variant="secondary" onClick={() => subQuery.refetch()}>
              {t("billing.current.retry")}
            </Button>
          }
        >
          {t("billing.current.syncFailed")}
        </Alert>
      )}
      <CurrentPlanCard
        sub={sub}
        effective={subQuery.data.effectivePlan}
        currency={currency}
        syncing={subQuery.isFetching}
        actions={footer}
      />
      <section aria-labelledby="plans-title" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <h2 id="plans-title" className="text-base font-semibold tracking-tight text-ink">
            {t("billing.plans.title")}
          </h2>
          <PlanIntervalToggle value={interval} onChange={chooseInterval} />
        </div>
        {!live && (
          <PlanPromoField
            value={promo}
            onChange={(v) => {
              setPromo(v);
              setPromoError(null);
            }}
            error={promoError}
          />
        )}
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
          {plans.map((plan, i) => {
            const action = actionFor(plan);
            return (
              <PlanCard
                key={plan.id}
                plan={plan}
                previous={plans[i - 1]}
                interval={interval}
                action={action}
                busy={
                  (subscribe.isPending && subscribe.variables?.code === plan.code) ||
                  redirecting === plan.code ||
                  (act.isPending && act.variables?.kind === "switch" && act.variables.plan.code === plan.code)
                }
                disabled={busy || subQuery.isFetching}
                onAction={() =>
                  action === "switch" || action === "switchInterval"
                    ? setSwitching({ plan, interval })
                    : subscribe.mutate(plan)
                }
              />
            );
          })}
        </div>
      </section>
      <PlanDialogs
        current={live}
        switching={switching ? { ...switching.plan, name: switchingName } : null}
        onSwitchClose={() => setSwitching(null)}
        onSwitch={async () => {
          if (switching) await act.mutateAsync({ kind: "switch", plan: switching.plan, interval: switching.interval });
        }}
        canceling={canceling}
        onCancelClose={() => setCanceling(false)}
        onCancel={async () => void (await act.mutateAsync({ kind: "cancel" }))}
      />
    </div>
  );
}
