// Platform-account Stripe events for credit purchases (metadata vitrinePurpose = "credits"):
// payment_intent.* credit or record failures, charge.refunded reverses credits in proportion to
// the refunded amount, charge.dispute.* holds then releases or removes them. Each handler
// re-reads the object from Stripe, so stale, replayed or out-of-order events converge.
import "server-only";
import type Stripe from "stripe";
import type { CreditLedgerEntry } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { getStripe } from "@/lib/stripe/client";
import type { HandlerContext } from "@/lib/webhooks/stripe/context";
import { appendEntry, findEntry, inLedgerTx, lockBalance } from "@/lib/credits/ledger";
import { applyPaymentIntent, CREDITS_PURPOSE, ledgerActorOf } from "@/lib/credits/purchases";
import { shareOf } from "@/lib/money";
import { metrics } from "@/lib/metrics/registry";

const idOf = (v: string | { id: string } | null | undefined) => (typeof v === "string" ? v : (v?.id ?? null));

/** True when the event's PaymentIntent is a credit purchase on the platform account. */
export function isCreditPaymentIntent(ctx: HandlerContext): boolean {
  const pi = ctx.event.data.object as Stripe.PaymentIntent;
  return !ctx.stripeAccount && pi.metadata?.vitrinePurpose === CREDITS_PURPOSE;
}

export async function onCreditPaymentIntent(ctx: HandlerContext): Promise<void> {
  const stale = ctx.event.data.object as Stripe.PaymentIntent;
  const pi = await getStripe().paymentIntents.retrieve(stale.id);
  await applyPaymentIntent(pi, ctx.audit);
  // One event per outcome of a PaymentIntent: counted here, not where confirm or the sync also converge.
  const outcome = { "payment_intent.succeeded": "succeeded", "payment_intent.payment_failed": "failed" } as const;
  const status = outcome[ctx.event.type as keyof typeof outcome];
  if (status) metrics.billing.payments.inc({ status, provider: "stripe" });
}

async function purchaseForCharge(charge: Stripe.Charge) {
  const piId = idOf(charge.payment_intent);
  if (!piId) return null;
  return prisma.creditPurchase.findUnique({ where: { paymentIntentId: piId } });
}

/** Credits that a money amount of a purchase stands for, rounded down, never above the purchase. */
export function proportionalCredits(credits: number, amountMinor: number, partMinor: number): number {
  if (amountMinor <= 0 || partMinor <= 0) return 0;
  return Math.min(credits, shareOf(credits, Math.min(partMinor, amountMinor), amountMinor));
}

/**
 * Cumulative and convergent: the reversal due is floor(credits × amount_refunded / amount) minus
 * what earlier refunds of the purchase already accounted for (purchase.refundedAmount). Credits
 * the seller already spent cannot be taken back: the reversal stops at a zero balance and the
 * rest is recorded as `shortfall` in the entry's metadata and the audit log.
 */
export async function applyCreditRefund(charge: Stripe.Charge, audit: AuditContext): Promise<boolean> {
  const purchase = await purchaseForCharge(charge);
  if (!purchase) return false;
  if (purchase.status !== "SUCCEEDED") return true;
  await inLedgerTx(async (tx) => {
    const balance = await lockBalance(tx, purchase.storeId);
    const current = await tx.creditPurchase.findUniqueOrThrow({ where: { id: purchase.id } });
    const refunded = Math.min(charge.amount_refunded, current.amount);
    if (refunded <= current.refundedAmount) return;
    const due =
      proportionalCredits(current.credits, current.amount, refunded) -
      proportionalCredits(current.credits, current.amount, current.refundedAmount);
    const reversed = Math.min(due, Math.max(0, balance.balance));
    const shortfall = due - reversed;
    const res = await appendEntry(tx, {
      storeId: current.storeId,
      kind: "REFUND_REVERSAL",
      amount: -reversed,
      uniqueKey: `refund:${charge.id}:${refunded}`,
      reference: charge.id,
      reason: refunded >= current.amount ? "Payment refunded" : "Payment partially refunded",
      actor: ledgerActorOf(audit),
      purchaseId: current.id,
      metadata: {
        amountRefunded: refunded,
        previouslyRefunded: current.refundedAmount,
        currency: current.currency,
        creditsDue: due,
        shortfall,
      },
    });
    await tx.creditPurchase.update({ where: { id: current.id }, data: { refundedAmount: refunded } });
    if (res.created) {
      await appendAudit(tx, audit, {
        action: shortfall > 0 ? "credits.refund_shortfall" : "credits.refund_reversed",
        storeId: current.storeId,
        target: { type: "credit_purchase", id: current.id },
        after: {
          chargeId: charge.id,
          amountRefunded: refunded,
          creditsDue: due,
          creditsReversed: reversed,
          shortfall,
          balance: res.balance,
        },
      });
    }
  });
  return true;
}

export async function onCreditChargeRefunded(ctx: HandlerContext): Promise<boolean> {
  const stale = ctx.event.data.object as Stripe.Charge;
  const charge = await getStripe().charges.retrieve(stale.id);
  return applyCreditRefund(charge, ctx.audit);
}

const CLOSED_WON = new Set(["won", "warning_closed", "prevented"]);

/**
 * created (or any open status) → DISPUTE_HOLD of the disputed share, allowed below zero.
 * won → DISPUTE_RELEASE of the hold (0 if none was recorded). lost → DISPUTE_LOSS: the held credits are gone for good
 * (an entry of 0 that closes the hold), or, if no hold was recorded, the share is removed now.
 */
export async function applyCreditDispute(
  dispute: Stripe.Dispute,
  charge: Stripe.Charge,
  audit: AuditContext,
): Promise<boolean> {
  const purchase = await purchaseForCharge(charge);
  if (!purchase) return false;
  if (purchase.status !== "SUCCEEDED") return true;
  const share = proportionalCredits(purchase.credits, purchase.amount, dispute.amount);
  const actor = ledgerActorOf(audit);
  const base = { storeId: purchase.storeId, reference: dispute.id, actor, purchaseId: purchase.id };
  await inLedgerTx(async (tx) => {
    await lockBalance(tx, purchase.storeId);
    const hold: CreditLedgerEntry | null = await findEntry(tx, purchase.storeId, `dispute-hold:${dispute.id}`);
    const held = hold ? -hold.amount : 0;
    const closeKey = `dispute-close:${dispute.id}`;
    let res;
    if (dispute.status === "lost") {
      res = await appendEntry(tx, {
        ...base,
        kind: "DISPUTE_LOSS",
        amount: hold ? 0 : -share,
        uniqueKey: closeKey,
        reason: "Dispute lost",
        allowNegative: true,
        heldDelta: -held,
        metadata: {
          disputeStatus: dispute.status,
          disputeAmount: dispute.amount,
          heldBefore: held,
          credits: hold ? held : share,
        },
      });
    } else if (CLOSED_WON.has(dispute.status)) {
      // Without a recorded hold the release is 0: it still closes the dispute, so a stale "open" cannot hold later.
      res = await appendEntry(tx, {
        ...base,
        kind: "DISPUTE_RELEASE",
        amount: held,
        uniqueKey: closeKey,
        reason: "Dispute won",
        heldDelta: -held,
        metadata: { disputeStatus: dispute.status, disputeAmount: dispute.amount },
      });
    } else {
      if (await findEntry(tx, purchase.storeId, closeKey)) return;
      res = await appendEntry(tx, {
        ...base,
        kind: "DISPUTE_HOLD",
        amount: -share,
        uniqueKey: `dispute-hold:${dispute.id}`,
        reason: dispute.reason ? `Dispute opened: ${dispute.reason}` : "Dispute opened",
        allowNegative: true,
        heldDelta: share,
        metadata: { disputeStatus: dispute.status, disputeAmount: dispute.amount },
      });
    }
    if (res.created) {
      await appendAudit(tx, audit, {
        action: `credits.${res.entry.kind.toLowerCase()}`,
        storeId: purchase.storeId,
        target: { type: "credit_purchase", id: purchase.id },
        after: {
          disputeId: dispute.id,
          disputeStatus: dispute.status,
          credits: res.entry.amount,
          balance: res.balance,
          held: res.held,
        },
      });
    }
  });
  return true;
}

export async function onCreditDispute(ctx: HandlerContext): Promise<boolean> {
  const stale = ctx.event.data.object as Stripe.Dispute;
  const dispute = await getStripe().disputes.retrieve(stale.id);
  const charge = await getStripe().charges.retrieve(idOf(dispute.charge)!);
  return applyCreditDispute(dispute, charge, ctx.audit);
}
