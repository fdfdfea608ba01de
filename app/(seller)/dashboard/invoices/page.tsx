import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { InvoicesTable, type InvoiceListRow } from "@/components/invoices/invoices-table";
import { IssuerFilter } from "@/components/invoices/issuer-filter";
import { requireSellerPage } from "@/lib/auth/session";
import { getI18n } from "@/lib/http/locale";
import { ListInvoicesQuery } from "@/lib/invoices/schemas";
import { listInvoices } from "@/lib/invoices/views";

export const metadata = { title: "Invoices" };

type Props = { searchParams: Promise<{ issuer?: string; cursor?: string }> };

export default async function InvoicesPage({ searchParams }: Props) {
  const { store } = await requireSellerPage();
  const { t, locale } = await getI18n();
  if (!store) return <PageHeader title={t("invoices.title")} />;
  // Filter and page live in the URL (shareable, survive a reload); a bad value is simply ignored.
  const parsed = ListInvoicesQuery.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : ListInvoicesQuery.parse({});
  const { data, nextCursor } = await listInvoices(store.id, { ...query, limit: 25 });
  const rows: InvoiceListRow[] = data.map((i) => ({
    id: i.id,
    issuer: i.issuer,
    kind: i.kind,
    number: i.number,
    status: i.status,
    overdue: i.overdue,
    currency: i.currency,
    total: i.total,
    finalizedAt: i.finalizedAt?.toISOString() ?? null,
    customer: { name: i.customer.name, legalName: i.customer.legalName, email: i.customer.email },
    sourceType: i.source.type,
  }));
  const issuer = query.issuer ?? "";
  const base = issuer ? `/dashboard/invoices?issuer=${issuer}` : "/dashboard/invoices";
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("invoices.title")}
        description={t("invoices.description")}
        actions={
          <Button href="/dashboard/settings/tax" variant="secondary" size="sm">
            {t("invoices.detail.taxSettings")}
          </Button>
        }
      />
      <IssuerFilter value={issuer} t={t} />
      <InvoicesTable rows={rows} t={t} locale={locale} />
      {(nextCursor || query.cursor) && (
        <div className="flex justify-center gap-2">
          {query.cursor && (
            <Button href={base} variant="ghost" size="sm">
              {t("invoices.table.first")}
            </Button>
          )}
          {nextCursor && (
            <Button href={`${base}${issuer ? "&" : "?"}cursor=${nextCursor}`} variant="secondary" size="sm">
              {t("invoices.table.more")}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
