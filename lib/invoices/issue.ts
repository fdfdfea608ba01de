// Issuing an invoice: a draft (lines, totals, party snapshots) becomes final in one transaction that
// takes its number from the series. One invoice per (issuer, source type, source id): a second
// issue of the same source returns the first one, whoever gets there first.
import "server-only";
import type { Invoice, InvoiceLine, Prisma } from "@/generated/prisma/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { prisma, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { displayNumberFor, nextNumber, seriesFor } from "./numbering";
import { lineAmount, stableHash, totalsOf } from "./totals";
import type { Finalisation, InvoiceDraft } from "./types";

export type InvoiceWithLines = Invoice & { lines: InvoiceLine[] };

/** Row lock on one invoice for the rest of the transaction (status changes apply one after another). */
export async function lockInvoice(tx: Tx, invoiceId: string): Promise<InvoiceWithLines | null> {
  await tx.$queryRawUnsafe(`SELECT id FROM "Invoice" WHERE id = $1 FOR UPDATE`, invoiceId);
  return tx.invoice.findUnique({ where: { id: invoiceId }, include: { lines: { orderBy: { position: "asc" } } } });
}

/** What the document says: the content hash changes exactly when the rendered invoice would. */
export function contentHashOf(invoice: Invoice, lines: InvoiceLine[]): string {
  return stableHash({
    number: invoice.displayNumber,
    kind: invoice.kind,
    issuer: invoice.issuer,
    status: invoice.status,
    currency: invoice.currency,
    totals: [invoice.subtotal, invoice.discountTotal, invoice.taxTotal, invoice.total],
    paid: [invoice.amountPaid, invoice.amountDue, invoice.paidAt, invoice.voidedAt, invoice.paymentMethod],
    dates: [invoice.finalizedAt, invoice.dueDate],
    parties: [invoice.issuerDetails, invoice.customerDetails],
    discounts: invoice.discounts,
    credited: invoice.creditedInvoiceId,
    lines: lines.map((l) => [l.position, l.description, l.quantity, l.unitAmount, l.discountAmount, l.amount]),
  });
}

const json = (v: unknown) => v as Prisma.InputJsonValue;

/**
 * Inserts the draft with its lines unless the source already has an invoice (ON CONFLICT DO
 * NOTHING: a concurrent insert of the same source waits for the other transaction and then
 * yields). Returns the invoice and whether this call created it.
 */
export async function createDraft(tx: Tx, draft: InvoiceDraft): Promise<{ invoice: Invoice; created: boolean }> {
  const kind = draft.kind ?? "INVOICE";
  const totals = totalsOf(draft.lines);
  const [row] = await tx.invoice.createManyAndReturn({
    data: [
      {
        issuer: draft.issuer,
        kind,
        storeId: draft.storeId,
        series: seriesFor(draft.issuer, draft.storeId, kind),
        sourceType: draft.sourceType,
        sourceId: draft.sourceId,
        creditedInvoiceId: draft.creditedInvoiceId ?? null,
        status: "draft",
        currency: draft.currency.toUpperCase(),
        ...totals,
        amountDue: Math.max(0, totals.total),
        issuerDetails: json(draft.issuerDetails),
        customerDetails: json(draft.customerDetails),
        discounts: draft.discounts?.length ? json(draft.discounts) : undefined,
        locale: draft.locale ?? "pt-BR",
        dueDate: draft.dueDate ?? null,
        paymentMethod: draft.paymentMethod ?? null,
        stripeInvoiceId: draft.stripeInvoiceId ?? null,
        stripeObjectUrl: draft.stripeObjectUrl ?? null,
        hostedInvoiceUrl: draft.hostedInvoiceUrl ?? null,
      },
    ],
    skipDuplicates: true,
  });
  if (!row) {
    const existing = await tx.invoice.findUniqueOrThrow({
      where: {
        issuer_sourceType_sourceId: { issuer: draft.issuer, sourceType: draft.sourceType, sourceId: draft.sourceId },
      },
    });
    return { invoice: existing, created: false };
  }
  await tx.invoiceLine.createMany({
    data: draft.lines.map((l, i) => ({
      invoiceId: row.id,
      position: i + 1,
      description: l.description.slice(0, 500),
      quantity: l.quantity,
      unitAmount: l.unitAmount,
      discountAmount: l.discountAmount ?? 0,
      taxAmount: l.taxAmount ?? 0,
      amount: lineAmount(l),
      periodStart: l.periodStart ?? null,
      periodEnd: l.periodEnd ?? null,
    })),
  });
  return { invoice: row, created: true };
}

/**
 * Finalises a draft: takes the next number of its series (in this transaction: gap-free), writes
 * the display number, the status it leaves draft with and its content hash. A finalised invoice
 * is returned as it is (finalising twice changes nothing).
 */
export async function finaliseInvoice(
  tx: Tx,
  invoiceId: string,
  how: Finalisation,
  audit: AuditContext,
): Promise<InvoiceWithLines> {
  const draft = await lockInvoice(tx, invoiceId);
  if (!draft) throw new AppError("not_found", "Invoice not found.");
  if (draft.status !== "draft") return draft;
  const store = await tx.store.findUniqueOrThrow({ where: { id: draft.storeId }, select: { slug: true } });
  const finalizedAt = how.finalizedAt ?? new Date();
  const number = await nextNumber(tx, draft.series);
  const displayNumber = displayNumberFor({
    issuer: draft.issuer,
    kind: draft.kind,
    number,
    finalizedAt,
    storeSlug: store.slug,
  });
  const paid = how.status === "paid";
  const amountPaid = paid ? (how.amountPaid ?? Math.max(0, draft.total)) : 0;
  const data = {
    number,
    displayNumber,
    status: how.status,
    finalizedAt,
    amountPaid,
    amountDue: how.status === "open" ? Math.max(0, draft.total) : 0,
    paidAt: paid ? how.paidAt : null,
    voidedAt: how.status === "void" ? how.voidedAt : null,
  };
  const hash = contentHashOf({ ...draft, ...data }, draft.lines);
  const invoice = await tx.invoice.update({
    where: { id: draft.id },
    data: { ...data, contentHash: hash },
    include: { lines: { orderBy: { position: "asc" } } },
  });
  await appendAudit(tx, audit, {
    action: invoice.kind === "CREDIT_NOTE" ? "invoice.credit_note_issued" : "invoice.issued",
    storeId: invoice.storeId,
    target: { type: "invoice", id: invoice.id },
    after: {
      number: displayNumber,
      issuer: invoice.issuer,
      source: `${invoice.sourceType}:${invoice.sourceId}`,
      status: invoice.status,
      total: invoice.total,
      currency: invoice.currency,
    },
  });
  return invoice;
}

/**
 * Runs inside the transaction that issues an invoice, after it is numbered: a caller that must
 * record something exactly when the invoice exists (e.g. an "invoice issued" notification in the
 * outbox) does it here. lib/invoices imports no such consumer itself (lib/ is a tree).
 */
export type IssuedHook = (tx: Tx, invoice: InvoiceWithLines) => Promise<void>;

/**
 * Draft + finalisation in one transaction (the caller's, or a new one). Returns the invoice of the
 * source, created now or earlier, and whether this call issued it; `onIssued` runs only then.
 */
export async function issueInvoice(
  draft: InvoiceDraft,
  how: Finalisation,
  audit: AuditContext,
  opts: { tx?: Tx; onIssued?: IssuedHook } = {},
): Promise<{ invoice: InvoiceWithLines; created: boolean }> {
  const run = async (t: Tx) => {
    const { invoice, created } = await createDraft(t, draft);
    if (!created && invoice.status !== "draft") {
      const lines = await t.invoiceLine.findMany({ where: { invoiceId: invoice.id }, orderBy: { position: "asc" } });
      return { invoice: { ...invoice, lines }, created: false };
    }
    const issued = await finaliseInvoice(t, invoice.id, how, audit);
    if (created && opts.onIssued) await opts.onIssued(t, issued);
    return { invoice: issued, created };
  };
  return opts.tx ? run(opts.tx) : prisma.$transaction(run);
}
