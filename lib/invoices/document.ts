// An invoice as a reader sees it, in one locale: title, number, parties, lines, totals, stamp and
// the PIX code when it is open. The PDF template and the detail page both draw from this, so the
// two never disagree. Money and dates are formatted here, per locale (docs/money.md).
import type { Invoice, InvoiceLine } from "@/generated/prisma/client";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { createTranslator, type MessageKey } from "@/lib/i18n/translate";
import { formatMoney } from "@/lib/money";
import { formatTaxId, taxIdLabel } from "@/lib/tax-id";
import { partyOf } from "./parties";
import type { InvoicePix } from "./pix";
import type { Address, DiscountSnapshot, Party } from "./types";

export type StampKey = "paid" | "open" | "overdue" | "void" | "uncollectible" | "draft" | "refunded";
export type DocumentParty = { name: string; lines: string[] };
export type DocumentLine = {
  key: string;
  description: string;
  period: string | null;
  quantity: string;
  unitPrice: string;
  discount: string | null;
  amount: string;
};
export type DocumentTotal = { label: string; value: string; strong?: boolean };

export type InvoiceDocument = {
  locale: Locale;
  title: string;
  number: string;
  stamp: { key: StampKey; label: string };
  meta: Array<{ label: string; value: string }>;
  from: DocumentParty;
  to: DocumentParty;
  fromLabel: string;
  toLabel: string;
  headers: { description: string; quantity: string; unitPrice: string; discount: string; amount: string };
  lines: DocumentLine[];
  showDiscountColumn: boolean;
  totals: DocumentTotal[];
  notes: string[];
  pix: { title: string; help: string; brCode: string; qrPngDataUrl: string; reference: string | null } | null;
  payOnline: { label: string; url: string } | null;
  logoDataUrl: string | null;
  footer: string;
  pageLabel: string;
};

/** Open and past its due date (Stripe's due date, or the day an automatically charged invoice was issued). */
export function isOverdue(invoice: Pick<Invoice, "status" | "dueDate">, now = new Date()): boolean {
  return invoice.status === "open" && !!invoice.dueDate && invoice.dueDate.getTime() < now.getTime();
}

export function stampOf(invoice: Pick<Invoice, "status" | "dueDate" | "kind">, now = new Date()): StampKey {
  if (invoice.status === "paid") return invoice.kind === "CREDIT_NOTE" ? "refunded" : "paid";
  if (invoice.status === "open") return isOverdue(invoice, now) ? "overdue" : "open";
  return invoice.status as StampKey;
}

/** "Recibo" for a store's receipt of a paid sale, "Nota de crédito", else "Fatura". */
export function titleKey(invoice: Pick<Invoice, "kind" | "issuer" | "sourceType">): MessageKey {
  if (invoice.kind === "CREDIT_NOTE") return "invoices.doc.creditNote";
  if (invoice.issuer === "STORE" && (invoice.sourceType === "order" || invoice.sourceType === "pix_charge"))
    return "invoices.doc.receipt";
  return "invoices.doc.invoice";
}

function addressLines(address: Address | string | null): string[] {
  if (!address) return [];
  if (typeof address === "string") return [address];
  const cityLine = [address.city, address.state].filter(Boolean).join(" – ");
  const postal = [address.postalCode, address.country].filter(Boolean).join(" · ");
  return [address.line1, address.line2, cityLine, postal].filter((l): l is string => !!l);
}

function partyLines(party: Party, t: ReturnType<typeof createTranslator>, fallback: string): DocumentParty {
  const name = party.legalName ?? party.name ?? party.email ?? fallback;
  const lines: string[] = [];
  if (party.legalName && party.name && party.name !== party.legalName) lines.push(party.name);
  if (party.taxId)
    lines.push(
      `${taxIdLabel(party.taxIdType) ?? t("invoices.doc.taxId")} ${formatTaxId(party.taxId, party.taxIdType)}`,
    );
  lines.push(...addressLines(party.address));
  if (party.email && party.email !== name) lines.push(party.email);
  return { name, lines };
}

const METHODS = new Set(["card", "pix", "credits", "boleto"]);

export type DocumentInput = {
  invoice: Invoice;
  lines: InvoiceLine[];
  locale: Locale;
  creditedNumber?: string | null;
  refundedMinor?: number;
  pix?: InvoicePix | null;
  logoDataUrl?: string | null;
  now?: Date;
};

export function buildInvoiceDocument(input: DocumentInput): InvoiceDocument {
  const { invoice, locale } = input;
  const t = createTranslator(locale);
  const money = (minor: number) => formatMoney(minor, invoice.currency, locale);
  const date = (d: Date) => formatDate(d, locale);
  const stamp = stampOf(invoice, input.now);
  const meta: Array<{ label: string; value: string }> = [];
  if (invoice.finalizedAt) meta.push({ label: t("invoices.doc.issuedOn"), value: date(invoice.finalizedAt) });
  if (invoice.dueDate && (invoice.status === "open" || invoice.status === "uncollectible"))
    meta.push({ label: t("invoices.doc.dueOn"), value: date(invoice.dueDate) });
  if (invoice.paidAt && invoice.kind === "INVOICE")
    meta.push({ label: t("invoices.doc.paidOn"), value: date(invoice.paidAt) });
  if (invoice.voidedAt) meta.push({ label: t("invoices.doc.voidedOn"), value: date(invoice.voidedAt) });
  if (invoice.paymentMethod)
    meta.push({
      label: t("invoices.doc.paymentMethod"),
      value: t(
        `invoices.doc.methods.${METHODS.has(invoice.paymentMethod) ? invoice.paymentMethod : "other"}` as MessageKey,
      ),
    });

  const lines: DocumentLine[] = input.lines.map((l) => ({
    key: String(l.position),
    description: l.description,
    period:
      l.periodStart && l.periodEnd
        ? `${t("invoices.doc.period")}: ${date(l.periodStart)} – ${date(l.periodEnd)}`
        : null,
    quantity: String(l.quantity),
    unitPrice: money(l.unitAmount),
    discount: l.discountAmount ? money(-l.discountAmount) : null,
    amount: money(l.amount),
  }));

  const totals: DocumentTotal[] = [{ label: t("invoices.doc.subtotal"), value: money(invoice.subtotal) }];
  const discounts = (Array.isArray(invoice.discounts) ? invoice.discounts : []) as DiscountSnapshot[];
  if (invoice.discountTotal > 0) {
    const named = discounts.map((d) => (d.code ? t("invoices.doc.coupon", { code: d.code }) : d.name)).join(", ");
    totals.push({
      label: named ? `${t("invoices.doc.discounts")} (${named})` : t("invoices.doc.discounts"),
      value: money(-invoice.discountTotal),
    });
  }
  if (invoice.taxTotal > 0) totals.push({ label: t("invoices.doc.taxes"), value: money(invoice.taxTotal) });
  totals.push({ label: t("invoices.doc.total"), value: money(invoice.total), strong: true });
  if (invoice.kind === "INVOICE" && invoice.status === "paid")
    totals.push({ label: t("invoices.doc.amountPaid"), value: money(invoice.amountPaid) });
  if (invoice.kind === "INVOICE" && (input.refundedMinor ?? 0) > 0)
    totals.push({ label: t("invoices.doc.refunded"), value: money(-input.refundedMinor!) });
  if (invoice.status === "open" || invoice.status === "uncollectible")
    totals.push({ label: t("invoices.doc.amountDue"), value: money(invoice.amountDue), strong: true });

  const notes: string[] = [];
  if (input.creditedNumber) notes.push(t("invoices.doc.creditsInvoice", { number: input.creditedNumber }));

  const pix = input.pix
    ? {
        title: t("invoices.doc.pixTitle"),
        help: t("invoices.doc.pixHelp", { amount: money(input.pix.amountMinor) }),
        brCode: input.pix.brCode,
        qrPngDataUrl: input.pix.qrPngDataUrl,
        reference: input.pix.txid ? t("invoices.doc.pixReference", { txid: input.pix.txid }) : null,
      }
    : null;
  const payable = invoice.status === "open" || invoice.status === "uncollectible";

  return {
    locale,
    title: t(titleKey(invoice)),
    number: invoice.displayNumber ?? "—",
    stamp: { key: stamp, label: t(`invoices.stamp.${stamp}` as MessageKey) },
    meta,
    from: partyLines(partyOf(invoice.issuerDetails), t, "—"),
    to: partyLines(partyOf(invoice.customerDetails), t, t("invoices.doc.noCustomer")),
    fromLabel: t("invoices.doc.from"),
    toLabel: t("invoices.doc.billedTo"),
    headers: {
      description: t("invoices.doc.description"),
      quantity: t("invoices.doc.quantity"),
      unitPrice: t("invoices.doc.unitPrice"),
      discount: t("invoices.doc.discount"),
      amount: t("invoices.doc.amount"),
    },
    lines,
    showDiscountColumn: input.lines.some((l) => l.discountAmount > 0),
    totals,
    notes,
    pix,
    payOnline:
      payable && invoice.hostedInvoiceUrl
        ? { label: t("invoices.doc.payOnline"), url: invoice.hostedInvoiceUrl }
        : null,
    logoDataUrl: input.logoDataUrl ?? null,
    footer: t(invoice.issuer === "PLATFORM" ? "invoices.doc.notFiscalPlatform" : "invoices.doc.notFiscal"),
    pageLabel: t("invoices.doc.page", { page: "{page}", pages: "{pages}" }),
  };
}
