// The buyer's receipt PDF, reached from their receipt page (a card or boleto order) or their PIX
// page. The proof of being the buyer is the page's own: the order's or charge's unguessable id,
// the same id the buyer's link carries. Only the store receipt issued FOR that order or charge is
// served (the unique issuer + source), so no id leads to another payment's or another store's
// document; anything else — unknown id, unpaid, no receipt — is the same 404.
import "server-only";
import { z } from "zod";
import type { Invoice, InvoiceLine } from "@/generated/prisma/client";
import type { ReceiptSource } from "@/lib/checkout/receipt-links";
import { prisma } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { renderPdfOf } from "./pdf";
import { issueOrderReceipts, issuePixReceipts } from "./receipts";

/** A cuid-like id as our orders and charges have; anything else is not looked up. */
export const ReceiptSourceId = z.string().regex(/^[a-z0-9]{10,40}$/i);

const PAID_ORDER = new Set(["PAID", "PARTIALLY_REFUNDED", "REFUNDED", "DISPUTED"]);
const PAID_PIX = new Set(["paid", "refunded", "disputed"]);

async function findReceipt(source: ReceiptSource, id: string) {
  return prisma.invoice.findUnique({
    where: { issuer_sourceType_sourceId: { issuer: "STORE", sourceType: source, sourceId: id } },
    include: { lines: { orderBy: { position: "asc" } } },
  });
}

/** Whether the order or charge is paid (so it has, or is about to have, a receipt). */
async function isPaid(source: ReceiptSource, id: string): Promise<boolean> {
  if (source === "order") {
    const order = await prisma.order.findUnique({ where: { id }, select: { status: true, paidAt: true } });
    return !!order?.paidAt && PAID_ORDER.has(order.status);
  }
  const charge = await prisma.pixCharge.findUnique({ where: { id }, select: { status: true, paidAt: true } });
  return !!charge?.paidAt && PAID_PIX.has(charge.status);
}

/**
 * The store receipt of one paid order or PIX charge. The invoices job issues it within 30 s of the
 * payment; a buyer faster than that gets it issued now (the same idempotent step, for this one source).
 */
export async function buyerReceipt(source: ReceiptSource, id: string): Promise<Invoice & { lines: InvoiceLine[] }> {
  if (!ReceiptSourceId.safeParse(id).success) throw notFound("Receipt");
  let receipt = await findReceipt(source, id);
  if (!receipt && (await isPaid(source, id))) {
    await (source === "order" ? issueOrderReceipts(1, id) : issuePixReceipts(1, id));
    receipt = await findReceipt(source, id);
  }
  if (!receipt || receipt.kind !== "INVOICE" || receipt.status === "draft" || !receipt.displayNumber)
    throw notFound("Receipt");
  return receipt;
}

/** The receipt's PDF in `locale` (default: the receipt's own language, the buyer's at checkout). */
export async function buyerReceiptPdf(source: ReceiptSource, id: string, locale?: string | null) {
  const receipt = await buyerReceipt(source, id);
  const chosen: Locale = isLocale(locale) ? locale : isLocale(receipt.locale) ? receipt.locale : "pt-BR";
  const { buffer, filename } = await renderPdfOf(receipt, chosen);
  return { buffer, filename };
}

/** The HTTP answer of a receipt PDF route: a download, never cached by a shared cache. */
export function receiptPdfResponse(pdf: { buffer: Buffer; filename: string }): Response {
  return new Response(new Uint8Array(pdf.buffer), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${pdf.filename}"`,
      "cache-control": "private, no-store",
      "x-robots-tag": "noindex",
    },
  });
}
