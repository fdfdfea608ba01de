import Link from "next/link";
import { Fact } from "@/components/ui/fact";
import { notFound } from "next/navigation";
import { CustomerPortalButton } from "@/components/customers/portal-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ChevronRightIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { requireSellerPage } from "@/lib/auth/session";
import { type CustomerDetail, getCustomer, storeTimeZone } from "@/lib/customers/queries";
import { formatPhone } from "@/lib/customers/identity";
import { CustomerIdParam } from "@/lib/customers/schemas";
import { nullIfNotFound } from "@/lib/errors";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/http/locale";
import { formatMoney } from "@/lib/money";

export const metadata = { title: "Customer" };

async function findCustomer(storeId: string, id: string): Promise<CustomerDetail | null> {
  if (!CustomerIdParam.safeParse(id).success) return null;
  return nullIfNotFound(getCustomer(storeId, id));
}

const TONE: Record<string, "success" | "warning" | "danger" | "info" | "neutral"> = {
  PAID: "success",
  paid: "success",
  PARTIALLY_REFUNDED: "info",
  REFUNDED: "info",
  refunded: "info",
  DISPUTED: "danger",
  disputed: "danger",
  FAILED: "danger",
  failed: "danger",
  PENDING: "warning",
  pending: "warning",
};

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { store } = await requireSellerPage();
  const { t, locale } = await getI18n();
  const { id } = await params;
  const customer = store ? await findCustomer(store.id, id) : null;
  if (!store || !customer) notFound();
  const timeZone = await storeTimeZone(store.id);
  const date = (d: Date) => formatDate(d, locale, timeZone);
  const when = (d: Date) => formatDateTime(d, locale, timeZone);
  const statusLabel = (s: string) => t(`payments.statuses.${s.toLowerCase()}` as Parameters<typeof t>[0]);

  return (
    <div className="space-y-6" data-testid="customer-detail">
      <PageHeader
        eyebrow={
          <Link href="/dashboard/customers" className="inline-flex items-center gap-1 hover:text-ink">
            {t("customers.detail.back")}
            <ChevronRightIcon className="size-3.5" aria-hidden />
          </Link>
        }
        title={<span className="break-all">{customer.email ?? customer.name ?? customer.taxIdMasked}</span>}
        description={t("customers.detail.since", { date: date(customer.firstPurchaseAt) })}
        actions={<CustomerPortalButton customerId={customer.id} available={!!customer.stripeCustomerId} />}
      />

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("customers.detail.facts")}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
              <Fact label={t("customers.detail.email")}>{customer.email ?? "—"}</Fact>
              <Fact label={t("customers.detail.name")}>{customer.name ?? "—"}</Fact>
              <Fact label={t("customers.detail.phone")}>{customer.phone ? formatPhone(customer.phone) : "—"}</Fact>
              <Fact label={t("customers.detail.taxId")}>{customer.taxIdMasked ?? "—"}</Fact>
              <Fact label={t("customers.detail.firstPurchase")}>{when(customer.firstPurchaseAt)}</Fact>
              <Fact label={t("customers.detail.lastPurchase")}>{when(customer.lastPurchaseAt)}</Fact>
              {customer.stripeCustomerId && (
                <Fact label={t("customers.detail.stripeCustomer")}>
                  <code className="font-mono text-xs break-all">{customer.stripeCustomerId}</code>
                </Fact>
              )}
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("customers.detail.totals")}</CardTitle>
            <CardDescription>{t("customers.detail.totalsHint")}</CardDescription>
          </CardHeader>
          <CardContent className="space-y-3" data-testid="customer-totals">
            {customer.totals.map((s) => (
              <dl
                key={s.currency}
                className="grid grid-cols-3 gap-2 text-sm"
                data-currency={s.currency}
                data-net={s.net}
              >
                <div>
                  <dt className="text-ink-subtle">{t("customers.detail.paid")}</dt>
                  <dd className="tabular-nums">{formatMoney(s.paid, s.currency, locale)}</dd>
                </div>
                <div>
                  <dt className="text-ink-subtle">{t("customers.detail.refunded")}</dt>
                  <dd className="tabular-nums">{formatMoney(s.refunded, s.currency, locale)}</dd>
                </div>
                <div>
                  <dt className="text-ink-subtle">{t("customers.detail.net")}</dt>
                  <dd className="font-semibold tabular-nums">{formatMoney(s.net, s.currency, locale)}</dd>
                </div>
              </dl>
            ))}
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>{t("customers.detail.subscriptions")}</CardTitle>
        </CardHeader>
        <CardContent>
          {customer.subscriptions.length === 0 ? (
            <p className="text-sm text-ink-subtle">{t("customers.detail.noSubscriptions")}</p>
          ) : (
            <ul className="flex flex-col divide-y divide-line" data-testid="customer-subscriptions">
              {customer.subscriptions.map((s) => (
                <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2.5 text-sm">
                  <span className="flex min-w-0 flex-col">
                    <span className="font-medium">{s.product ?? s.id}</span>
                    <span className="text-xs text-ink-subtle">
                      {s.status === null
                        ? t("customers.detail.subscriptionUnknown")
                        : s.currentPeriodEnd
                          ? t(
                              s.cancelAtPeriodEnd
                                ? "customers.detail.subscriptionEnds"
                                : "customers.detail.subscriptionRenews",
                              {
                                date: date(s.currentPeriodEnd),
                              },
                            )
                          : ""}
                    </span>
                  </span>
                  {s.status && (
                    <Badge tone={s.status === "active" || s.status === "trialing" ? "success" : "warning"}>
                      {s.status}
                    </Badge>
                  )}
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("customers.detail.payments")}</CardTitle>
          <CardDescription>{t("customers.detail.paymentsHint")}</CardDescription>
        </CardHeader>
        <CardContent>
          {customer.payments.length === 0 ? (
            <p className="text-sm text-ink-subtle">{t("customers.detail.noPayments")}</p>
          ) : (
            <ul className="flex flex-col divide-y divide-line" data-testid="customer-payments">
              {customer.payments.map((p) => (
                <li key={p.id} data-testid="customer-payment" data-kind={p.kind}>
                  <Link
                    href={`/dashboard/payments/${p.id}`}
                    className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2.5 text-sm hover:bg-surface-sunken/50"
                  >
                    <span className="flex min-w-0 flex-1 flex-col">
                      <span className="truncate font-medium">{p.description ?? p.externalOrderId ?? p.id}</span>
                      <span className="text-xs text-ink-subtle">
                        {when(p.at)} · {t(`customers.detail.methods.${p.kind}`)}
                        {p.kind === "card" ? ` · ${t(`customers.detail.channels.${p.channel as "checkout"}`)}` : ""}
                      </span>
                    </span>
                    <span className="flex shrink-0 items-center gap-2">
                      <Badge tone={TONE[p.status] ?? "neutral"}>{statusLabel(p.status)}</Badge>
                      <span className="font-medium tabular-nums">{formatMoney(p.amount, p.currency, locale)}</span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
