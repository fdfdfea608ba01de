import Link from "next/link";
import { notFound } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ExternalLinkIcon, FileTextIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClasses } from "@/components/ui/button";
import {
  CreditNotesCard,
  InvoiceLines,
  InvoicePixCard,
  InvoiceSummary,
  PixUnavailable,
} from "@/components/invoices/invoice-detail";
import { requireSellerPage } from "@/lib/auth/session";
import { nullIfNotFound } from "@/lib/errors";
import { getI18n } from "@/lib/http/locale";
import { invoicePageData } from "@/lib/invoices/detail";

export const metadata = { title: "Invoice" };

type Props = { params: Promise<{ id: string }> };

export default async function InvoicePage({ params }: Props) {
  const { store } = await requireSellerPage();
  const { t, locale } = await getI18n();
  if (!store) notFound();
  const { id } = await params;
  const data = await nullIfNotFound(invoicePageData(store.id, id, locale));
  if (!data) notFound();
  const { doc, invoice, pixExpiresAt } = data;
  const payable = (invoice.status === "open" || invoice.status === "uncollectible") && invoice.amountDue > 0;
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href="/dashboard/invoices" className="hover:text-ink">
            ← {t("invoices.detail.back")}
          </Link>
        }
        title={`${doc.title} ${doc.number}`}
        actions={
          <>
            {doc.payOnline && (
              <Button href={doc.payOnline.url} external variant="secondary" size="sm">
                <ExternalLinkIcon aria-hidden />
                {doc.payOnline.label}
              </Button>
            )}
            <a
              href={`/api/v1/invoices/${invoice.id}/pdf?locale=${locale}`}
              download
              className={buttonClasses({ variant: "primary", size: "sm" })}
            >
              <FileTextIcon aria-hidden />
              {t("invoices.detail.download")}
            </a>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <InvoiceSummary doc={doc} />
          <InvoiceLines doc={doc} t={t} />
          {invoice.kind === "invoice" && (invoice.status === "paid" || invoice.creditNotes.length > 0) && (
            <CreditNotesCard invoice={invoice} t={t} locale={locale} />
          )}
          {invoice.creditedInvoice && (
            <p className="text-sm text-ink-muted">
              <Link
                href={`/dashboard/invoices/${invoice.creditedInvoice.id}`}
                className="text-brand-700 underline-offset-4 hover:underline"
              >
                {t("invoices.doc.creditsInvoice", { number: invoice.creditedInvoice.number ?? "" })}
              </Link>
            </p>
          )}
        </div>
        <div className="min-w-0 space-y-6">
          {doc.pix ? (
            <InvoicePixCard pix={doc.pix} expiresAt={pixExpiresAt} t={t} locale={locale} />
          ) : (
            payable && invoice.currency === "BRL" && <PixUnavailable platform={invoice.issuer === "platform"} t={t} />
          )}
          <p className="text-xs leading-relaxed text-ink-subtle">{doc.footer}</p>
        </div>
      </div>
    </div>
  );
}
