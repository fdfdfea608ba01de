// The PIX alternative for an overdue BRL plan invoice: the copia-e-cola and QR of the open invoice
// for its exact amount (lib/invoices: a static BR Code for PLATFORM_PIX_KEY, the invoice number as
// txid). None when PIX is not configured for the platform, the invoice is not mirrored yet, or it
// is no longer payable; the card link still works then.
import type { DunningCase } from "@/generated/prisma/client";
import { platformInvoicePix } from "@/lib/invoices/pix";
import { logger } from "@/lib/log/logger";

export type PixAlternative = { copyPaste: string; qrDataUrl: string | null; expiresAt: Date | null };

export async function pixForOverdueInvoice(
  c: Pick<DunningCase, "id" | "currency" | "stripeInvoiceId">,
): Promise<PixAlternative | null> {
  if (c.currency !== "BRL") return null;
  try {
    const pix = await platformInvoicePix({ stripeInvoiceId: c.stripeInvoiceId });
    return pix ? { copyPaste: pix.brCode, qrDataUrl: pix.qrPngDataUrl, expiresAt: pix.expiresAt } : null;
  } catch (err) {
    // A PIX problem must not hold back the reminder: it goes out with the card link alone.
    logger.warn({ err, dunningCase: c.id }, "dunning: no PIX alternative for this invoice");
    return null;
  }
}
