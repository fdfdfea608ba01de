// What a store sees of its invoices: the receipts and invoices it issued (issuer STORE) and the
// platform's invoices to it (issuer PLATFORM), always by its own store id (another store's invoice
// is a 404), newest first, keyset-paginated by (createdAt, id).
import "server-only";
import type { Invoice, InvoiceLine, Prisma } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { isOverdue } from "./document";
import { partyOf } from "./parties";
import { invoicePix } from "./pix";
import type { ListInvoicesQuery } from "./schemas";
import type { DiscountSnapshot } from "./types";

export type InvoiceLineView = {
  description: string;
  quantity: number;
  unitAmount: number;
  discountAmount: number;
  taxAmount: number;
  amount: number;
  periodStart: Date | null;
  periodEnd: Date | null;
};

/** The public shape of an invoice (amounts in integer minor units of `currency`). */
export type InvoiceView = {
  id: string;
  object: "invoice";
  issuer: "platform" | "store";
  kind: "invoice" | "credit_note";
  number: string | null;
  sequence: number | null;
  status: string;
  overdue: boolean;
  currency: string;
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  total: number;
  amountPaid: number;
  amountDue: number;
  discounts: DiscountSnapshot[];
  issuerDetails: ReturnType<typeof partyOf>;
  customer: ReturnType<typeof partyOf>;
  source: { type: string; id: string };
  creditedInvoiceId: string | null;
  paymentMethod: string | null;
  dueDate: Date | null;
  finalizedAt: Date | null;
  paidAt: Date | null;
  voidedAt: Date | null;
  hostedInvoiceUrl: string | null;
  stripeInvoiceId: string | null;
  pdfUrl: string;
  createdAt: Date;
};

export function invoiceView(i: Invoice): InvoiceView {
  return {
    id: i.id,
    object: "invoice",
    issuer: i.issuer === "PLATFORM" ? "platform" : "store",
    kind: i.kind === "CREDIT_NOTE" ? "credit_note" : "invoice",
    number: i.displayNumber,
    sequence: i.number,
    status: i.status,
    overdue: isOverdue(i),
    currency: i.currency,
    subtotal: i.subtotal,
    discountTotal: i.discountTotal,
    taxTotal: i.taxTotal,
    total: i.total,
    amountPaid: i.amountPaid,
    amountDue: i.amountDue,
    discounts: (Array.isArray(i.discounts) ? i.discounts : []) as DiscountSnapshot[],
    issuerDetails: partyOf(i.issuerDetails),
    customer: partyOf(i.customerDetails),
    source: { type: i.sourceType, id: i.sourceId },
    creditedInvoiceId: i.creditedInvoiceId,
    paymentMethod: i.paymentMethod,
    dueDate: i.dueDate,
    finalizedAt: i.finalizedAt,
    paidAt: i.paidAt,
    voidedAt: i.voidedAt,
    hostedInvoiceUrl: i.hostedInvoiceUrl,
    stripeInvoiceId: i.stripeInvoiceId,
    pdfUrl: `/api/v1/invoices/${i.id}/pdf`,
    createdAt: i.createdAt,
  };
}

function lineView(l: InvoiceLine): InvoiceLineView {
  return {
    description: l.description,
    quantity: l.quantity,
    unitAmount: l.unitAmount,
    discountAmount: l.discountAmount,
    taxAmount: l.taxAmount,
    amount: l.amount,
    periodStart: l.periodStart,
    periodEnd: l.periodEnd,
  };
}

function encodeCursor(i: Pick<Invoice, "createdAt" | "id">): string {
  return Buffer.from(`${i.createdAt.toISOString()}|${i.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  return id && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : null;
}

/** The store's invoices, newest first; drafts are never listed (they have no number yet). */
export async function listInvoices(
  storeId: string,
  q: Partial<ListInvoicesQuery> = {},
): Promise<{ data: InvoiceView[]; nextCursor: string | null }> {
  const limit = q.limit ?? 25;
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const where: Prisma.InvoiceWhereInput = {
    storeId,
    status: q.status ?? { not: "draft" },
    ...(q.issuer ? { issuer: q.issuer === "platform" ? "PLATFORM" : "STORE" } : {}),
    ...(q.kind ? { kind: q.kind === "credit_note" ? "CREDIT_NOTE" : "INVOICE" } : {}),
    ...(after
      ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
      : {}),
  };
  const rows = await prisma.invoice.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return { data: page.map(invoiceView), nextCursor: rows.length > limit ? encodeCursor(page.at(-1)!) : null };
}

/** One of the store's invoices with its lines (404 for another store's, or a draft). */
export async function getInvoiceForStore(storeId: string, id: string) {
  const invoice = await prisma.invoice.findFirst({
    where: { id, storeId, status: { not: "draft" } },
    include: { lines: { orderBy: { position: "asc" } } },
  });
  if (!invoice) throw notFound("Invoice");
  return invoice;
}

export type InvoiceDetail = InvoiceView & {
  lines: InvoiceLineView[];
  creditNotes: InvoiceView[];
  creditedInvoice: { id: string; number: string | null } | null;
};

export async function invoiceDetail(storeId: string, id: string): Promise<InvoiceDetail> {
  const invoice = await getInvoiceForStore(storeId, id);
  const [notes, credited] = await Promise.all([
    prisma.invoice.findMany({
      where: { creditedInvoiceId: invoice.id, storeId, status: { not: "draft" } },
      orderBy: { createdAt: "asc" },
    }),
    invoice.creditedInvoiceId
      ? prisma.invoice.findFirst({
          where: { id: invoice.creditedInvoiceId, storeId },
          select: { id: true, displayNumber: true },
        })
      : null,
  ]);
  return {
    ...invoiceView(invoice),
    lines: invoice.lines.map(lineView),
    creditNotes: notes.map(invoiceView),
    creditedInvoice: credited ? { id: credited.id, number: credited.displayNumber } : null,
  };
}

/**
 * The PIX code of one of the store's open BRL invoices (a store invoice's charge is created on
 * first ask), or null; the reason a store invoice has none is that no active verified gateway
 * could take it.
 */
export async function invoicePixForStore(storeId: string, id: string) {
  const invoice = await getInvoiceForStore(storeId, id);
  const pix = await invoicePix(invoice);
  return pix
    ? {
        brCode: pix.brCode,
        qrPngDataUrl: pix.qrPngDataUrl,
        amountMinor: pix.amountMinor,
        txid: pix.txid,
        expiresAt: pix.expiresAt,
      }
    : null;
}
