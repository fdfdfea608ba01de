import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { Alert } from "@/components/ui/alert";
import { ExternalLinkIcon, FileTextIcon } from "@/components/ui/icons";
import { formatDate } from "@/lib/i18n/format";
import { formatMoney } from "@/lib/money";
import type { Locale } from "@/lib/i18n/config";
import type { MessageKey, TranslateFn } from "@/lib/i18n/translate";

export type InvoiceRow = {
  id: string;
  number: string | null;
  status: string | null;
  amountDue: number;
  amountPaid: number;
  currency: string;
  created: Date;
  hostedInvoiceUrl: string | null;
  invoicePdf: string | null;
};

const TONES: Record<string, BadgeTone> = {
  paid: "success",
  open: "warning",
  draft: "neutral",
  void: "neutral",
  uncollectible: "danger",
};

/** Server-rendered: the platform invoices come from Stripe on each page load. */
export function InvoicesTable({
  invoices,
  failed,
  t,
  locale,
}: {
  invoices: InvoiceRow[];
  failed: boolean;
  t: TranslateFn;
  locale: Locale;
}) {
  return (
    <Card className="overflow-hidden">
      <CardHeader>
        <CardTitle>{t("billing.invoices.title")}</CardTitle>
        <CardDescription>{t("billing.invoices.description")}</CardDescription>
      </CardHeader>
      {failed ? (
        <div className="px-5 pb-5 sm:px-6">
          <Alert tone="warning">{t("billing.invoices.loadFailed")}</Alert>
        </div>
      ) : invoices.length === 0 ? (
        <EmptyState
          bare
          className="border-t border-line"
          icon={<FileTextIcon />}
          title={t("billing.invoices.emptyTitle")}
          description={t("billing.invoices.emptyBody")}
        />
      ) : (
        <div className="border-t border-line">
          <DataTable
            rows={invoices}
            rowKey={(i) => i.id}
            caption={t("billing.invoices.title")}
            columns={[
              {
                key: "number",
                header: t("billing.invoices.number"),
                cell: (i) => <span className="font-mono text-xs">{i.number ?? i.id}</span>,
              },
              { key: "date", header: t("billing.invoices.date"), cell: (i) => formatDate(i.created, locale) },
              {
                key: "amount",
                header: t("billing.invoices.amount"),
                align: "right",
                cell: (i) => (
                  <span className="font-medium">
                    {formatMoney(i.status === "paid" ? i.amountPaid : i.amountDue, i.currency, locale)}
                  </span>
                ),
              },
              {
                key: "status",
                header: t("billing.invoices.status"),
                cell: (i) =>
                  i.status ? (
                    <Badge tone={TONES[i.status] ?? "neutral"} dot>
                      {i.status in TONES ? t(`billing.invoices.${i.status}` as MessageKey) : i.status}
                    </Badge>
                  ) : null,
              },
              {
                key: "links",
                header: "",
                align: "right",
                cell: (i) => (
                  <span className="inline-flex gap-1">
                    {i.hostedInvoiceUrl && (
                      <Button href={i.hostedInvoiceUrl} external size="sm" variant="ghost">
                        <ExternalLinkIcon aria-hidden />
                        {t("billing.invoices.view")}
                      </Button>
                    )}
                    {i.invoicePdf && (
                      <Button href={i.invoicePdf} external size="sm" variant="ghost">
                        <FileTextIcon aria-hidden />
                        {t("billing.invoices.pdf")}
                      </Button>
                    )}
                  </span>
                ),
              },
            ]}
          />
        </div>
      )}
    </Card>
  );
}
