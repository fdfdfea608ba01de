"use client";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { useToast } from "@/components/ui/toast";
import { ExternalLinkIcon, RefreshIcon, ArrowRightIcon } from "@/components/ui/icons";
import { apiErrorText } from "./api-error-text";
import { disabledReasonText } from "./requirements";
import { StatusTiles } from "./status-tiles";
import { RequirementsList } from "./requirements-list";
import type { AccountStatus } from "@/lib/connect/accounts";

/** The account status as JSON carries it (dates as strings). */
export type AccountStatusView = Omit<AccountStatus, "syncedAt"> & { syncedAt: string };

const KEY = ["connect-account"];

export function AccountStatusPanel({ initial, returned }: { initial: AccountStatusView; returned: boolean }) {
  const { t, dateTime } = useI18n();
  const toast = useToast();
  const router = useRouter();
  const qc = useQueryClient();
  const account = useQuery({
    queryKey: KEY,
    queryFn: () => apiFetch<AccountStatusView>("/api/v1/connect/account"),
    initialData: initial,
    staleTime: Infinity,
  }).data;
  const [opening, setOpening] = useState<"link" | "express" | null>(null);

  const refresh = useMutation({
    mutationFn: () => apiFetch<AccountStatusView>("/api/v1/connect/account/refresh", { method: "POST" }),
    onSuccess: (next) => {
      qc.setQueryData(KEY, next);
      router.refresh();
    },
    onError: (err) => {
      const e = apiErrorText(t, err);
      toast.error(e.title, { description: e.detail });
    },
  });

  // Back from Stripe's onboarding: re-read the account once, say where things stand, clean the URL.
  const handledReturn = useRef(false);
  useEffect(() => {
    if (!returned || handledReturn.current) return;
    handledReturn.current = true;
    refresh.mutate(undefined, {
      onSuccess: (next) =>
        next.chargesEnabled
          ? toast.success(t("connect.toasts.returnedReady"))
          : toast.info(t("connect.toasts.returnedPending")),
      onSettled: () => router.replace("/dashboard/connect", { scroll: false }),
    });
  }, [returned, refresh, toast, t, router]);

  async function openStripe(kind: "link" | "express") {
    setOpening(kind);
    // Open the tab inside the click so pop-up blockers allow it, then point it at Stripe.
    const tab = kind === "express" ? window.open("", "_blank") : null;
    try {
      if (kind === "express") {
        const { url } = await apiFetch<{ url: string }>("/api/v1/connect/login-link", { method: "POST" });
        if (tab) {
          tab.opener = null;
          tab.location.href = url;
        } else window.open(url, "_blank", "noopener");
        setOpening(null);
      } else {
        const type = account.detailsSubmitted ? "account_update" : "account_onboarding";
        const { url } = await apiFetch<{ url: string }>("/api/v1/connect/account-links", {
          method: "POST",
          body: { type },
        });
        window.location.assign(url);
      }
    } catch (err) {
      tab?.close();
      setOpening(null);
      const e = apiErrorText(t, err);
      toast.error(e.title, { description: e.detail });
    }
  }

  const reason = disabledReasonText(t, account.disabledReason);
  return (
    <div className="space-y-6">
      {account.chargesEnabled ? (
        <Alert tone="success" title={t("connect.status.readyTitle")}>
          {t("connect.status.readyBody")}
        </Alert>
      ) : (
        <Alert tone="warning" title={t("connect.status.cannotSellTitle")} data-testid="cannot-sell">
          {t("connect.status.cannotSellBody")}
          {reason && (
            <>
              {" "}
              {t("connect.status.reasonLabel")} {reason}
            </>
          )}
        </Alert>
      )}
      <Card>
        <CardHeader>
          <CardTitle>{t("connect.status.title")}</CardTitle>
          <dl className="mt-1 flex flex-wrap gap-x-5 gap-y-1 text-[13px] text-ink-muted">
            <div className="flex gap-1.5">
              <dt>{t("connect.status.accountId")}:</dt>
              <dd className="font-mono text-ink" data-testid="account-id">
                {account.accountId}
              </dd>
            </div>
            <div className="flex gap-1.5">
              <dt>{t("connect.status.country")}:</dt>
              <dd className="text-ink">{account.country}</dd>
            </div>
            {account.email && (
              <div className="flex min-w-0 gap-1.5">
                <dt>{t("connect.status.email")}:</dt>
                <dd className="truncate text-ink">{account.email}</dd>
              </div>
            )}
            <div className="flex gap-1.5">
              <dt>{t("connect.status.syncedAt")}:</dt>
              <dd className="text-ink">{dateTime(account.syncedAt)}</dd>
            </div>
          </dl>
        </CardHeader>
        <CardContent className="space-y-5">
          <StatusTiles account={account} />
          <RequirementsList ids={account.requirementsDue} />
        </CardContent>
        <CardFooter>
          <Button
            variant="secondary"
            className="w-full sm:w-auto"
            onClick={() => refresh.mutate(undefined, { onSuccess: () => toast.success(t("connect.toasts.refreshed")) })}
            loading={refresh.isPending}
          >
            <RefreshIcon aria-hidden />
            {t("connect.actions.refresh")}
          </Button>
          {account.detailsSubmitted && (
            <Button
              variant="secondary"
              className="w-full sm:w-auto"
              onClick={() => openStripe("express")}
              loading={opening === "express"}
            >
              <ExternalLinkIcon aria-hidden />
              {t("connect.actions.express")}
            </Button>
          )}
          <Button
            variant={account.chargesEnabled ? "secondary" : "primary"}
            className="w-full sm:w-auto"
            onClick={() => openStripe("link")}
            loading={opening === "link"}
          >
            {account.detailsSubmitted ? t("connect.actions.update") : t("connect.actions.continue")}
            <ArrowRightIcon aria-hidden />
          </Button>
        </CardFooter>
      </Card>
    </div>
  );
}
