"use client";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useI18n } from "@/lib/i18n/client";
import { formatDate } from "@/lib/i18n/format";
import { apiFetch, ApiError } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { ExternalLinkIcon } from "@/components/ui/icons";
import { apiErrorText } from "@/components/connect/api-error-text";
import { CurrentPlanCard } from "./current-plan-card";
import { PlanCard, type PlanAction } from "./plan-card";
import { PlanDialogs } from "./plan-dialogs";
import { isLivePaid, type PlanView, type SubscriptionView } from "./types";

type SubResponse = { subscription: SubscriptionView | null };
const SUB_KEY = ["platform-subscription"];

export function PlanManager({
  initialPlans,
  initialSubscription,
  returnedFromCheckout,
}: {
  initialPlans: PlanView[];
  initialSubscription: SubscriptionView | null;
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
    queryFn: () => apiFetch<SubResponse>("/api/v1/platform/subscription").then((r) => r.subscription),
    initialData: initialSubscription,
    initialDataUpdatedAt: 0,
  });
  const sub = subQuery.data;
  const [switching, setSwitching] = useState<PlanView | null>(null);
  const [canceling, setCanceling] = useState(false);
  const [redirecting, setRedirecting] = useState<string | null>(null);

  const fail = (err: unknown) => {
    if (err instanceof ApiError && err.code === "already_exists")
      return toast.error(t("billing.toasts.alreadySubscribed"));
    const e = apiErrorText(t, err);
    toast.error(e.title, { description: e.detail });
  };
  const applied = (next: SubscriptionView | null) => {
    qc.setQueryData(SUB_KEY, next);
    router.refresh();
  };

  // Back from Checkout (?subscribed=cs_…): once the sync has run, say what happened and clean the URL.
  const announced = useRef(false);
  useEffect(() => {
    if (!returnedFromCheckout || announced.current || subQuery.dataUpdatedAt === 0 || subQuery.isFetching) return;
    announced.current = true;
    if (isLivePaid(subQuery.data)) toast.success(t("billing.toasts.subscribed", { plan: subQuery.data.plan.name }));
    else toast.info(t("billing.toasts.subscribedPending"));
    router.replace("/dashboard/plan", { scroll: false });
    router.refresh();
  }, [returnedFromCheckout, subQuery.dataUpdatedAt, subQuery.isFetching, subQuery.data, toast, t, router]);

  const subscribe = useMutation({
    mutationFn: (plan: PlanView) =>
      apiFetch<SubResponse & { checkoutUrl: string | null }>("/api/v1/platform/subscription", {
        method: "POST",
        body: { planCode: plan.code },
      }),
    onSuccess: (res, plan) => {
      if (res.checkoutUrl) {
        setRedirecting(plan.code);
        window.location.assign(res.checkoutUrl);
        return;
      }
      applied(res.subscription);
      toast.success(t("billing.toasts.free"));
    },
    onError: fail,
  });
  const act = useMutation({
    mutationFn: (action: { kind: "switch"; plan: PlanView } | { kind: "cancel" } | { kind: "resume" }) =>
      action.kind === "switch"
        ? apiFetch<SubResponse>("/api/v1/platform/subscription", {
            method: "PATCH",
            body: { planCode: action.plan.code },
          })
        : apiFetch<SubResponse>(`/api/v1/platform/subscription/${action.kind}`, { method: "POST" }),
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
    if (sub && sub.planId === plan.id && (live || sub.status === "free")) return "current";
    if (!live) return "subscribe";
    return plan.amount === 0 ? "freeWhilePaid" : "switch";
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
      <CurrentPlanCard sub={sub} syncing={subQuery.isFetching} actions={footer} />
      <section aria-labelledby="plans-title" className="space-y-3">
        <h2 id="plans-title" className="text-base font-semibold tracking-tight text-ink">
          {t("billing.plans.title")}
        </h2>
        <div className="grid gap-4 md:grid-cols-3">
          {plans.map((plan) => {
            const action = actionFor(plan);
            return (
              <PlanCard
                key={plan.id}
                plan={plan}
                action={action}
                busy={
                  (subscribe.isPending && subscribe.variables?.code === plan.code) ||
                  redirecting === plan.code ||
                  (act.isPending && act.variables?.kind === "switch" && act.variables.plan.code === plan.code)
                }
                disabled={busy || subQuery.isFetching}
                onAction={() => (action === "switch" ? setSwitching(plan) : subscribe.mutate(plan))}
              />
            );
          })}
        </div>
      </section>
      <PlanDialogs
        current={live}
        switching={switching}
        onSwitchClose={() => setSwitching(null)}
        onSwitch={async (plan) => void (await act.mutateAsync({ kind: "switch", plan }))}
        canceling={canceling}
        onCancelClose={() => setCanceling(false)}
        onCancel={async () => void (await act.mutateAsync({ kind: "cancel" }))}
      />
    </div>
  );
}
