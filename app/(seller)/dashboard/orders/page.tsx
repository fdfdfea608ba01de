import { PageHeader } from "@/components/ui/page-header";
import { OrdersTable, type OrderRow } from "@/components/orders/orders-table";
import { OrderStatusFilter } from "@/components/orders/order-status-filter";
import { ORDER_STATUSES, type OrderStatusName } from "@/components/orders/order-statuses";
import { requireSellerPage } from "@/lib/auth/session";
import { listOrders } from "@/lib/checkout/orders";
import { getI18n } from "@/lib/i18n/server";

export const metadata = { title: "Orders" };

type Props = { searchParams: Promise<{ status?: string }> };

export default async function OrdersPage({ searchParams }: Props) {
  const { store } = await requireSellerPage();
  const { t } = await getI18n();
  const requested = (await searchParams).status;
  // The filter lives in the URL (shareable, survives reload); the server reads it with the product names the API view leaves out.
  const status: OrderStatusName | undefined = ORDER_STATUSES.find((s) => s === requested);
  const orders = store ? await listOrders(store.id, { status }) : [];
  const rows: OrderRow[] = orders.map((o) => ({
    id: o.id,
    createdAt: o.createdAt.toISOString(),
    productName: o.price.product.name,
    channel: o.channel,
    periodStart: o.periodStart?.toISOString() ?? null,
    periodEnd: o.periodEnd?.toISOString() ?? null,
    quantity: o.quantity,
    amountTotal: o.amountTotal,
    currency: o.currency,
    applicationFeeAmount: o.applicationFeeAmount,
    applicationFeePercentBps: o.applicationFeePercentBps,
    status: o.status,
    externalOrderId: o.externalOrderId,
    customerEmail: o.customerEmail,
    failureMessage: o.failureMessage,
  }));
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("orders.title")}
        description={t("orders.description")}
        actions={<OrderStatusFilter value={status ?? ""} />}
      />
      <OrdersTable rows={rows} filtered={!!status} />
      {rows.length >= 100 && (
        <p className="text-center text-[13px] text-ink-subtle">{t("orders.showing", { count: rows.length })}</p>
      )}
    </div>
  );
}
