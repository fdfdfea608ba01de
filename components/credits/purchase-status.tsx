"use client";
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "@/lib/i18n/client";
import { formatNumber } from "@/lib/i18n/format";
import { apiFetch } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { AlertTriangleIcon, CheckCircleIcon, XCircleIcon } from "@/components/ui/icons";
import { creditDeclineMessage } from "./decline";
import { isSettled, type PurchaseView } from "./types";

/** Polls the purchase until it is credited or failed (the API re-reads Stripe, so it converges without webhooks). */
export function PurchaseStatus({ initial }: { initial: PurchaseView }) {
  const { t, money, dateTime, locale } = useI18n();
  const { data: p } = useQuery({
    queryKey: ["credits", "purchase", initial.id],
    queryFn: () => apiFetch<{ purchase: PurchaseView }>(`/api/v1/credits/purchases/${initial.id}`).then((r) => r.purchase),
    initialData: initial,
    refetchInterval: (q) => (q.state.data && isSettled(q.state.data) ? false : 1_500),
  });
  const credited = p.status === "SUCCEEDED" && p.creditedAt !== null;
  const settled = isSettled(p);
  const icon = credited ? <CheckCircleIcon className="size-12 text-success" aria-hidden />
    : p.status === "FAILED" || p.status === "CANCELED" ? <XCircleIcon className="size-12 text-danger" aria-hidden />
    : p.status === "REQUIRES_ACTION" ? <AlertTriangleIcon className="size-12 text-warning" aria-hidden />
    : <Spinner size="lg" />;
  const body = credited ? t("credits.status.credited", { credits: formatNumber(p.credits, locale) })
    : p.status === "SUCCEEDED" ? t("credits.status.crediting")
    : p.status === "FAILED" ? creditDeclineMessage(t, { code: p.failureCode, decline_code: p.failureCode })
    : p.status === "CANCELED" ? t("credits.status.canceled")
    : t("credits.status.waiting");

  return (
    <Card className="mx-auto w-full max-w-lg">
      <CardContent className="space-y-6 py-8 text-center" data-testid="purchase-status" data-status={p.status} data-credited={credited ? "true" : "false"}>
        <div className="flex justify-center">{icon}</div>
        <div>
          <h2 className="text-xl font-semibold" role="status">{t(`credits.status.${p.status}`)}</h2>
          <p className="mt-2 text-sm text-ink-muted" data-testid="purchase-message">{body}</p>
        </div>
        <dl className="grid grid-cols-2 gap-y-2 rounded-lg border border-line bg-surface-sunken p-4 text-left text-sm">
          <dt className="text-ink-muted">{t("credits.status.credits")}</dt><dd className="text-right font-medium tabular-nums">{formatNumber(p.credits, locale)}</dd>
          <dt className="text-ink-muted">{t("credits.status.amount")}</dt><dd className="text-right font-medium tabular-nums">{money(p.amount, p.currency)}</dd>
          <dt className="text-ink-muted">{t("credits.status.createdAt")}</dt><dd className="text-right">{dateTime(p.createdAt)}</dd>
          {p.creditedAt && <><dt className="text-ink-muted">{t("credits.status.creditedAt")}</dt><dd className="text-right">{dateTime(p.creditedAt)}</dd></>}
          <dt className="text-ink-muted">{t("credits.status.reference")}</dt><dd className="truncate text-right font-mono text-xs leading-5" title={p.paymentIntentId ?? p.id}>{p.paymentIntentId ?? p.id}</dd>
        </dl>
        <Button href="/dashboard/credits">{settled && !credited ? t("credits.status.tryAgain") : t("credits.status.back")}</Button>
      </CardContent>
    </Card>
  );
}
