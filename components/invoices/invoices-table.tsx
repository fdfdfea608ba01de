import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FileTextIcon } from "@/components/ui/icons";
import { DataTable } from "@/components/ui/table";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import type { TranslateFn } from "@/lib/i18n/translate";
import { formatMoney } from "@/lib/money";
import { InvoiceStatusBadge } from "./invoice-status-badge";

export type InvoiceListRow = {
  id: string;
  issuer: "platform" | "store";
  kind: "invoice" | "credit_note";
  number: string | null;
  status: string;
  overdue: boolean;
  currency: string;
  total: number;
  finalizedAt: string | null;
  customer: { name: string | null; legalName: string | null; email: string | null };
  sourceType: string;
};

function kindLabel(row: InvoiceListRow, t: TranslateFn): string {
  if (row.kind === "credit_note") return t("invoices.doc.creditNote");
  if (row.issuer === "store" && (row.sourceType === "order" || row.sourceType === "pix_charge"))
    return t("invoices.doc.receipt");
  return t("invoices.doc.invoice");
}

/** Server-rendered list of the store's invoices: number (to the detail page), date, type, customer, total, status, PDF. */
export function InvoicesTable({ rows, t, locale }: { rows: InvoiceListRow[]; t: TranslateFn; locale: Locale }) {
  if (rows.length === 0)
    return (
      <Card>
        <EmptyState
          bare
          icon={<FileTextIcon />}
          title={t("invoices.empty.title")}
          description={t("invoices.empty.body")}
        />
      </Card>
    );
  return (
    <Card className="overflow-hidden">
      <DataTable
        rows={rows}
        rowKey={(r) => r.id}
        caption={t("invoices.table.caption")}
        columns={[
          {
            key: "number",
            header: t("invoices.table.number"),
            cell: (r) => (
              <span className="flex flex-col gap-0.5">
                <Link
                  href={`/dashboard/invoices/${r.id}`}
                  className="font-mono text-xs font-medium text-brand-700 underline-offset-4 hover:underline"
                >
                  {r.number ?? r.id}
                </Link>
                <span className="inline-flex items-center gap-1.5 text-xs text-ink-subtle">
                  {kindLabel(r, t)}
                  {r.issuer === "platform" && <Badge tone="brand">{t("invoices.table.platform")}</Badge>}
                </span>
              </span>
            ),
          },
          {
            key: "date",
            header: t("invoices.table.date"),
            cell: (r) => (r.finalizedAt ? formatDate(r.finalizedAt, locale) : "—"),
          },
          {
            key: "customer",
            header: t("invoices.table.customer"),
            cell: (r) => (
              <span className="block max-w-56 truncate text-ink-muted">
                {r.customer.legalName ?? r.customer.name ?? r.customer.email ?? t("invoices.doc.noCustomer")}
              </span>
            ),
          },
          {
            key: "total",
            header: t("invoices.table.total"),
            align: "right",
            cell: (r) => (
              <span className="font-medium">
                {formatMoney(r.kind === "credit_note" ? -r.total : r.total, r.currency, locale)}
              </span>
            ),
          },
          { key: "status", header: t("invoices.table.status"), cell: (r) => <InvoiceStatusBadge invoice={r} t={t} /> },
          {
            key: "pdf",
            header: "",
            align: "right",
            cell: (r) => (
              // A plain link, not a client-side navigation: the browser downloads the file.
              <a
                href={`/api/v1/invoices/${r.id}/pdf?locale=${locale}`}
                download
                aria-label={`${t("invoices.table.pdf")} ${r.number ?? ""}`}
                className={buttonClasses({ variant: "ghost", size: "sm" })}
              >
                <FileTextIcon aria-hidden />
                {t("invoices.table.pdf")}
              </a>
            ),
          },
        ]}
      />
    </Card>
  );
}
