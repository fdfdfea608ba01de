// The shapes of our invoices: parties as printed (snapshots taken at finalisation), lines,
// discounts, and the draft a source (Stripe invoice, credit purchase, order, PIX charge, refund)
// turns into. Amounts are integer minor units of the invoice's currency (docs/money.md).
import type { TaxIdType } from "@/lib/tax-id";

export const INVOICE_STATUSES = ["draft", "open", "paid", "void", "uncollectible"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export type Issuer = "PLATFORM" | "STORE";
export type Kind = "INVOICE" | "CREDIT_NOTE";

/** What produced an invoice; with its id it makes the invoice unique per issuer. */
export type SourceType = "plan" | "credits" | "order" | "pix_charge" | "manual" | "credit_note";

export type Address = {
  line1?: string;
  line2?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
};

/** A party as the document prints it; all optional but what we know (a card buyer may be only an email). */
export type Party = {
  name: string | null;
  legalName: string | null;
  taxId: string | null;
  taxIdType: TaxIdType | null;
  email: string | null;
  /** Structured, or one line as configured (PLATFORM_ADDRESS). */
  address: Address | string | null;
};

export type LineInput = {
  description: string;
  quantity: number;
  unitAmount: number;
  discountAmount?: number;
  taxAmount?: number;
  periodStart?: Date | null;
  periodEnd?: Date | null;
};

/** A coupon as the document names it; its amount is already inside the lines' discountAmount. */
export type DiscountSnapshot = { name: string; code: string | null; amount: number };

export type InvoiceDraft = {
  issuer: Issuer;
  kind?: Kind;
  storeId: string;
  sourceType: SourceType;
  sourceId: string;
  creditedInvoiceId?: string | null;
  currency: string;
  lines: LineInput[];
  discounts?: DiscountSnapshot[];
  issuerDetails: Party;
  customerDetails: Party;
  locale?: string;
  dueDate?: Date | null;
  paymentMethod?: string | null;
  stripeInvoiceId?: string | null;
  stripeObjectUrl?: string | null;
  hostedInvoiceUrl?: string | null;
};

/** How a draft leaves draft: open (awaiting payment) or already paid (receipts, mirrored paid invoices). */
export type Finalisation =
  | { status: "open"; finalizedAt?: Date }
  | { status: "paid"; finalizedAt?: Date; paidAt: Date; amountPaid?: number }
  | { status: "void"; finalizedAt?: Date; voidedAt: Date };
