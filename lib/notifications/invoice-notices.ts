// The `invoices.notices` job: messages about invoices that nothing else sends, each once per
// invoice whatever the job reruns (the outbox key `<event>:<invoice id>:<channel>:<recipient>`):
// - invoice_overdue: an open invoice past its due date, to the store's owner (a platform invoice:
//   the seller who owes Vitrine, with its pay link and PIX code; a store invoice: the seller whose
//   customer owes it);
// - invoice_issued: a credit purchase's paid invoice, to the seller, with its PDF;
// - order_receipt: the store's receipt of a paid order or PIX charge, to the BUYER, with its PDF.
// Rows already in the outbox are skipped in SQL; the look-back windows keep each scan small.
import "server-only";
import type { Invoice } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import type { JobDefinition } from "@/lib/jobs/runner";
import { isLocale } from "@/lib/i18n/config";
import { logger } from "@/lib/log/logger";
import { partyOf } from "@/lib/invoices/parties";
import { enqueueNotification } from "./enqueue";

/** Overdue invoices further back than this were told (or predate these notices): left alone. */
const OVERDUE_LOOKBACK_DAYS = 60;
/** Receipts and credit invoices issued longer ago than this are not mailed late. */
const ISSUED_LOOKBACK_DAYS = 7;
const DAY_MS = 86_400_000;

const notYet = (event: string) =>
  `NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n."idempotencyKey" LIKE '${event}:' || i.id || ':%')`;

async function dueIds(sql: string, ...params: unknown[]): Promise<string[]> {
  const rows = await prisma.$queryRawUnsafe<Array<{ id: string }>>(sql, ...params);
  return rows.map((r) => r.id);
}

const invoicePath = (invoice: Pick<Invoice, "id">) => `/dashboard/invoices/${invoice.id}`;

/** The PIX copia e cola of an open BRL platform invoice (its gateway charge or the static key code), if any. */
async function platformPixCode(invoice: Invoice): Promise<string | undefined> {
  const { platformInvoicePix } = await import("@/lib/invoices/pix");
  try {
    return (await platformInvoicePix({ invoiceId: invoice.id }))?.brCode;
  } catch (err) {
    logger.warn({ err, invoiceId: invoice.id }, "overdue notice: no PIX code for the invoice");
    return undefined;
  }
}

/** invoice_overdue for each open invoice past its due date that has no notice yet. */
export async function enqueueOverdueNotices(now = new Date(), limit = 200): Promise<number> {
  const ids = await dueIds(
    `SELECT i.id FROM "Invoice" i
      WHERE i.status IN ('open', 'uncollectible') AND i.kind = 'INVOICE' AND i."amountDue" > 0
        AND i."displayNumber" IS NOT NULL
        AND i."dueDate" < $1 AND i."dueDate" > $2
        AND ${notYet("invoice_overdue")}
      ORDER BY i."dueDate" ASC LIMIT $3`,
    now,
    new Date(now.getTime() - OVERDUE_LOOKBACK_DAYS * DAY_MS),
    limit,
  );
  let queued = 0;
  for (const id of ids) {
    const invoice = await prisma.invoice.findUniqueOrThrow({ where: { id } });
    const platform = invoice.issuer === "PLATFORM";
    const pixCopyPaste = platform && invoice.currency === "BRL" ? await platformPixCode(invoice) : undefined;
    const { queued: rows } = await enqueueNotification(prisma, {
      storeId: invoice.storeId,
      event: "invoice_overdue",
      subjectId: invoice.id,
      payload: {
        invoiceId: invoice.id,
        number: invoice.displayNumber!,
        amountMinor: invoice.amountDue,
        currency: invoice.currency,
        dueDate: invoice.dueDate!,
        url: invoicePath(invoice),
        ...(platform && invoice.hostedInvoiceUrl ? { payUrl: invoice.hostedInvoiceUrl } : {}),
        ...(pixCopyPaste ? { pixCopyPaste } : {}),
      },
    });
    if (rows) queued++;
  }
  return queued;
}

/** invoice_issued (PDF attached) for each paid credit-purchase invoice the seller was not sent yet. */
export async function enqueueCreditInvoiceNotices(now = new Date(), limit = 200): Promise<number> {
  const ids = await dueIds(
    `SELECT i.id FROM "Invoice" i
      WHERE i.issuer = 'PLATFORM' AND i."sourceType" = 'credits' AND i.kind = 'INVOICE'
        AND i.status = 'paid' AND i."displayNumber" IS NOT NULL AND i.total > 0
        AND i."createdAt" > $1 AND ${notYet("invoice_issued")}
      ORDER BY i."createdAt" ASC LIMIT $2`,
    new Date(now.getTime() - ISSUED_LOOKBACK_DAYS * DAY_MS),
    limit,
  );
  let queued = 0;
  for (const id of ids) {
    const invoice = await prisma.invoice.findUniqueOrThrow({ where: { id } });
    const { queued: rows } = await enqueueNotification(prisma, {
      storeId: invoice.storeId,
      event: "invoice_issued",
      subjectId: invoice.id,
      payload: {
        invoiceId: invoice.id,
        number: invoice.displayNumber!,
        amountMinor: invoice.total,
        currency: invoice.currency,
        url: invoicePath(invoice),
        attachPdf: true,
      },
    });
    if (rows) queued++;
  }
  return queued;
}

/** The buyer's page for what they paid: the order's receipt page, or the PIX charge's page. */
function buyerPagePath(invoice: Pick<Invoice, "sourceType" | "sourceId">): string | undefined {
  if (invoice.sourceType === "order") return `/receipt/${invoice.sourceId}`;
  if (invoice.sourceType === "pix_charge") return `/pay/pix/${invoice.sourceId}`;
  return undefined;
}

const methodOf = (m: string | null): "card" | "pix" | "boleto" | "other" =>
  m === "card" || m === "pix" || m === "boleto" ? m : "other";

/** The buyer's language recorded on the order or charge the receipt is for (null: not recorded). */
async function buyerLocaleOf(invoice: Pick<Invoice, "sourceType" | "sourceId">): Promise<string | null> {
  if (!invoice.sourceId) return null;
  const source =
    invoice.sourceType === "order"
      ? await prisma.order.findUnique({ where: { id: invoice.sourceId }, select: { buyerLocale: true } })
      : await prisma.pixCharge.findUnique({ where: { id: invoice.sourceId }, select: { buyerLocale: true } });
  return isLocale(source?.buyerLocale) ? source.buyerLocale : null;
}

/**
 * order_receipt for each paid store receipt (a card or boleto order, or a PIX charge) whose buyer
 * left an email: to the buyer alone, in the buyer's language recorded at checkout (else the
 * receipt's: pt-BR for reais, else English), the PDF attached when sent. One per payment: one
 * receipt per order or charge, one outbox row per receipt and address.
 */
export async function enqueueReceiptEmails(now = new Date(), limit = 200): Promise<number> {
  const ids = await dueIds(
    `SELECT i.id FROM "Invoice" i
      WHERE i.issuer = 'STORE' AND i."sourceType" IN ('order', 'pix_charge') AND i.kind = 'INVOICE'
        AND i.status = 'paid' AND i."displayNumber" IS NOT NULL
        AND COALESCE(i."customerDetails"->>'email', '') <> ''
        AND i."createdAt" > $1 AND ${notYet("order_receipt")}
      ORDER BY i."createdAt" ASC LIMIT $2`,
    new Date(now.getTime() - ISSUED_LOOKBACK_DAYS * DAY_MS),
    limit,
  );
  let queued = 0;
  for (const id of ids) {
    const invoice = await prisma.invoice.findUniqueOrThrow({
      where: { id },
      include: { lines: { orderBy: { position: "asc" }, take: 1 } },
    });
    const email = partyOf(invoice.customerDetails).email;
    if (!email) continue;
    const { queued: rows } = await enqueueNotification(prisma, {
      storeId: invoice.storeId,
      event: "order_receipt",
      subjectId: invoice.id,
      recipients: [{ email, locale: (await buyerLocaleOf(invoice)) ?? invoice.locale }],
      payload: {
        invoiceId: invoice.id,
        number: invoice.displayNumber!,
        amountMinor: invoice.amountPaid || invoice.total,
        currency: invoice.currency,
        paidAt: invoice.paidAt ?? invoice.finalizedAt ?? invoice.createdAt,
        method: methodOf(invoice.paymentMethod),
        description: invoice.lines[0]?.description ?? null,
        url: buyerPagePath(invoice),
      },
    });
    if (rows) queued++;
  }
  return queued;
}

export type InvoiceNoticesReport = { overdue: number; creditInvoices: number; receipts: number };

export async function enqueueInvoiceNotices(now = new Date()): Promise<InvoiceNoticesReport> {
  return {
    overdue: await enqueueOverdueNotices(now),
    creditInvoices: await enqueueCreditInvoiceNotices(now),
    receipts: await enqueueReceiptEmails(now),
  };
}

export const INVOICE_NOTICES_JOB = "invoices.notices";

export const invoiceNoticesJob: JobDefinition = {
  name: INVOICE_NOTICES_JOB,
  cron: "* * * * *",
  policy: "singleton",
  retryLimit: 1,
  retryDelaySeconds: 30,
  async handle() {
    const report = await enqueueInvoiceNotices();
    if (Object.values(report).some((n) => n > 0)) logger.info({ report }, "invoice notices queued");
  },
};
