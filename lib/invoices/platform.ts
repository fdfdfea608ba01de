// Vitrine's invoices to sellers. Plan invoices are mirrored from Stripe's invoices on the platform
// account (finalized / paid / payment_failed / voided / marked_uncollectible, re-read from Stripe
// each time, so a stale or replayed event converges): one Invoice per Stripe invoice, numbered in
// the platform series when we first see it finalised. Credit purchases become a paid invoice each;
// their refunds, credit notes. Overage is paid in credits (lib/billing), so it has no money invoice.
import "server-only";
import type Stripe from "stripe";
import type { AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { createTranslator } from "@/lib/i18n/translate";
import { logger } from "@/lib/log/logger";
import { getStripe } from "@/lib/stripe/client";
import { type InvoiceWithLines, type IssuedHook, issueInvoice } from "./issue";
import { platformParty, storeParty } from "./parties";
import { markPaidTx, patchInvoiceTx } from "./status";
import { allocateDiscount, totalsOf } from "./totals";
import type { DiscountSnapshot, Finalisation, LineInput } from "./types";

const idOf = (v: string | { id?: string } | null | undefined) => (typeof v === "string" ? v : (v?.id ?? null));
const at = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);

async function ownerLocale(storeId: string): Promise<Locale> {
  const store = await prisma.store.findUnique({
    where: { id: storeId },
    select: { owner: { select: { locale: true } } },
  });
  return isLocale(store?.owner.locale) ? store.owner.locale : "pt-BR";
}

/** All lines of a Stripe invoice (the embedded list holds the first page only). */
async function linesOf(inv: Stripe.Invoice): Promise<Stripe.InvoiceLineItem[]> {
  if (!inv.lines?.has_more) return inv.lines?.data ?? [];
  const out: Stripe.InvoiceLineItem[] = [];
  for await (const line of getStripe().invoices.listLineItems(inv.id!, { limit: 100 })) out.push(line);
  return out;
}

/** A Stripe line as ours: whole unit amounts when the amount divides by the quantity, else one line of the total. */
function lineOf(line: Stripe.InvoiceLineItem): LineInput {
  const quantity = line.quantity && line.quantity > 0 ? line.quantity : 1;
  const whole = line.amount % quantity === 0;
  const discount = (line.discount_amounts ?? []).reduce((sum, d) => sum + d.amount, 0);
  const tax = ((line as { taxes?: Array<{ amount: number }> }).taxes ?? []).reduce((sum, t) => sum + t.amount, 0);
  const description = line.description?.trim() || "Vitrine";
  return {
    description: whole || quantity === 1 ? description : `${description} (× ${quantity})`,
    quantity: whole ? quantity : 1,
    unitAmount: whole ? line.amount / quantity : line.amount,
    discountAmount: Math.min(discount, Math.max(0, line.amount)),
    taxAmount: tax,
    periodStart: at(line.period?.start),
    periodEnd: at(line.period?.end),
  };
}

/** Coupon names for the discounts Stripe applied: our Coupon/PromotionCode rows, else Stripe's ids. */
async function discountsOf(inv: Stripe.Invoice): Promise<DiscountSnapshot[]> {
  const amounts = inv.total_discount_amounts ?? [];
  if (amounts.length === 0) return [];
  const objects = new Map(
    (inv.discounts ?? [])
      .filter((d): d is Stripe.Discount => typeof d === "object" && d !== null)
      .map((d) => [d.id, d]),
  );
  const out: DiscountSnapshot[] = [];
  for (const a of amounts) {
    const discountId = idOf(a.discount as string | { id: string });
    const discount = discountId ? objects.get(discountId) : undefined;
    const couponId = idOf(
      (discount as { source?: { coupon?: string | { id: string } }; coupon?: { id: string } } | undefined)?.source
        ?.coupon ?? (discount as { coupon?: { id: string } } | undefined)?.coupon,
    );
    const promoId = idOf(discount?.promotion_code as string | { id: string } | null | undefined);
    const [coupon, promo] = await Promise.all([
      couponId ? prisma.coupon.findFirst({ where: { stripeCouponId: couponId }, select: { name: true } }) : null,
      promoId
        ? prisma.promotionCode.findFirst({ where: { stripePromotionCodeId: promoId }, select: { code: true } })
        : null,
    ]);
    // A coupon made on Stripe directly (not through Vitrine): its name from Stripe.
    const name =
      coupon?.name ??
      (couponId
        ? await getStripe()
            .coupons.retrieve(couponId)
            .then(
              (c) => c.name ?? c.id,
              () => couponId,
            )
        : null);
    out.push({ name: name ?? "—", code: promo?.code ?? null, amount: a.amount });
  }
  return out;
}

function finalisationOf(inv: Stripe.Invoice): Finalisation {
  const finalizedAt = at(inv.status_transitions?.finalized_at) ?? at(inv.created) ?? new Date();
  if (inv.status === "paid")
    return {
      status: "paid",
      finalizedAt,
      paidAt: at(inv.status_transitions?.paid_at) ?? new Date(),
      amountPaid: inv.amount_paid,
    };
  if (inv.status === "void")
    return { status: "void", finalizedAt, voidedAt: at(inv.status_transitions?.voided_at) ?? new Date() };
  return { status: "open", finalizedAt };
}

/**
 * Mirrors one platform Stripe invoice (re-read by the caller): creates and numbers our invoice the
 * first time it is finalised, then follows its status forward. Drafts, other customers and other
 * accounts' invoices are ignored (null).
 */
export async function mirrorStripeInvoice(
  inv: Stripe.Invoice,
  audit: AuditContext,
  onIssued?: IssuedHook,
): Promise<InvoiceWithLines | null> {
  if (!inv.id || inv.status === "draft" || !inv.status) return null;
  const customerId = idOf(inv.customer as string | { id: string } | null);
  const store = customerId
    ? await prisma.store.findUnique({ where: { platformCustomerId: customerId }, select: { id: true } })
    : null;
  if (!store) return null;

  const existing = await prisma.invoice.findUnique({
    where: { issuer_sourceType_sourceId: { issuer: "PLATFORM", sourceType: "plan", sourceId: inv.id } },
  });
  if (!existing) {
    const raw = (await linesOf(inv)).map(lineOf);
    const lineDiscounts = raw.reduce((s, l) => s + (l.discountAmount ?? 0), 0);
    const invoiceDiscounts = (inv.total_discount_amounts ?? []).reduce((s, d) => s + d.amount, 0);
    const lines = invoiceDiscounts > lineDiscounts ? allocateDiscount(raw, invoiceDiscounts - lineDiscounts) : raw;
    if (totalsOf(lines).total !== inv.total)
      logger.warn(
        { stripeInvoiceId: inv.id, ours: totalsOf(lines).total, stripe: inv.total },
        "platform invoice: lines do not add up to Stripe's total",
      );
    const how = finalisationOf(inv);
    const result = await issueInvoice(
      {
        issuer: "PLATFORM",
        storeId: store.id,
        sourceType: "plan",
        sourceId: inv.id,
        currency: inv.currency,
        lines,
        discounts: await discountsOf(inv),
        issuerDetails: platformParty(),
        customerDetails: await storeParty(prisma, store.id),
        locale: await ownerLocale(store.id),
        dueDate: at(inv.due_date) ?? how.finalizedAt,
        paymentMethod: inv.status === "paid" ? (inv.amount_paid > 0 ? "card" : null) : null,
        stripeInvoiceId: inv.id,
        hostedInvoiceUrl: inv.hosted_invoice_url ?? null,
      },
      how,
      audit,
      { onIssued },
    );
    const invoice = result.invoice;
    // Issued earlier by a concurrent delivery, or uncollectible (issued open first): follow Stripe's status.
    return invoice.status === inv.status ? invoice : followStatus(invoice.id, inv, audit);
  }
  return followStatus(existing.id, inv, audit);
}

/** Moves our invoice where Stripe's went (forward only: a paid or void invoice stays so). */
async function followStatus(invoiceId: string, inv: Stripe.Invoice, audit: AuditContext): Promise<InvoiceWithLines> {
  return prisma.$transaction(async (tx) => {
    if (inv.status === "paid") {
      const current = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId }, select: { paymentMethod: true } });
      return (
        await markPaidTx(
          tx,
          invoiceId,
          {
            paidAt: at(inv.status_transitions?.paid_at) ?? new Date(),
            paymentMethod: current.paymentMethod ?? (inv.amount_paid > 0 ? "card" : "other"),
            amountPaid: inv.amount_paid,
          },
          audit,
          "stripe",
        )
      ).invoice;
    }
    if (inv.status === "void")
      return (
        await patchInvoiceTx(
          tx,
          invoiceId,
          { status: "void", voidedAt: at(inv.status_transitions?.voided_at) ?? new Date(), amountDue: 0 },
          audit,
          "stripe",
        )
      ).invoice;
    return (
      await patchInvoiceTx(
        tx,
        invoiceId,
        {
          status: inv.status === "uncollectible" ? "uncollectible" : "open",
          amountDue: inv.amount_remaining ?? inv.amount_due,
          hostedInvoiceUrl: inv.hosted_invoice_url ?? null,
        },
        audit,
        "stripe",
      )
    ).invoice;
  });
}

/** Re-reads a platform invoice from Stripe (with its discounts) and mirrors it; `onIssued` when it is new. */
export async function syncStripeInvoice(stripeInvoiceId: string, audit: AuditContext, onIssued?: IssuedHook) {
  const inv = await getStripe().invoices.retrieve(stripeInvoiceId, { expand: ["discounts"] });
  return mirrorStripeInvoice(inv, audit, onIssued);
}

/**
 * Recovery: our open platform invoices are re-read from Stripe, so one whose "paid" or "voided"
 * event never arrived (or fell outside the event sync's window) still converges.
 */
export async function reconcileOpenPlatformInvoices(limit = 100): Promise<number> {
  const open = await prisma.invoice.findMany({
    where: { issuer: "PLATFORM", status: { in: ["open", "uncollectible"] }, stripeInvoiceId: { not: null } },
    select: { id: true, stripeInvoiceId: true, status: true },
    orderBy: { updatedAt: "asc" },
    take: limit,
  });
  let changed = 0;
  for (const row of open) {
    const after = await syncStripeInvoice(row.stripeInvoiceId!, { actor: { type: "system", id: "stripe-sync" } }).catch(
      (err: unknown) => {
        logger.warn({ err, invoiceId: row.id }, "platform invoice re-read failed");
        return null;
      },
    );
    if (after && after.status !== row.status) changed++;
  }
  return changed;
}

const SYSTEM: AuditContext = { actor: { type: "system", id: "invoices" } };

/** Job step: each succeeded credit purchase without an invoice gets its paid invoice. */
export async function issueCreditPurchaseInvoices(limit = 100): Promise<number> {
  const due = await prisma.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT p.id FROM "CreditPurchase" p
      WHERE p.status = 'SUCCEEDED'
        AND NOT EXISTS (SELECT 1 FROM "Invoice" i WHERE i.issuer = 'PLATFORM' AND i."sourceType" = 'credits' AND i."sourceId" = p.id)
      ORDER BY p."createdAt" ASC LIMIT $1`,
    limit,
  );
  let issued = 0;
  for (const { id } of due) {
    const purchase = await prisma.creditPurchase.findUniqueOrThrow({ where: { id }, include: { package: true } });
    const redemption = await prisma.couponRedemption.findFirst({
      where: { targetType: "credit_purchase", targetId: purchase.id, status: "redeemed" },
      include: { coupon: { select: { name: true } }, promotionCode: { select: { code: true } } },
    });
    const off = redemption && redemption.amountOff > 0 ? redemption.amountOff : 0;
    const locale = await ownerLocale(purchase.storeId);
    const t = createTranslator(locale);
    const description = purchase.package
      ? t("invoices.lines.creditsPackage", { credits: purchase.credits, package: purchase.package.name })
      : t("invoices.lines.credits", { credits: purchase.credits });
    const paidAt = purchase.creditedAt ?? purchase.updatedAt;
    const { created } = await issueInvoice(
      {
        issuer: "PLATFORM",
        storeId: purchase.storeId,
        sourceType: "credits",
        sourceId: purchase.id,
        currency: purchase.currency,
        lines: [{ description, quantity: 1, unitAmount: purchase.amount + off, discountAmount: off }],
        discounts: off
          ? [{ name: redemption!.coupon.name, code: redemption!.promotionCode?.code ?? null, amount: off }]
          : undefined,
        issuerDetails: platformParty(),
        customerDetails: await storeParty(prisma, purchase.storeId),
        locale,
        paymentMethod: "card",
      },
      { status: "paid", finalizedAt: paidAt, paidAt, amountPaid: purchase.amount },
      SYSTEM,
    );
    if (created) issued++;
  }
  return issued;
}
