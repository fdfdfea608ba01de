import Link from "next/link";
import { Fact } from "@/components/ui/fact";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { RefundDialog } from "@/components/orders/refund-dialog";
import { PaymentStatusBadge } from "@/components/payments/payment-status-badge";
import { PaymentTimeline } from "@/components/payments/payment-timeline";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ChevronRightIcon, ExternalLinkIcon, FileTextIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { requireSellerPage } from "@/lib/auth/session";
import { percentPart } from "@/lib/checkout/fees";
import { nullIfNotFound } from "@/lib/errors";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/http/locale";
import { formatMoney } from "@/lib/money";
import { getPayment, type PaymentDetail } from "@/lib/payments/detail";
import { storeScope } from "@/lib/payments/list";

export const metadata = { title: "Payment" };

async function findPayment(storeId: string, id: string): Promise<PaymentDetail | null> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
  return nullIfNotFound(getPayment(storeId, id));
}

const Mono = ({ children }: { children: ReactNode }) => <code className="font-mono text-xs break-all">{children}</code>;

export default async function PaymentPage({ params }: { params: Promise<{ id: string }> }) {
  const { store } = await requireSellerPage();
  const { t, locale } = await getI18n();
  const { id } = await params;
  const payment = store ? await findPayment(store.id, id) : null;
  if (!store || !payment) notFound();
  const { timeZone } = await storeScope(store.id);
  const money = (minor: number) => formatMoney(minor, payment.currency, locale);
  const when = (d: Date) => formatDateTime(d, locale, timeZone);
  const order = payment.order;
  const fee = order
    ? (order.applicationFeeAmount ??
      (order.applicationFeePercentBps !== null ? percentPart(order.amountTotal, order.applicationFeePercentBps) : null))
    : null;
  const method =
    payment.method === "pix"
      ? t("payments.methods.pix")
      : `${t("payments.methods.card")} · ${t(`payments.channels.${payment.channel}`)}`;

  return (
    <div className="space-y-6" data-testid="payment-detail" data-status={payment.status}>
      <PageHeader
        eyebrow={
          <Link href="/dashboard/payments" className="inline-flex items-center gap-1 hover:text-ink">
            {t("payments.detail.back")}
            <ChevronRightIcon className="size-3.5" aria-hidden />
          </Link>
        }
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span className="tabular-nums">{money(payment.amount)}</span>
            <PaymentStatusBadge status={payment.status} label={t(`payments.statuses.${payment.status}`)} />
          </span>
        }
        description={t("payments.detail.summary", {
          description: payment.description,
          method,
          date: when(payment.createdAt),
        })}
        actions={
          order?.refunds.refundable ? (
            <RefundDialog orderId={order.id} currency={order.currency} remaining={order.refunds.remaining} />
          ) : undefined
        }
      />

      <div className="grid gap-6 lg:grid-cols-5">
        <Card className="lg:col-span-3">
          <CardHeader>
            <CardTitle>{t("payments.detail.timeline")}</CardTitle>
            <CardDescription>{t("payments.detail.timelineHint")}</CardDescription>
          </CardHeader>
          <CardContent className="pt-0">
            <PaymentTimeline
              events={payment.timeline}
              currency={payment.currency}
              t={t}
              locale={locale}
              timeZone={timeZone}
            />
          </CardContent>
        </Card>

        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader>
              <CardTitle>{t("payments.detail.facts")}</CardTitle>
            </CardHeader>
            <CardContent className="pt-0">
              <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm" data-testid="payment-facts">
                <Fact label={t("payments.detail.amount")}>{money(payment.amount)}</Fact>
                {payment.amountRefunded !== null && payment.amountRefunded > 0 && (
                  <Fact label={t("payments.detail.refunded")}>
                    <span data-testid="payment-refunded">{money(payment.amountRefunded)}</span>
                  </Fact>
                )}
                {order?.refunds.refundable && (
                  <Fact label={t("payments.detail.remaining")}>{money(order.refunds.remaining)}</Fact>
                )}
                {fee !== null && <Fact label={t("payments.detail.fee")}>{money(fee)}</Fact>}
                {fee !== null && <Fact label={t("payments.detail.net")}>{money(payment.amount - fee)}</Fact>}
                <Fact label={t("payments.detail.method")}>{method}</Fact>
                {payment.buyerEmail && <Fact label={t("payments.detail.buyer")}>{payment.buyerEmail}</Fact>}
                {payment.buyerName && <Fact label={t("payments.detail.buyerName")}>{payment.buyerName}</Fact>}
                {payment.externalOrderId && (
                  <Fact label={t("payments.detail.storeOrderId")}>
                    <Mono>{payment.externalOrderId}</Mono>
                  </Fact>
                )}
                {order?.periodStart && order.periodEnd && (
                  <Fact label={t("payments.detail.period")}>
                    {t("payments.detail.periodRange", {
                      start: formatDate(order.periodStart, locale, timeZone),
                      end: formatDate(order.periodEnd, locale, timeZone),
                    })}
                  </Fact>
                )}
                <Fact label={t("payments.detail.createdAt")}>{when(payment.createdAt)}</Fact>
                {payment.paidAt && <Fact label={t("payments.detail.paidAt")}>{when(payment.paidAt)}</Fact>}
                <Fact label={t("payments.detail.id")}>
                  <Mono>{payment.id}</Mono>
                </Fact>
                {order?.paymentIntentId && (
                  <Fact label={t("payments.detail.paymentIntent")}>
                    <Mono>{order.paymentIntentId}</Mono>
                  </Fact>
                )}
                {order?.checkoutSessionId && (
                  <Fact label={t("payments.detail.checkoutSession")}>
                    <Mono>{order.checkoutSessionId}</Mono>
                  </Fact>
                )}
                {order?.subscriptionId && (
                  <Fact label={t("payments.detail.subscription")}>
                    <Mono>{order.subscriptionId}</Mono>
                  </Fact>
                )}
                {order?.renewalOfId && (
                  <Fact label={t("payments.detail.renewalOf")}>
                    <Link href={`/dashboard/payments/${order.renewalOfId}`} className="text-brand-700 hover:underline">
                      {t("payments.detail.openRenewalOf")}
                    </Link>
                  </Fact>
                )}
              </dl>
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>{t("payments.detail.documents")}</CardTitle>
            </CardHeader>
            <CardContent className="space-y-2 pt-0 text-sm">
              <a
                href={payment.receiptPath}
                target="_blank"
                rel="noopener noreferrer"
                className="flex items-center gap-2 text-brand-700 hover:underline"
                data-testid="payment-receipt"
              >
                <ExternalLinkIcon className="size-4" aria-hidden />
                {payment.method === "pix" ? t("payments.detail.pixPage") : t("payments.detail.receipt")}
              </a>
              {payment.invoiceId ? (
                <Link
                  href={`/dashboard/invoices/${payment.invoiceId}`}
                  className="flex items-center gap-2 text-brand-700 hover:underline"
                  data-testid="payment-invoice"
                >
                  <FileTextIcon className="size-4" aria-hidden />
                  {t("payments.detail.invoice")}
                </Link>
              ) : (
                <p className="text-ink-subtle">{t("payments.detail.noInvoice")}</p>
              )}
              <Link href="/dashboard/callbacks" className="flex items-center gap-2 text-brand-700 hover:underline">
                <ChevronRightIcon className="size-4" aria-hidden />
                {t("payments.detail.callbackLog")}
              </Link>
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
