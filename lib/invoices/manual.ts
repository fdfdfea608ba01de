// Invoices a store issues itself to a buyer (POST /api/v1/invoices): open until paid — by PIX from
// the invoice's QR code (./pix.ts) — or voided by the seller. Sales paid at checkout get their
// receipts from the job instead (./receipts.ts).
import "server-only";
import { randomUUID } from "node:crypto";
import type { AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { type InvoiceWithLines, issueInvoice } from "./issue";
import { storeParty } from "./parties";
import type { CreateInvoiceInput } from "./schemas";
import { patchInvoiceTx } from "./status";

const DAY_MS = 86_400_000;

/** End of the day `days` from now, in Brazil (UTC−3): an invoice due "in 3 days" is payable all that day. */
function dueIn(days: number, now = new Date()): Date {
  const due = new Date(now.getTime() + days * DAY_MS);
  const y = due.getUTCFullYear();
  const m = due.getUTCMonth();
  const d = due.getUTCDate();
  return new Date(Date.UTC(y, m, d, 23 + 3, 59, 59));
}

/**
 * Issues an open invoice from the store to a buyer. With an Idempotency-Key the same key returns
 * the same invoice (the key is its source id); a different body under a used key is a 409.
 */
export async function createStoreInvoice(
  storeId: string,
  audit: AuditContext,
  input: CreateInvoiceInput,
  idempotencyKey?: string | null,
): Promise<{ invoice: InvoiceWithLines; created: boolean }> {
  const store = await prisma.store.findUniqueOrThrow({ where: { id: storeId }, select: { currency: true } });
  const currency = input.currency ?? store.currency;
  const lines = input.lines.map((l) => ({
    description: l.description,
    quantity: l.quantity,
    unitAmount: l.unitAmount,
  }));
  const result = await issueInvoice(
    {
      issuer: "STORE",
      storeId,
      sourceType: "manual",
      sourceId: idempotencyKey ? `key:${storeId}:${idempotencyKey}` : randomUUID(),
      currency,
      lines,
      issuerDetails: await storeParty(prisma, storeId),
      customerDetails: {
        name: input.customer.name,
        legalName: null,
        taxId: input.customer.taxId,
        taxIdType: input.customer.taxIdType,
        email: input.customer.email ?? null,
        address: input.customer.address ?? null,
      },
      locale: currency === "BRL" ? "pt-BR" : "en",
      dueDate: dueIn(input.dueInDays),
    },
    { status: "open" },
    audit,
  );
  if (!result.created) {
    const same =
      result.invoice.currency === currency &&
      result.invoice.lines.length === lines.length &&
      result.invoice.lines.every(
        (l, i) =>
          l.description === lines[i]!.description &&
          l.quantity === lines[i]!.quantity &&
          l.unitAmount === lines[i]!.unitAmount,
      );
    if (!same) throw new AppError("idempotency_conflict", "This Idempotency-Key was used for a different invoice.");
  }
  return result;
}

/** Voids an open invoice the store issued itself; receipts of paid sales are corrected by credit notes instead. */
export async function voidStoreInvoice(storeId: string, invoiceId: string, audit: AuditContext) {
  return prisma.$transaction(async (tx) => {
    const invoice = await tx.invoice.findFirst({ where: { id: invoiceId, storeId, issuer: "STORE" } });
    if (!invoice) throw notFound("Invoice");
    if (invoice.status === "void") return invoice;
    if (invoice.sourceType !== "manual" || (invoice.status !== "open" && invoice.status !== "uncollectible"))
      throw new AppError(
        "conflict",
        `Invoice ${invoice.displayNumber} is ${invoice.status}: only an open invoice can be voided.`,
      );
    const { invoice: voided } = await patchInvoiceTx(
      tx,
      invoice.id,
      { status: "void", voidedAt: new Date(), amountDue: 0 },
      audit,
      "voided by the store",
    );
    return voided;
  });
}
