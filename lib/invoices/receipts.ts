// A store's documents to its buyers: a paid receipt for every paid order (card) and every paid PIX
// charge, and a credit note for every refund (Stripe refunds recorded on orders as
// PaymentAdjustment rows; PIX devoluções as PixRefund rows), partial refunds giving partial notes.
// Each step finds what has no document yet with one NOT EXISTS query on the unique
// (issuer, sourceType, sourceId), so running it again, or on two servers at once, issues nothing twice.
import "server-only";
import type { AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { storedBuyerLocale } from "@/lib/i18n/buyer-locale";
import { createTranslator } from "@/lib/i18n/translate";
import { type InvoiceWithLines, issueInvoice } from "./issue";
import { orderBuyer, partyOf, pixBuyer, storeParty } from "./parties";
import { PAYS_AN_INVOICE_SQL } from "./pix";
import type { DiscountSnapshot, LineInput } from "./types";

const SYSTEM: AuditContext = { actor: { type: "system", id: "invoices" } };
/** Order states that were paid first (a refund or dispute comes after the payment). */
const PAID_ORDER_STATES = `('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'DISPUTED')`;
const PAID_PIX_STATES = `('paid', 'refunded', 'disputed')`;

async function orderDiscounts(order: { id: string; checkoutSessionId: string | null }): Promise<DiscountSnapshot[]> {
  const rows = await prisma.couponRedemption.findMany({
    where: {
      status: "redeemed",
      OR: [
        { targetType: "order", targetId: order.id },
        ...(order.checkoutSessionId ? [{ targetType: "checkout_session", targetId: order.checkoutSessionId }] : []),
      ],
    },
    include: { coupon: { select: { name: true } }, promotionCode: { select: { code: true } } },
  });
  return rows
    .filter((r) => r.amountOff > 0)
    .map((r) => ({ name: r.coupon.name, code: r.promotionCode?.code ?? null, amount: r.amountOff }));
}

/** The order as lines: the product at its list price times the quantity, less what the buyer did not pay. */
function orderLine(
  order: { amountTotal: number; quantity: number },
  productName: string,
  unitAmount: number,
): LineInput {
  const quantity = Math.max(1, order.quantity);
  const list = unitAmount * quantity;
  if (list >= order.amountTotal)
    return { description: productName, quantity, unitAmount, discountAmount: list - order.amountTotal };
  // Charged more than the list price (a price changed since): the amount charged, as one line.
  return {
    description: quantity > 1 ? `${productName} (× ${quantity})` : productName,
    quantity: 1,
    unitAmount: order.amountTotal,
  };
}

/**
 * Job step: a paid receipt for each paid order that has none. `onlyId`: that order alone (a buyer
 * asking for their receipt's PDF before the job's next run).
 */
export async function issueOrderReceipts(limit = 200, onlyId?: string): Promise<number> {
  const due = await prisma.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT o.id FROM "Order" o
      WHERE o.status IN ${PAID_ORDER_STATES} AND o."paidAt" IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM "Invoice" i WHERE i.issuer = 'STORE' AND i."sourceType" = 'order' AND i."sourceId" = o.id)
        AND ($2::text IS NULL OR o.id = $2)
      ORDER BY o."paidAt" ASC LIMIT $1`,
    limit,
    onlyId ?? null,
  );
  let issued = 0;
  for (const { id } of due) {
    const order = await prisma.order.findUniqueOrThrow({
      where: { id },
      include: { price: { include: { product: true } } },
    });
    const discounts = await orderDiscounts(order);
    const { created } = await issueInvoice(
      {
        issuer: "STORE",
        storeId: order.storeId,
        sourceType: "order",
        sourceId: order.id,
        currency: order.currency,
        // A subscription renewal's receipt names the period it pays for.
        lines: [
          {
            ...orderLine(order, order.price.product.name, order.price.unitAmount),
            periodStart: order.periodStart,
            periodEnd: order.periodEnd,
          },
        ],
        discounts,
        issuerDetails: await storeParty(prisma, order.storeId),
        customerDetails: orderBuyer(order),
        // The buyer's language at checkout; unknown (an API order): Portuguese for reais, else English.
        locale: storedBuyerLocale(order.buyerLocale, order.currency),
        paymentMethod: order.paymentMethodType === "boleto" ? "boleto" : "card",
      },
      { status: "paid", finalizedAt: order.paidAt!, paidAt: order.paidAt!, amountPaid: order.amountTotal },
      SYSTEM,
    );
    if (created) issued++;
  }
  return issued;
}

/**
 * Job step: a paid receipt for each paid PIX charge that has none, except a charge that paid one
 * of our own invoices (that invoice is the document; see ./pix.ts). Run after the settle step.
 * `onlyId`: that charge alone.
 */
export async function issuePixReceipts(limit = 200, onlyId?: string): Promise<number> {
  const due = await prisma.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT c.id FROM "PixCharge" c
      WHERE c.status IN ${PAID_PIX_STATES} AND c."paidAt" IS NOT NULL
        AND NOT ${PAYS_AN_INVOICE_SQL}
        AND NOT EXISTS (SELECT 1 FROM "Invoice" i WHERE i.issuer = 'STORE' AND i."sourceType" = 'pix_charge' AND i."sourceId" = c.id)
        AND ($2::text IS NULL OR c.id = $2)
      ORDER BY c."paidAt" ASC LIMIT $1`,
    limit,
    onlyId ?? null,
  );
  let issued = 0;
  for (const { id } of due) {
    const charge = await prisma.pixCharge.findUniqueOrThrow({ where: { id } });
    const paid = charge.paidAmountCentavos ?? charge.amountCentavos;
    const { created } = await issueInvoice(
      {
        issuer: "STORE",
        storeId: charge.storeId,
        sourceType: "pix_charge",
        sourceId: charge.id,
        currency: "BRL",
        lines: [{ description: charge.description, quantity: 1, unitAmount: paid }],
        issuerDetails: await storeParty(prisma, charge.storeId),
        customerDetails: pixBuyer(charge),
        locale: storedBuyerLocale(charge.buyerLocale, "BRL"),
        paymentMethod: "pix",
      },
      { status: "paid", finalizedAt: charge.paidAt!, paidAt: charge.paidAt!, amountPaid: paid },
      SYSTEM,
    );
    if (created) issued++;
  }
  return issued;
}

type Refund = { key: string; amountMinor: number; at: Date; method: string };

/**
 * Issues the credit note of one refund against `original`: same parties as the original, one line,
 * in the credit-note series. Never more than what the original still has uncredited.
 */
async function issueCreditNote(original: InvoiceWithLines | { id: string }, refund: Refund): Promise<boolean> {
  const invoice = await prisma.invoice.findUniqueOrThrow({ where: { id: original.id } });
  const credited = await prisma.invoice.aggregate({
    where: { creditedInvoiceId: invoice.id, kind: "CREDIT_NOTE", status: { not: "void" } },
    _sum: { total: true },
  });
  const room = invoice.total - (credited._sum.total ?? 0);
  const amount = Math.min(refund.amountMinor, room);
  if (amount <= 0) return false;
  const t = createTranslator(invoice.locale === "en" ? "en" : "pt-BR");
  const partial = amount < invoice.total;
  const { created } = await issueInvoice(
    {
      issuer: invoice.issuer,
      kind: "CREDIT_NOTE",
      storeId: invoice.storeId,
      sourceType: "credit_note",
      sourceId: refund.key,
      creditedInvoiceId: invoice.id,
      currency: invoice.currency,
      lines: [
        {
          description: t(partial ? "invoices.lines.refundPartial" : "invoices.lines.refund", {
            number: invoice.displayNumber ?? "",
          }),
          quantity: 1,
          unitAmount: amount,
        },
      ],
      issuerDetails: partyOf(invoice.issuerDetails),
      customerDetails: partyOf(invoice.customerDetails),
      locale: invoice.locale,
      paymentMethod: refund.method,
    },
    { status: "paid", finalizedAt: refund.at, paidAt: refund.at, amountPaid: amount },
    SYSTEM,
  );
  return created;
}

/**
 * Job step: credit notes for refunds that have none — card refunds of orders with a receipt (each
 * Stripe refund its own note), PIX devoluções of charges with a receipt or an invoice, and refunds
 * of credit purchases (one note per newly refunded amount).
 */
export async function issueCreditNotes(limit = 200): Promise<number> {
  let issued = 0;
  const cardRefunds = await prisma.$queryRawUnsafe<
    Array<{ stripeId: string; amount: number; createdAt: Date; receiptId: string }>
  >(
    `SELECT a."stripeId", a.amount, a."createdAt", r.id AS "receiptId" FROM "PaymentAdjustment" a
       JOIN "Invoice" r ON r.issuer = 'STORE' AND r."sourceType" = 'order' AND r."sourceId" = a."orderId"
      WHERE a.kind = 'refund' AND a.status IN ('succeeded', 'pending')
        AND NOT EXISTS (SELECT 1 FROM "Invoice" i WHERE i.issuer = 'STORE' AND i."sourceType" = 'credit_note'
                         AND i."sourceId" = 'refund:' || a."stripeId")
      ORDER BY a."createdAt" ASC LIMIT $1`,
    limit,
  );
  for (const r of cardRefunds)
    if (
      await issueCreditNote(
        { id: r.receiptId },
        { key: `refund:${r.stripeId}`, amountMinor: r.amount, at: r.createdAt, method: "card" },
      )
    )
      issued++;

  const pixRefunds = await prisma.$queryRawUnsafe<
    Array<{ refundId: string; amountCentavos: number; updatedAt: Date; receiptId: string }>
  >(
    `SELECT f."refundId", f."amountCentavos", f."updatedAt", r.id AS "receiptId" FROM "PixRefund" f
       JOIN "Invoice" r ON r.issuer = 'STORE' AND r.kind = 'INVOICE'
                       AND ((r."sourceType" = 'pix_charge' AND r."sourceId" = f."chargeId") OR r."pixChargeId" = f."chargeId")
      WHERE f.status = 'refunded'
        AND NOT EXISTS (SELECT 1 FROM "Invoice" i WHERE i.issuer = 'STORE' AND i."sourceType" = 'credit_note'
                         AND i."sourceId" = 'pix_refund:' || f."refundId")
      ORDER BY f."updatedAt" ASC LIMIT $1`,
    limit,
  );
  for (const r of pixRefunds)
    if (
      await issueCreditNote(
        { id: r.receiptId },
        { key: `pix_refund:${r.refundId}`, amountMinor: r.amountCentavos, at: r.updatedAt, method: "pix" },
      )
    )
      issued++;

  const creditRefunds = await prisma.$queryRawUnsafe<
    Array<{ id: string; refundedAmount: number; updatedAt: Date; invoiceId: string; credited: number }>
  >(
    `SELECT p.id, p."refundedAmount", p."updatedAt", v.id AS "invoiceId",
            COALESCE((SELECT SUM(n.total) FROM "Invoice" n WHERE n."creditedInvoiceId" = v.id AND n.kind = 'CREDIT_NOTE' AND n.status <> 'void'), 0)::int AS credited
       FROM "CreditPurchase" p
       JOIN "Invoice" v ON v.issuer = 'PLATFORM' AND v."sourceType" = 'credits' AND v."sourceId" = p.id
      WHERE p."refundedAmount" > 0
        AND NOT EXISTS (SELECT 1 FROM "Invoice" i WHERE i.issuer = 'PLATFORM' AND i."sourceType" = 'credit_note'
                         AND i."sourceId" = 'credits_refund:' || p.id || ':' || p."refundedAmount")
      LIMIT $1`,
    limit,
  );
  for (const r of creditRefunds)
    if (
      r.refundedAmount > r.credited &&
      (await issueCreditNote(
        { id: r.invoiceId },
        {
          key: `credits_refund:${r.id}:${r.refundedAmount}`,
          amountMinor: r.refundedAmount - r.credited,
          at: r.updatedAt,
          method: "card",
        },
      ))
    )
      issued++;
  return issued;
}
