// A platform invoice paid by PIX (its gateway charge, or a payment to the static key found on the
// statement): marked paid once, then Stripe is told it was paid out of band so it stops retrying
// the card (and its invoice.paid ends the dunning case).
import "server-only";
import type { Invoice } from "@/generated/prisma/client";
import type { AuditContext } from "@/lib/audit/log";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { metrics } from "@/lib/metrics/registry";
import { getStripe } from "@/lib/stripe/client";
import { markPaidTx } from "./status";

/** Open (or uncollectible, still collectable) BRL invoice with something to pay. */
export function isPixPayable(invoice: Pick<Invoice, "status" | "currency" | "amountDue">): boolean {
  return (
    (invoice.status === "open" || invoice.status === "uncollectible") &&
    invoice.currency === "BRL" &&
    invoice.amountDue > 0
  );
}

export type PixSettlement =
  | { invoice: Invoice; changed: boolean; refused?: undefined }
  | { invoice: Invoice; changed: false; refused: AppError };

/**
 * Inside the caller's transaction: the invoice (row-locked) becomes paid by PIX for exactly its
 * amount due, once. Already paid: nothing changes. Void, or a different amount: `refused` says why
 * and a warning names the payment that needs a person (e.g. a PIX paid for a voided invoice is
 * refunded by hand); the caller decides whether that is an error.
 */
export async function markPlatformInvoicePaidByPixTx(
  tx: Tx,
  invoiceId: string,
  payment: { amountMinor: number; paidAt: Date },
  audit: AuditContext,
  reason: string,
): Promise<PixSettlement> {
  await tx.$queryRawUnsafe(`SELECT id FROM "Invoice" WHERE id = $1 FOR UPDATE`, invoiceId);
  const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
  if (invoice.status === "paid") {
    if (invoice.paymentMethod !== "pix")
      logger.warn({ invoiceId, reason }, "platform invoice paid by card and by PIX: refund the PIX by hand");
    return { invoice, changed: false };
  }
  let refused: AppError | null = null;
  if (!isPixPayable(invoice))
    refused = new AppError(
      "conflict",
      `Invoice ${invoice.displayNumber} is ${invoice.status}: it cannot take a payment.`,
    );
  else if (payment.amountMinor !== invoice.amountDue)
    refused = new AppError(
      "validation_failed",
      `The PIX payment (${payment.amountMinor}) is not the amount due (${invoice.amountDue}) of ${invoice.displayNumber}.`,
      { param: "amountMinor" },
    );
  if (refused) {
    logger.warn({ invoiceId, status: invoice.status, reason }, "PIX payment not applied to the platform invoice");
    return { invoice, changed: false, refused };
  }
  const r = await markPaidTx(
    tx,
    invoice.id,
    { paidAt: payment.paidAt, paymentMethod: "pix", amountPaid: payment.amountMinor },
    audit,
    reason,
  );
  return { invoice: r.invoice, changed: r.statusChanged };
}

/** After the commit: counts the payment and tells Stripe (a failure is logged; our record stands). */
export async function tellStripePaidOutOfBand(invoice: Pick<Invoice, "id" | "stripeInvoiceId">): Promise<void> {
  metrics.billing.payments.inc({ status: "succeeded", provider: "pix" });
  if (!invoice.stripeInvoiceId) return;
  await getStripe()
    .invoices.pay(invoice.stripeInvoiceId, { paid_out_of_band: true })
    .catch((err: unknown) =>
      logger.warn({ err, invoiceId: invoice.id }, "invoice paid by PIX; Stripe not yet told (out of band)"),
    );
}
