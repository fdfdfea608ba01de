"use client";
import Link from "next/link";
import { useI18n } from "@/lib/i18n/client";
import { formatDate } from "@/lib/i18n/format";
import { percentPart } from "@/lib/checkout/fees";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { ActivityIcon } from "@/components/ui/icons";
import { OrderStatusBadge } from "./order-status-badge";
import type { OrderStatusName } from "./order-statuses";

export type OrderRow = {
  id: string;
  createdAt: string;
  productName: string;
  channel: "CHECKOUT" | "ELEMENTS" | "RENEWAL";
  /** The billing period a subscription invoice paid for (renewals, and a subscription's first order). */
  periodStart: string | null;
  periodEnd: string | null;
  quantity: number;
  amountTotal: number;
  currency: string;
  applicationFeeAmount: number | null;
  applicationFeePercentBps: number | null;
  status: OrderStatusName;
  externalOrderId: string | null;
  customerEmail: string | null;
  failureMessage: string | null;
};

export function OrdersTable({ rows, filtered }: { rows: OrderRow[]; filtered: boolean }) {
  const { t, locale, money, dateTime } = useI18n();
  const percent = (bps: number) =>
    new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(bps / 10_000);
  const dash = <span className="text-ink-subtle">—</span>;
  // A wide table would push a centred empty state off a phone screen: show it on its own.
  if (rows.length === 0) {
    return (
      <EmptyState
        icon={<ActivityIcon />}
        title={filtered ? t("orders.emptyFilteredTitle") : t("orders.emptyTitle")}
        description={filtered ? t("orders.emptyFilteredBody") : t("orders.emptyBody")}
        action={
          filtered ? undefined : (
            <Button href="/dashboard/checkout-links" variant="secondary">
              {t("orders.shareLinks")}
            </Button>
          )
        }
      />
    );
  }
  return (
    <Card className="overflow-hidden">
      <DataTable
        rows={rows}
        rowKey={(o) => o.id}
        caption={t("orders.title")}
        columns={[
          {
            key: "date",
            header: t("orders.date"),
            cell: (o) => (
              <Link href={`/dashboard/orders/${o.id}`} className="text-brand-700 hover:underline">
                {dateTime(o.createdAt)}
              </Link>
            ),
          },
          {
            key: "product",
            header: t("orders.product"),
            cell: (o) => (
              <span className="font-medium">
                {o.productName}
                {o.quantity > 1 && (
                  <span className="ml-1 text-ink-muted">{t("orders.quantity", { n: o.quantity })}</span>
                )}
              </span>
            ),
          },
          {
            key: "channel",
            header: t("orders.channel"),
            cell: (o) =>
              o.channel === "RENEWAL" && o.periodStart && o.periodEnd ? (
                <span className="flex flex-col">
                  <span>{t("orders.channels.RENEWAL")}</span>
                  <span className="text-xs text-ink-muted">
                    {t("orders.period", {
                      start: formatDate(o.periodStart, locale),
                      end: formatDate(o.periodEnd, locale),
                    })}
                  </span>
                </span>
              ) : (
                t(`orders.channels.${o.channel}`)
              ),
          },
          {
            key: "amount",
            header: t("orders.amount"),
            align: "right",
            cell: (o) => <span className="font-medium">{money(o.amountTotal, o.currency)}</span>,
          },
          {
            key: "fee",
            header: t("orders.fee"),
            align: "right",
            cell: (o) =>
              o.applicationFeeAmount !== null ? (
                money(o.applicationFeeAmount, o.currency)
              ) : o.applicationFeePercentBps !== null ? (
                <span className="text-ink-muted">
                  {t("orders.percentOfInvoice", { percent: percent(o.applicationFeePercentBps) })}
                </span>
              ) : (
                dash
              ),
          },
          {
            key: "net",
            header: t("orders.net"),
            align: "right",
            cell: (o) =>
              o.applicationFeeAmount !== null ? (
                money(o.amountTotal - o.applicationFeeAmount, o.currency)
              ) : o.applicationFeePercentBps !== null ? (
                <span>
                  {money(o.amountTotal - percentPart(o.amountTotal, o.applicationFeePercentBps), o.currency)}{" "}
                  <span className="text-[13px] text-ink-muted">{t("orders.perInvoice")}</span>
                </span>
              ) : (
                money(o.amountTotal, o.currency)
              ),
          },
          {
            key: "status",
            header: t("orders.status"),
            cell: (o) => (
              <div className="flex flex-col items-start gap-1">
                <OrderStatusBadge status={o.status} />
                {o.status === "FAILED" && o.failureMessage && (
                  <span className="max-w-56 text-xs whitespace-normal text-danger-ink">{o.failureMessage}</span>
                )}
              </div>
            ),
          },
          {
            key: "ref",
            header: t("orders.storeOrderId"),
            cell: (o) => (o.externalOrderId ? <code className="font-mono text-xs">{o.externalOrderId}</code> : dash),
          },
          { key: "buyer", header: t("orders.buyer"), cell: (o) => o.customerEmail ?? dash },
        ]}
      />
    </Card>
  );
}
