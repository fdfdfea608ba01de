// The "invoice issued" email and the buyer's "order receipt" carry the document's PDF. lib/invoices renders it at send time (a
// dynamic import: the outbox never holds the document, and enqueueing stays cheap).
import "server-only";
import { prisma } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import type { RenderTarget } from "./render";

export type Attachment = { filename: string; content: Buffer; contentType: string };

/**
 * The PDF for an invoice_issued message that asks for it (payload.attachPdf, default true) and for
 * every order_receipt (the buyer's receipt, in the message's language); none otherwise.
 */
export async function invoicePdfAttachment(target: RenderTarget): Promise<Attachment[] | undefined> {
  if (target.event !== "invoice_issued" && target.event !== "order_receipt") return undefined;
  const payload = target.payload as { invoiceId?: string; attachPdf?: boolean };
  if (payload.attachPdf === false || !payload.invoiceId) return undefined;
  // renderInvoicePdf is not tenant-scoped: only a document of the store the message is about goes out.
  const owned = await prisma.invoice.count({
    where: { id: payload.invoiceId, ...(target.storeId ? { storeId: target.storeId } : {}) },
  });
  if (!owned) {
    logger.warn(
      { invoiceId: payload.invoiceId, storeId: target.storeId },
      `${target.event}: no such invoice for the store`,
    );
    return undefined;
  }
  const { renderInvoicePdf } = await import("@/lib/invoices/pdf");
  const pdf = await renderInvoicePdf(payload.invoiceId, target.locale);
  return [{ filename: pdf.filename, content: pdf.buffer, contentType: "application/pdf" }];
}
