// The invoice detail page's data: the same document the PDF prints (parties, lines, totals, stamp,
// PIX code for an open BRL invoice), plus its credit notes and links, for one of the store's invoices.
import "server-only";
import type { Locale } from "@/lib/i18n/config";
import { buildInvoiceDocument, type InvoiceDocument } from "./document";
import { pdfContextOf } from "./pdf";
import { getInvoiceForStore, invoiceDetail, type InvoiceDetail } from "./views";

export type InvoicePage = { doc: InvoiceDocument; invoice: InvoiceDetail; pixExpiresAt: Date | null };

export async function invoicePageData(storeId: string, id: string, locale: Locale): Promise<InvoicePage> {
  const row = await getInvoiceForStore(storeId, id);
  const [ctx, invoice] = await Promise.all([pdfContextOf(row), invoiceDetail(storeId, id)]);
  const doc = buildInvoiceDocument({
    invoice: row,
    lines: row.lines,
    locale,
    pix: ctx.pix,
    logoDataUrl: ctx.logo,
    creditedNumber: ctx.creditedNumber,
    refundedMinor: ctx.refunded,
  });
  return { doc, invoice, pixExpiresAt: ctx.pix?.expiresAt ?? null };
}
