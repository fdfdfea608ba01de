import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { DeliveryStatusBadge } from "@/components/callbacks/delivery-status";
import { eventLabelKey } from "@/components/callbacks/types";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { RefundDialog } from "@/components/orders/refund-dialog";
import { RefundStatusBadge } from "@/components/orders/refund-status-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ChevronRightIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { requireSellerPage } from "@/lib/auth/session";
import { percentPart } from "@/lib/checkout/fees";
import { AppError } from "@/lib/errors";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";
import { formatMoney } from "@/lib/money";
import { getOrderDetail } from "@/lib/orders/detail";

export const metadata = { title: "Order" };

async function findOrder(storeId: string, id: string) {
  try {
    return await getOrderDetail(storeId, id);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") return null;
    throw err;
  }
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-ink-subtle">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

const Mono = ({ children }: { children: ReactNode }) => <code className="font-mono text-xs break-all">{children}</code>;

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { store } = await requireSellerPage();
  const { t, locale } = await getI18n();
  const { id } = await params;
  const order = store ? await findOrder(store.id, id) : null;
  if (!store || !order) notFound();
  const money = (minor: number) => formatMoney(minor, order.currency, locale);
  const period = (start: Date | null, end: Date | null) =>
    start && end ? t("orders.period", { start: formatDate(start, locale), end: formatDate(end, locale) }) : null;
  const fee =
    order.applicationFeeAmount ??
    (order.applicationFeePercentBps !== null ? percentPart(order.amountTotal, order.applicationFeePercentBps) : null);
  const { refunds } = order;

  return (
    <div className="space-y-6" data-testid="order-detail" data-status={order.status}>
      <PageHeader
        eyebrow={
          <Link href="/dashboard/orders" className="inline-flex items-center gap-1 hover:text-ink">
            {t("orders.detail.back")}
            <ChevronRightIcon className="size-3.5" aria-hidden />
          </Link>
        }
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span className="tabular-nums">{money(order.amountTotal)}</span>
            <OrderStatusBadge status={order.status} />
          </span>
        }
        description={t("orders.detail.description", {
          product: order.quantity > 1 ? `${order.productName} × ${order.quantity}` : order.productName,
          channel: t(`orders.channels.${order.channel}`),
          date: formatDateTime(order.createdAt, locale),
        })}
        actions={
          refunds.refundable ? (
            <RefundDialog orderId={order.id} currency={order.currency} remaining={refunds.remaining} />
          ) : undefined
        }
      />

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card data-testid="order-refunds">
            <CardHeader>
              <CardTitle>{t("orders.detail.refunds")}</CardTitle>
            </CardHeader>
            <CardContent className="space-y-4 pt-0">
              <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
                {[
                  ["refunded", t("orders.detail.refunded"), refunds.amountRefunded],
                  ...(refunds.amountPending > 0
                    ? [["pending", t("orders.detail.pending"), refunds.amountPending] as const]
                    : []),
                  ["remaining", t("orders.detail.remaining"), refunds.remaining],
                ].map(([key, label, value]) => (
                  <div key={key} className="rounded-md border border-line bg-surface px-3 py-2">
                    <dt className="text-xs text-ink-muted">{label}</dt>
                    <dd className="text-base font-semibold tabular-nums" data-testid={`refunds-${key}`}>
                      {money(value as number)}
                    </dd>
                  </div>
                ))}
              </dl>
              {refunds.refunds.length === 0 ? (
                <p className="text-sm text-ink-subtle">{t("orders.detail.noRefunds")}</p>
              ) : (
                <ul className="divide-y divide-line rounded-md border border-line" data-testid="refund-list">
                  {refunds.refunds.map((r) => (
                    <li key={r.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-3">
                      <div className="flex min-w-0 flex-col">
                        <span className="font-medium tabular-nums">{money(r.amount)}</span>
                        <span className="text-xs text-ink-subtle">
                          {formatDateTime(r.createdAt, locale)} · {t(`orders.detail.sources.${r.source}`)}
                          {r.reason && REASON_KEYS.has(r.reason)
                            ? ` · ${t(`orders.refund.reasons.${r.reason}` as MessageKey)}`
                            : ""}
                        </span>
                        {r.failureMessage && <span className="text-xs text-danger-ink">{r.failureMessage}</span>}
                      </div>
                      <RefundStatusBadge status={r.status} />
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>{t("orders.detail.payment")}</CardTitle>
            </CardHeader>
            <CardContent className="pt-0">
              <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_minmax(0,1fr)] sm:gap-x-6">
                <Fact label={t("orders.amount")}>{money(order.amountTotal)}</Fact>
                {fee !== null && <Fact label={t("orders.fee")}>{money(fee)}</Fact>}
                {fee !== null && <Fact label={t("orders.net")}>{money(order.amountTotal - fee)}</Fact>}
                {order.customerEmail && <Fact label={t("orders.detail.buyer")}>{order.customerEmail}</Fact>}
                {order.externalOrderId && (
                  <Fact label={t("orders.storeOrderId")}>
                    <Mono>{order.externalOrderId}</Mono>
                  </Fact>
                )}
                {period(order.periodStart, order.periodEnd) && (
                  <Fact label={t("orders.detail.period")}>{period(order.periodStart, order.periodEnd)}</Fact>
                )}
                {order.paidAt && <Fact label={t("orders.detail.paidAt")}>{formatDateTime(order.paidAt, locale)}</Fact>}
                <Fact label={t("orders.detail.createdAt")}>{formatDateTime(order.createdAt, locale)}</Fact>
                {order.failureMessage && order.status === "FAILED" && (
                  <Fact label={t("orders.detail.lastDecline")}>
                    <span className="text-danger-ink">{order.failureMessage}</span>
                  </Fact>
                )}
                {order.paymentIntentId && (
                  <Fact label={t("orders.detail.paymentIntent")}>
                    <Mono>{order.paymentIntentId}</Mono>
                  </Fact>
                )}
                {order.checkoutSessionId && (
                  <Fact label={t("orders.detail.checkoutSession")}>
                    <Mono>{order.checkoutSessionId}</Mono>
                  </Fact>
                )}
                {order.subscriptionId && (
                  <Fact label={t("orders.detail.subscription")}>
                    <Mono>{order.subscriptionId}</Mono>
                  </Fact>
                )}
                {order.invoiceId && (
                  <Fact label={t("orders.detail.invoice")}>
                    <Mono>{order.invoiceId}</Mono>
                  </Fact>
                )}
                {order.renewalOfId && (
                  <Fact label={t("orders.detail.renewalOf")}>
                    <Link href={`/dashboard/orders/${order.renewalOfId}`} className="text-brand-700 hover:underline">
                      {t("orders.detail.openRenewalOf")}
                    </Link>
                  </Fact>
                )}
              </dl>
            </CardContent>
          </Card>

          {order.disputes.length > 0 && (
            <Card>
              <CardHeader>
                <CardTitle>{t("orders.detail.disputes")}</CardTitle>
              </CardHeader>
              <CardContent className="pt-0">
                <ul className="divide-y divide-line">
                  {order.disputes.map((d) => (
                    <li key={d.id} className="flex flex-wrap justify-between gap-2 py-2 text-sm">
                      <span className="tabular-nums">{formatMoney(d.amount, d.currency, locale)}</span>
                      <span className="text-ink-muted">
                        {d.status}
                        {d.reason ? ` · ${t("orders.detail.disputeReason", { reason: d.reason })}` : ""}
                      </span>
                    </li>
                  ))}
                </ul>
              </CardContent>
            </Card>
          )}
        </div>

        <div className="space-y-6">
          <Card data-testid="order-callbacks">
            <CardHeader>
              <CardTitle>{t("orders.detail.callbacks")}</CardTitle>
              <CardDescription>{t("orders.detail.callbacksHint")}</CardDescription>
            </CardHeader>
            <CardContent className="pt-0">
              {order.callbacks.length === 0 ? (
                <p className="text-sm text-ink-subtle">{t("orders.detail.noCallbacks")}</p>
              ) : (
                <ul className="divide-y divide-line">
                  {order.callbacks.map((c) => (
                    <li
                      key={c.id}
                      className="flex items-start justify-between gap-3 py-2.5"
                      data-testid="order-callback"
                    >
                      <div className="flex min-w-0 flex-col">
                        <span className="text-sm font-medium">{t(eventLabelKey(c.eventType))}</span>
                        <span className="text-xs text-ink-subtle">
                          {formatDateTime(c.deliveredAt ?? c.createdAt, locale)}
                          {c.lastStatusCode ? ` · ${t("orders.detail.lastCode", { code: c.lastStatusCode })}` : ""}
                          {c.attempts > 1 ? ` · ${t("orders.detail.attempts", { n: c.attempts })}` : ""}
                        </span>
                      </div>
                      <DeliveryStatusBadge status={c.status} />
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>

          {order.subscriptionPayments.length > 0 && (
            <Card>
              <CardHeader>
                <CardTitle>{t("orders.detail.subscriptionPayments")}</CardTitle>
                <CardDescription>{t("orders.detail.subscriptionPaymentsHint")}</CardDescription>
              </CardHeader>
              <CardContent className="pt-0">
                <ul className="divide-y divide-line">
                  {order.subscriptionPayments.map((p) => (
                    <li key={p.id} className="flex items-start justify-between gap-3 py-2.5">
                      <div className="flex min-w-0 flex-col">
                        {p.id === order.id ? (
                          <span className="text-sm font-medium">
                            {money(p.amountTotal)}{" "}
                            <span className="font-normal text-ink-subtle">({t("orders.detail.thisOrder")})</span>
                          </span>
                        ) : (
                          <Link
                            href={`/dashboard/orders/${p.id}`}
                            className="text-sm font-medium text-brand-700 tabular-nums hover:underline"
                          >
                            {money(p.amountTotal)}
                          </Link>
                        )}
                        <span className="text-xs text-ink-subtle">
                          {p.channel === "RENEWAL" ? t("orders.channels.RENEWAL") : t("orders.detail.firstPayment")}
                          {period(p.periodStart, p.periodEnd) ? ` · ${period(p.periodStart, p.periodEnd)}` : ""}
                        </span>
                      </div>
                      <OrderStatusBadge status={p.status} />
                    </li>
                  ))}
                </ul>
              </CardContent>
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}

const REASON_KEYS = new Set(["requested_by_customer", "duplicate", "fraudulent"]);
