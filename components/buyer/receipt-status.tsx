"use client";
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "@/lib/i18n/client";
import type { PublicOrder } from "@/lib/checkout/public";
import { apiFetch } from "@/components/api-client";
import { nextPoll, type Backoff } from "@/components/polling";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { CheckCircleIcon, XCircleIcon, AlertTriangleIcon } from "@/components/ui/icons";
import { declineMessage } from "@/components/stripe/browser";
import { PortalLinkRequest } from "./portal-link-request";
import { BoletoVoucher } from "@/components/checkout/boleto-voucher";
import { receiptPdfPath } from "@/lib/checkout/receipt-links";
import { ReceiptPdfLink } from "./receipt-pdf-link";

/** States that were paid first: the store's receipt exists (a refund adds a credit note, not instead of it). */
const PAID_STATES = new Set(["PAID", "PARTIALLY_REFUNDED", "REFUNDED", "DISPUTED"]);

/** 1.5 s for the first 20 s, then slower, at most 6 s apart. */
const POLL: Backoff = { every: 1_500, steady: 13, max: 6_000 };

type Serialized = Omit<PublicOrder, "paidAt"> & { paidAt: string | null };

/** Polls the order until the payment settles (the webhook or a re-read from Stripe marks it paid). */
export function ReceiptStatus({ initial, canceled }: { initial: Serialized; canceled: boolean }) {
  const { t, money, dateTime } = useI18n();
  const { data: order } = useQuery({
    queryKey: ["receipt", initial.id],
    queryFn: () => apiFetch<Serialized>(`/api/public/orders/${initial.id}`),
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.status === "PENDING" && !canceled ? nextPoll(q, POLL) : false),
  });
  // A boleto waits days for its payment: its own states instead of "processing".
  const boleto = order.boleto?.state === "awaiting_payment" || order.boleto?.state === "expired" ? order.boleto : null;
  const icon =
    order.status === "PAID" ? (
      <CheckCircleIcon className="size-12 text-success" aria-hidden />
    ) : boleto?.state === "awaiting_payment" ? (
      <AlertTriangleIcon className="size-12 text-warning" aria-hidden />
    ) : order.status === "PENDING" && !canceled ? (
      <Spinner size="lg" />
    ) : order.status === "FAILED" || order.status === "CANCELED" || order.status === "EXPIRED" || canceled ? (
      <XCircleIcon className="size-12 text-danger" aria-hidden />
    ) : (
      <AlertTriangleIcon className="size-12 text-warning" aria-hidden />
    );
  const body = boleto
    ? t(boleto.state === "expired" ? "checkout.boleto.expiredBody" : "checkout.boleto.awaitingBody")
    : canceled && order.status === "PENDING"
      ? t("buyer.canceledCheckout")
      : order.status === "PAID"
        ? t("buyer.paidBody", { store: order.storeName })
        : order.status === "PENDING"
          ? t("buyer.pendingBody")
          : order.status === "FAILED"
            ? t("buyer.failedBody", {
                reason: declineMessage(t, {
                  decline_code: order.failureCode ?? undefined,
                  code: order.failureCode ?? undefined,
                }),
              })
            : null;

  return (
    <div className="space-y-6 text-center" data-testid="receipt" data-status={order.status}>
      <div className="flex justify-center">{icon}</div>
      <div>
        <h1 className="text-xl font-semibold" role="status">
          {boleto
            ? t(boleto.state === "expired" ? "checkout.boleto.expired" : "checkout.boleto.awaiting")
            : canceled && order.status === "PENDING"
              ? t("buyer.status.CANCELED")
              : t(`buyer.status.${order.status}`)}
        </h1>
        {body && <p className="mt-2 text-sm text-ink-muted">{body}</p>}
      </div>
      {boleto?.state === "awaiting_payment" && <BoletoVoucher boleto={boleto} />}
      <dl className="grid grid-cols-2 gap-y-2 rounded-lg border border-line bg-surface-sunken p-4 text-left text-sm">
        <dt className="text-ink-muted">{t("buyer.product")}</dt>
        <dd className="text-right font-medium">
          {order.productName}
          {order.quantity > 1 ? ` × ${order.quantity}` : ""}
        </dd>
        <dt className="text-ink-muted">{t("buyer.amount")}</dt>
        <dd className="text-right font-medium" data-testid="receipt-amount">
          {money(order.amountTotal, order.currency)}
          {order.recurring ? ` ${order.interval === "YEAR" ? t("buyer.perYear") : t("buyer.perMonth")}` : ""}
        </dd>
        <dt className="text-ink-muted">{t("buyer.reference")}</dt>
        <dd className="min-w-0 break-all text-right font-mono text-xs leading-5">{order.orderId ?? order.id}</dd>
        {order.installmentsCount && order.installmentsCount > 1 ? (
          <>
            <dt className="text-ink-muted">{t("checkout.installments.legend")}</dt>
            <dd className="text-right" data-testid="receipt-installments">
              {t("checkout.installments.summary", { count: order.installmentsCount })}
            </dd>
          </>
        ) : null}
        {order.paidAt && (
          <>
            <dt className="text-ink-muted">{t("buyer.paidAt")}</dt>
            <dd className="text-right">{dateTime(order.paidAt)}</dd>
          </>
        )}
      </dl>
      {PAID_STATES.has(order.status) && order.paidAt && <ReceiptPdfLink href={receiptPdfPath("order", order.id)} />}
      {(order.canManageSubscription || order.status === "FAILED" || order.status === "EXPIRED" || canceled) && (
        <div className="flex flex-col gap-2">
          {order.canManageSubscription && <PortalLinkRequest orderId={order.id} />}
          {(order.status === "FAILED" || order.status === "EXPIRED" || canceled) && order.status !== "PAID" && (
            <Button href={order.channel === "ELEMENTS" ? `/pay/${order.priceId}` : `/buy/${order.priceId}`}>
              {t("buyer.tryAgain")}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
