"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { formatNumber } from "@/lib/i18n/format";
import { apiFetch, ApiError } from "@/components/api-client";
import { nextPoll, type Backoff } from "@/components/polling";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { AlertTriangleIcon, CheckCircleIcon, InfoIcon, XCircleIcon } from "@/components/ui/icons";
import { declineMessage } from "@/components/stripe/browser";
import { isSettled, type PurchaseView } from "./types";

/** How long the page keeps polling a purchase that does not settle before it stops and offers "Check again". */
export const POLL_FOR_MS = 2 * 60_000;
/** 1.5 s for the first 20 s (a card payment settles in seconds), then slower, at most 6 s apart. */
const POLL: Backoff = { every: 1_500, steady: 13, max: 6_000 };

/** A purchase the seller can still give up on (Stripe cancels PaymentIntents that are not processing). */
const cancelable = (p: PurchaseView) => p.status === "PENDING" || p.status === "REQUIRES_ACTION";

/**
 * Polls the purchase until it is credited or failed (the API re-reads Stripe, so it converges without
 * webhooks) — for at most POLL_FOR_MS; then it shows "still processing" with "Check again". A purchase
 * waiting for 3-D Secure (abandoned in the modal or the bank's page) is shown as needing action at once,
 * with "Cancel purchase" (cancels the PaymentIntent) and "Check again" (if it was finished elsewhere).
 */
export function PurchaseStatus({ initial }: { initial: PurchaseView }) {
  const { t, money, dateTime, locale } = useI18n();
  const queryClient = useQueryClient();
  const queryKey = ["credits", "purchase", initial.id];
  const [round, setRound] = useState(0); // one polling window per round; "Check again" starts a new one
  const [stalled, setStalled] = useState(false);
  const [busy, setBusy] = useState<"check" | "cancel" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { data: p, refetch } = useQuery({
    queryKey,
    queryFn: () =>
      apiFetch<{ purchase: PurchaseView }>(`/api/v1/credits/purchases/${initial.id}`).then((r) => r.purchase),
    initialData: initial,
    refetchInterval: (q) => (stalled || (q.state.data && isSettled(q.state.data)) ? false : nextPoll(q, POLL)),
  });
  const settled = isSettled(p);
  // biome-ignore lint/correctness/useExhaustiveDependencies: round restarts the 2-minute window after "Check again"
  useEffect(() => {
    if (settled) return;
    const timer = setTimeout(() => setStalled(true), POLL_FOR_MS);
    return () => clearTimeout(timer);
  }, [settled, round]);

  /** Asks the server to re-read the PaymentIntent now (confirm credits it if it succeeded), then polls again. */
  async function checkAgain() {
    setBusy("check");
    setError(null);
    try {
      if (p.paymentIntentId) {
        await apiFetch("/api/v1/credits/confirm", {
          method: "POST",
          body: { paymentIntentId: p.paymentIntentId },
        }).catch((err) => {
          if (!(err instanceof ApiError && err.code === "payment_not_succeeded")) throw err;
        });
      }
      await refetch();
      setStalled(false);
      setRound((r) => r + 1);
    } catch {
      setError(t("credits.status.checkError"));
    } finally {
      setBusy(null);
    }
  }

  async function cancel() {
    setBusy("cancel");
    setError(null);
    try {
      const { purchase } = await apiFetch<{ purchase: PurchaseView }>(`/api/v1/credits/purchases/${p.id}/cancel`, {
        method: "POST",
      });
      queryClient.setQueryData(queryKey, purchase);
    } catch {
      setError(t("credits.status.cancelError"));
      void refetch();
    } finally {
      setBusy(null);
    }
  }

  const credited = p.status === "SUCCEEDED" && p.creditedAt !== null;
  const needsAction = p.status === "REQUIRES_ACTION";
  const waitingTooLong = stalled && !settled && !needsAction;
  const view = credited
    ? "credited"
    : settled
      ? "final"
      : needsAction
        ? "action"
        : waitingTooLong
          ? "stalled"
          : "polling";
  const icon = credited ? (
    <CheckCircleIcon className="size-12 text-success" aria-hidden />
  ) : p.status === "FAILED" || p.status === "CANCELED" ? (
    <XCircleIcon className="size-12 text-danger" aria-hidden />
  ) : needsAction ? (
    <AlertTriangleIcon className="size-12 text-warning" aria-hidden />
  ) : waitingTooLong ? (
    <InfoIcon className="size-12 text-brand-700" aria-hidden />
  ) : (
    <Spinner size="lg" />
  );
  const title = needsAction
    ? t("credits.status.actionTitle")
    : waitingTooLong
      ? t("credits.status.stalledTitle")
      : t(`credits.status.${p.status}`);
  const body = credited
    ? t("credits.status.credited", { credits: formatNumber(p.credits, locale) })
    : p.status === "SUCCEEDED"
      ? t("credits.status.crediting")
      : p.status === "FAILED"
        ? declineMessage(t, { code: p.failureCode, decline_code: p.failureCode })
        : p.status === "CANCELED"
          ? t("credits.status.canceled")
          : needsAction
            ? t("credits.status.action")
            : waitingTooLong
              ? t("credits.status.stalled")
              : t("credits.status.waiting");
  const offerRecovery = view === "action" || view === "stalled";

  return (
    <Card className="mx-auto w-full max-w-lg">
      <CardContent
        className="space-y-6 py-8 text-center"
        data-testid="purchase-status"
        data-status={p.status}
        data-view={view}
        data-credited={credited ? "true" : "false"}
      >
        <div className="flex justify-center">{icon}</div>
        <div>
          <h2 className="text-xl font-semibold" role="status">
            {title}
          </h2>
          <p className="mt-2 text-sm text-ink-muted" data-testid="purchase-message">
            {body}
          </p>
        </div>
        <dl className="grid grid-cols-2 gap-y-2 rounded-lg border border-line bg-surface-sunken p-4 text-left text-sm">
          <dt className="text-ink-muted">{t("credits.status.credits")}</dt>
          <dd className="text-right font-medium tabular-nums">{formatNumber(p.credits, locale)}</dd>
          <dt className="text-ink-muted">{t("credits.status.amount")}</dt>
          <dd className="text-right font-medium tabular-nums">{money(p.amount, p.currency)}</dd>
          <dt className="text-ink-muted">{t("credits.status.createdAt")}</dt>
          <dd className="text-right">{dateTime(p.createdAt)}</dd>
          {p.creditedAt && (
            <>
              <dt className="text-ink-muted">{t("credits.status.creditedAt")}</dt>
              <dd className="text-right">{dateTime(p.creditedAt)}</dd>
            </>
          )}
          <dt className="text-ink-muted">{t("credits.status.reference")}</dt>
          <dd className="truncate text-right font-mono text-xs leading-5" title={p.paymentIntentId ?? p.id}>
            {p.paymentIntentId ?? p.id}
          </dd>
        </dl>
        {error && (
          <Alert tone="danger" className="text-left" data-testid="purchase-status-error">
            {error}
          </Alert>
        )}
        {offerRecovery ? (
          <div className="flex flex-col-reverse items-stretch justify-center gap-3 sm:flex-row sm:flex-wrap sm:items-center">
            <Button variant="ghost" href="/dashboard/credits">
              {t("credits.status.back")}
            </Button>
            {cancelable(p) && (
              <Button
                variant="secondary"
                loading={busy === "cancel"}
                disabled={busy !== null}
                onClick={() => void cancel()}
                data-testid="purchase-cancel"
              >
                {t("credits.status.cancel")}
              </Button>
            )}
            <Button
              loading={busy === "check"}
              disabled={busy !== null}
              onClick={() => void checkAgain()}
              data-testid="purchase-check-again"
            >
              {t("credits.status.checkAgain")}
            </Button>
          </div>
        ) : (
          <Button href="/dashboard/credits">
            {settled && !credited ? t("credits.status.tryAgain") : t("credits.status.back")}
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
