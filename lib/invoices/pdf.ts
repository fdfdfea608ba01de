// Invoice PDFs, rendered on demand with @react-pdf/renderer and kept in a small in-memory cache
// keyed by what the document shows: the invoice's content hash (which changes with its status and
// payment), the locale, the stamp (an open invoice turns overdue with time), the PIX code and the
// logo. A status change therefore never serves a stale PDF, and a warm hit costs no rendering.
import "server-only";
import { createHash } from "node:crypto";
import { createElement } from "react";
import type { Invoice, InvoiceLine } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { buildInvoiceDocument, stampOf } from "./document";
import { InvoicePdf } from "./pdf-template";
import { invoicePix, type InvoicePix } from "./pix";
import { getInvoiceForStore } from "./views";

// ESM-only package: import() keeps this module loadable from CommonJS too (see ./pdf-template.tsx).
const loadRenderer = () => import("@react-pdf/renderer");

/** Bump when the template changes, so cached PDFs of the old layout are not served. */
const TEMPLATE_VERSION = "1";
const CACHE_MAX_ENTRIES = 64;
const CACHE_MAX_BYTES = 32 * 1024 * 1024;

const cache = new Map<string, Buffer>();
let cachedBytes = 0;

function cacheGet(key: string): Buffer | undefined {
  const hit = cache.get(key);
  if (hit) {
    // Most recently used last: eviction takes from the front.
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

function cachePut(key: string, buffer: Buffer) {
  cache.set(key, buffer);
  cachedBytes += buffer.length;
  while (cache.size > CACHE_MAX_ENTRIES || cachedBytes > CACHE_MAX_BYTES) {
    const [oldest, buf] = cache.entries().next().value as [string, Buffer];
    cache.delete(oldest);
    cachedBytes -= buf.length;
  }
}

/** Empties the PDF cache (tests and the benchmark measure cold renders with it). */
export function clearInvoicePdfCache() {
  cache.clear();
  cachedBytes = 0;
}

/** A store logo we print: an inline PNG or JPEG (no URL is ever fetched while rendering). */
export function printableLogo(logoUrl: string | null | undefined): string | null {
  return logoUrl && /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/.test(logoUrl) ? logoUrl : null;
}

export type PdfContext = {
  pix: InvoicePix | null;
  logo: string | null;
  creditedNumber: string | null;
  refunded: number;
};

/** What the document needs besides the invoice: its PIX code (open BRL), logo, credited invoice, refunds. */
export async function pdfContextOf(invoice: Invoice): Promise<PdfContext> {
  const [pix, store, credited, notes] = await Promise.all([
    invoicePix(invoice),
    invoice.issuer === "STORE"
      ? prisma.store.findUnique({ where: { id: invoice.storeId }, select: { logoUrl: true } })
      : Promise.resolve(null),
    invoice.creditedInvoiceId
      ? prisma.invoice.findUnique({ where: { id: invoice.creditedInvoiceId }, select: { displayNumber: true } })
      : Promise.resolve(null),
    invoice.kind === "INVOICE"
      ? prisma.invoice.aggregate({
          where: { creditedInvoiceId: invoice.id, kind: "CREDIT_NOTE", status: { not: "void" } },
          _sum: { total: true },
        })
      : Promise.resolve(null),
  ]);
  return {
    pix,
    logo: printableLogo(store?.logoUrl),
    creditedNumber: credited?.displayNumber ?? null,
    refunded: notes?._sum.total ?? 0,
  };
}

export async function renderPdfOf(
  invoice: Invoice & { lines: InvoiceLine[] },
  locale: Locale,
  ctx?: PdfContext,
): Promise<{ buffer: Buffer; filename: string; cached: boolean }> {
  if (invoice.status === "draft" || !invoice.displayNumber)
    throw new AppError("conflict", "A draft invoice has no PDF until it is issued.");
  const c = ctx ?? (await pdfContextOf(invoice));
  const now = new Date();
  const key = createHash("sha256")
    .update(
      [
        TEMPLATE_VERSION,
        invoice.contentHash ?? invoice.id,
        locale,
        stampOf(invoice, now),
        c.pix?.brCode ?? "",
        c.logo ? createHash("sha256").update(c.logo).digest("hex") : "",
        c.creditedNumber ?? "",
        String(c.refunded),
      ].join("\n"),
    )
    .digest("hex");
  const filename = `${invoice.displayNumber}.pdf`;
  const hit = cacheGet(key);
  if (hit) return { buffer: hit, filename, cached: true };
  const doc = buildInvoiceDocument({
    invoice,
    lines: invoice.lines,
    locale,
    pix: c.pix,
    logoDataUrl: c.logo,
    creditedNumber: c.creditedNumber,
    refundedMinor: c.refunded,
    now,
  });
  const pdf = await loadRenderer();
  const element = createElement(InvoicePdf, { doc, platform: invoice.issuer === "PLATFORM", pdf });
  const buffer = await pdf.renderToBuffer(element as Parameters<typeof pdf.renderToBuffer>[0]);
  cachePut(key, buffer);
  return { buffer, filename, cached: false };
}

/**
 * The PDF of an issued invoice, in `locale` (default: the invoice's own). Not tenant-scoped: callers
 * that answer a request check ownership first (lib/invoices/views getInvoiceForStore); the
 * notifications outbox uses it to attach the PDF to "invoice issued".
 */
export async function renderInvoicePdf(
  invoiceId: string,
  locale?: string,
): Promise<{ buffer: Buffer; filename: string }> {
  const invoice = await prisma.invoice.findUnique({
    where: { id: invoiceId },
    include: { lines: { orderBy: { position: "asc" } } },
  });
  if (!invoice) throw new AppError("not_found", "Invoice not found.");
  const chosen: Locale = isLocale(locale) ? locale : isLocale(invoice.locale) ? invoice.locale : "pt-BR";
  const { buffer, filename } = await renderPdfOf(invoice, chosen);
  return { buffer, filename };
}

/** The PDF of one of the store's invoices (404 for another store's): what the API and the pages serve. */
export async function invoicePdfForStore(storeId: string, invoiceId: string, locale: Locale) {
  const invoice = await getInvoiceForStore(storeId, invoiceId);
  const { buffer, filename } = await renderPdfOf(invoice, locale);
  return { buffer, filename };
}
