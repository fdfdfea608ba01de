// PIX for open BRL invoices, so they can be paid from a phone for their exact amount:
// - a STORE invoice gets a PixCharge from the store's active, verified gateways (the PIX service,
//   failover included), linked by Invoice.pixChargeId; when the gateway's webhook or the reconciler
//   marks that charge paid, settleInvoicePixPayments marks the invoice paid, once;
// - a PLATFORM invoice gets a dynamic charge at the platform's own gateway (PLATFORM_PIX_GATEWAY;
//   ./platform-pix.ts), marked paid by that gateway's webhook and the reconciler; only when no
//   platform gateway is configured, a static BR Code for PLATFORM_PIX_KEY with the exact amount and
//   the invoice number as txid, matched on the platform's bank statement and recorded with
//   recordPlatformPixPayment. Either way the invoice is paid once and Stripe is told it was paid out
//   of band, so it stops retrying the card.
import "server-only";
import type { Invoice } from "@/generated/prisma/client";
import type { AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env/server";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { createStaticBrCode } from "@/lib/pix/brcode";
import { brCodeToPngDataUrl } from "@/lib/pix/qr";
import { createPixCharge } from "@/lib/pix/service/charges";
import { partyOf } from "./parties";
import { PLATFORM_SERIES, pixTxidOf } from "./numbering";
import { platformGatewayPix, platformPixSettings } from "./platform-pix";
import { isPixPayable, markPlatformInvoicePaidByPixTx, tellStripePaidOutOfBand } from "./platform-pix-settle";
import { markPaidTx, patchInvoiceTx } from "./status";

export { isPixPayable } from "./platform-pix-settle";

export type InvoicePix = {
  /** Pix copia e cola (the BR Code). */
  brCode: string;
  qrPngDataUrl: string;
  amountMinor: number;
  /** Static platform codes: the txid the payment carries (the invoice number, letters and digits). */
  txid: string | null;
  source: "platform_key" | "platform_gateway" | "store_gateway";
  /** Gateway codes: the PIX charge behind the code, and when it stops being payable. */
  chargeId: string | null;
  expiresAt: Date | null;
};

const SYSTEM: AuditContext = { actor: { type: "system", id: "invoices" } };
/** Longest a PIX charge may live (the PIX API's maximum): the invoice's code stays payable a week. */
const STORE_CHARGE_SECONDS = 7 * 86_400;
const CHARGE_KEY_PREFIX = "invoice:";

type PayableInvoice = Pick<
  Invoice,
  | "id"
  | "issuer"
  | "storeId"
  | "status"
  | "currency"
  | "amountDue"
  | "displayNumber"
  | "pixChargeId"
  | "customerDetails"
>;

/**
 * The PIX code of an open BRL platform invoice: a charge at the platform's gateway when one is
 * configured (null if it fails: no static fallback then, a payment to the key would match nothing
 * automatically), else the static BR Code for PLATFORM_PIX_KEY, else null.
 */
export async function platformPixOf(invoice: PayableInvoice): Promise<InvoicePix | null> {
  const config = env();
  if (invoice.issuer !== "PLATFORM" || !isPixPayable(invoice) || !invoice.displayNumber) return null;
  const settings = platformPixSettings();
  if (settings) {
    const code = await platformGatewayPix(invoice, settings);
    return code ? { ...code, txid: null, source: "platform_gateway" } : null;
  }
  if (!config.PLATFORM_PIX_KEY) return null;
  const txid = pixTxidOf(invoice.displayNumber);
  const brCode = createStaticBrCode({
    pixKey: config.PLATFORM_PIX_KEY,
    merchantName: config.PLATFORM_PIX_MERCHANT_NAME,
    merchantCity: config.PLATFORM_PIX_MERCHANT_CITY,
    amountCentavos: invoice.amountDue,
    txid,
  });
  return {
    brCode,
    qrPngDataUrl: await brCodeToPngDataUrl(brCode),
    amountMinor: invoice.amountDue,
    txid,
    source: "platform_key",
    chargeId: null,
    expiresAt: null,
  };
}

/**
 * For the dunning messages: the PIX copia e cola and QR of an open BRL platform invoice, by our
 * invoice id or by its Stripe invoice id; null when it is paid, not BRL, or PIX is not configured.
 */
export async function platformInvoicePix(ref: { invoiceId: string } | { stripeInvoiceId: string }) {
  const invoice = await prisma.invoice.findFirst({
    where: {
      issuer: "PLATFORM",
      ...("invoiceId" in ref ? { id: ref.invoiceId } : { stripeInvoiceId: ref.stripeInvoiceId }),
    },
  });
  return invoice ? platformPixOf(invoice) : null;
}

function chargeKey(invoiceId: string, attempt: number): string {
  return `${CHARGE_KEY_PREFIX}${invoiceId}:${attempt}`;
}

function buyerOf(invoice: PayableInvoice) {
  const party = partyOf(invoice.customerDetails);
  const customer: { name?: string; email?: string; document?: string } = {};
  if (party.name && party.name.length >= 3) customer.name = party.name.slice(0, 120);
  if (party.email) customer.email = party.email;
  if (party.taxId && (party.taxIdType === "cpf" || (party.taxIdType === "cnpj" && /^\d+$/.test(party.taxId))))
    customer.document = party.taxId;
  return Object.keys(customer).length ? customer : undefined;
}

/**
 * The PIX code of an open BRL store invoice: the linked charge while it can still be paid, else a
 * new charge from the store's gateways (same key for concurrent callers: one charge). Null when the
 * store has no gateway that can take it; the reason is logged, the invoice stays payable otherwise.
 */
export async function storeInvoicePix(invoice: PayableInvoice): Promise<InvoicePix | null> {
  if (invoice.issuer !== "STORE" || !isPixPayable(invoice) || !invoice.displayNumber) return null;
  const linked = invoice.pixChargeId
    ? await prisma.pixCharge.findFirst({ where: { id: invoice.pixChargeId, storeId: invoice.storeId } })
    : null;
  const usable =
    linked?.status === "pending" &&
    linked.brCode &&
    linked.amountCentavos === invoice.amountDue &&
    (!linked.expiresAt || linked.expiresAt.getTime() > Date.now() + 60_000);
  let charge = usable ? linked : null;
  if (!charge) {
    const attempt = linked?.idempotencyKey ? Number(linked.idempotencyKey.split(":").at(-1)) + 1 || 1 : 1;
    try {
      const view = await createPixCharge(invoice.storeId, SYSTEM, {
        amountCentavos: invoice.amountDue,
        description: invoice.displayNumber,
        orderId: invoice.displayNumber,
        customer: buyerOf(invoice),
        expiresInSeconds: STORE_CHARGE_SECONDS,
        idempotencyKey: chargeKey(invoice.id, attempt),
      });
      charge = await prisma.pixCharge.findUniqueOrThrow({ where: { id: view.id } });
    } catch (err) {
      logger.info(
        {
          invoiceId: invoice.id,
          code: err instanceof AppError ? err.code : undefined,
          err: err instanceof AppError ? undefined : err,
        },
        "invoice: no PIX code for this open invoice",
      );
      return null;
    }
    if (charge.id !== invoice.pixChargeId)
      await prisma.$transaction((tx) => patchInvoiceTx(tx, invoice.id, { pixChargeId: charge!.id }, SYSTEM));
  }
  if (!charge.brCode || charge.status !== "pending") return null;
  return {
    brCode: charge.brCode,
    qrPngDataUrl: charge.qrImage?.startsWith("data:image/") ? charge.qrImage : await brCodeToPngDataUrl(charge.brCode),
    amountMinor: charge.amountCentavos,
    txid: null,
    source: "store_gateway",
    chargeId: charge.id,
    expiresAt: charge.expiresAt,
  };
}

/** The PIX code of any open BRL invoice (platform: static key; store: its gateways), or null. */
export function invoicePix(invoice: PayableInvoice): Promise<InvoicePix | null> {
  return invoice.issuer === "PLATFORM" ? platformPixOf(invoice) : storeInvoicePix(invoice);
}

/**
 * Job step: open invoices whose PIX charge the PIX service has marked paid (webhook, reconciler,
 * seller confirmation) become paid, once: the invoice row lock and the forward-only status make a
 * second run change nothing. The charge is the linked one, or an earlier one made for the invoice
 * (its key names the invoice) that was paid late; the invoice then links the charge that paid it.
 */
export async function settleInvoicePixPayments(limit = 200): Promise<number> {
  const due = await prisma.$queryRawUnsafe<Array<{ invoiceId: string; chargeId: string; paidAt: Date; paid: number }>>(
    `SELECT DISTINCT ON (i.id) i.id AS "invoiceId", c.id AS "chargeId", c."paidAt",
            COALESCE(c."paidAmountCentavos", c."amountCentavos") AS paid
       FROM "Invoice" i
       JOIN "PixCharge" c ON c."storeId" = i."storeId"
                         AND (c.id = i."pixChargeId" OR c."idempotencyKey" LIKE '${CHARGE_KEY_PREFIX}' || i.id || ':%')
      WHERE i.status IN ('open', 'uncollectible') AND c."paidAt" IS NOT NULL
      ORDER BY i.id, c."paidAt" ASC
      LIMIT $1`,
    limit,
  );
  let settled = 0;
  for (const row of due) {
    const { statusChanged } = await prisma.$transaction(async (tx) => {
      const result = await markPaidTx(
        tx,
        row.invoiceId,
        { paidAt: row.paidAt, paymentMethod: "pix", amountPaid: Number(row.paid) },
        SYSTEM,
        `pix_charge:${row.chargeId}`,
      );
      if (result.statusChanged) await patchInvoiceTx(tx, row.invoiceId, { pixChargeId: row.chargeId }, SYSTEM);
      return result;
    });
    if (statusChanged) settled++;
  }
  return settled;
}

/**
 * SQL condition on a PixCharge `c`: true when the charge is, or will be, the payment of one of our
 * invoices (it paid it, or its invoice is still open and the settle step will take it). A charge
 * paid for an invoice that was voided, or paid twice, is not: it gets its own receipt.
 */
export const PAYS_AN_INVOICE_SQL = `EXISTS (
  SELECT 1 FROM "Invoice" p
   WHERE (p."pixChargeId" = c.id OR c."idempotencyKey" LIKE '${CHARGE_KEY_PREFIX}' || p.id || ':%')
     AND ((p."pixChargeId" = c.id AND p.status <> 'void') OR p.status IN ('open', 'uncollectible')))`;

export type PlatformPixPayment = {
  /** The txid on the bank statement (the invoice number without separators, e.g. VIT2026000042). */
  txid: string;
  amountMinor: number;
  paidAt: Date;
  /** The PIX end-to-end id from the statement, kept in the audit trail. */
  endToEndId?: string;
};

/**
 * Records a PIX payment the platform received to its static key for one of its invoices, matched by
 * txid and exact amount: the invoice becomes paid once (a second record changes nothing), then
 * Stripe is told it was paid out of band so it stops retrying the card. A Stripe failure is logged:
 * our record stays (the money arrived), and the mirror never moves a paid invoice back.
 */
export async function recordPlatformPixPayment(payment: PlatformPixPayment, audit: AuditContext) {
  // The txid is the number without separators (VIT2026000042): the sequence number finds the invoice.
  const parsed = /^VIT\d{4}(\d{6,})$/.exec(payment.txid.trim().toUpperCase());
  const match = parsed
    ? await prisma.invoice.findUnique({
        where: { series_number: { series: PLATFORM_SERIES, number: Number(parsed[1]) } },
        select: { id: true, displayNumber: true },
      })
    : null;
  if (!match?.displayNumber || pixTxidOf(match.displayNumber) !== payment.txid.trim().toUpperCase())
    throw new AppError("not_found", "No platform invoice has this PIX txid.", { param: "txid" });
  const result = await prisma.$transaction((tx) =>
    markPlatformInvoicePaidByPixTx(
      tx,
      match.id,
      { amountMinor: payment.amountMinor, paidAt: payment.paidAt },
      audit,
      payment.endToEndId ? `pix:${payment.endToEndId}` : "pix",
    ),
  );
  if (result.refused) throw result.refused;
  if (result.changed) await tellStripePaidOutOfBand(result.invoice);
  return { invoice: result.invoice, changed: result.changed };
}
