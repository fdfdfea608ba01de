// The dunning job's work: settle cases whose invoice was paid or voided by any route, then for
// each case that is due, re-check its invoice at Stripe and either send the next reminder or, past
// the last one, downgrade the store to Free. `now` is injectable so tests walk the schedule.
import type Stripe from "stripe";
import type { DunningCase } from "@/generated/prisma/client";
import type { AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { getStripe } from "@/lib/stripe/client";
import { callStripe } from "@/lib/stripe/errors";
import { endDunningCase } from "./cases";
import { canceledForNonPayment, cancelAtStripe, finishDowngrade, subscriptionIdOfInvoice } from "./downgrade";
import { notifyReminder } from "./notify";
import { payOptionsFor } from "./pay-options";
import { downgradeDueAt, getDunningSchedule, nextAction } from "./schedule";

export const SYSTEM_AUDIT: AuditContext = { actor: { type: "system", id: "dunning" } };
const BATCH = 50;

export type AdvanceReport = { settled: number; reminders: number; downgraded: number; ended: number; failed: number };

type Outcome = "reminder" | "downgraded" | "ended" | "rescheduled" | "skipped";

/**
 * Cases whose own invoice record is paid or void (a PIX payment marks it, with no Stripe event
 * necessarily behind it) end now rather than at their next step.
 */
async function settlePaidCases(): Promise<number> {
  const settled = await prisma.$queryRawUnsafe<
    { stripeInvoiceId: string; status: string; paymentMethod: string | null }[]
  >(
    `SELECT d."stripeInvoiceId", i.status, i."paymentMethod"
       FROM "DunningCase" d
       JOIN "Invoice" i ON i.issuer = 'PLATFORM' AND i."stripeInvoiceId" = d."stripeInvoiceId"
      WHERE d.status = 'active' AND i.status IN ('paid', 'void')`,
  );
  let ended = 0;
  for (const row of settled) {
    const reason = row.status === "void" ? "canceled" : row.paymentMethod === "pix" ? "paid_pix" : "paid_card";
    if (await endDunningCase(row.stripeInvoiceId, reason, SYSTEM_AUDIT)) ended++;
  }
  return ended;
}

export async function advanceDueCases(opts: { now?: Date; limit?: number } = {}): Promise<AdvanceReport> {
  const now = opts.now ?? new Date();
  const report: AdvanceReport = { settled: await settlePaidCases(), reminders: 0, downgraded: 0, ended: 0, failed: 0 };
  const due = await prisma.dunningCase.findMany({
    where: { status: "active", nextStepAt: { lte: now } },
    orderBy: { nextStepAt: "asc" },
    take: opts.limit ?? BATCH,
  });
  for (const c of due) {
    try {
      const outcome = await advanceCase(c, now);
      if (outcome === "reminder") report.reminders++;
      else if (outcome === "downgraded") report.downgraded++;
      else if (outcome === "ended") report.ended++;
    } catch (err) {
      // One case's failure (Stripe unreachable, a PIX gateway down) never holds the others back;
      // the case stays due and the next run tries again.
      report.failed++;
      logger.warn({ err, dunningCase: c.id }, "dunning: could not advance case; retrying next run");
    }
  }
  return report;
}

/** Ends the case when its invoice is settled or its subscription is gone; returns whether it did. */
async function endIfSettled(c: DunningCase, invoice: Stripe.Invoice): Promise<"ended" | "downgraded" | null> {
  const ours = await prisma.invoice.findFirst({
    where: { issuer: "PLATFORM", stripeInvoiceId: c.stripeInvoiceId },
    select: { status: true, paymentMethod: true },
  });
  if (ours?.status === "paid" || invoice.status === "paid") {
    await endDunningCase(c.stripeInvoiceId, ours?.paymentMethod === "pix" ? "paid_pix" : "paid_card", SYSTEM_AUDIT);
    return "ended";
  }
  if (ours?.status === "void" || invoice.status === "void") {
    await endDunningCase(c.stripeInvoiceId, "canceled", SYSTEM_AUDIT);
    return "ended";
  }
  const subId = subscriptionIdOfInvoice(invoice);
  if (!subId) return null;
  const sub = await callStripe(() => getStripe().subscriptions.retrieve(subId));
  if (sub.status !== "canceled") return null;
  if (canceledForNonPayment(sub)) {
    await finishDowngrade(c.storeId, SYSTEM_AUDIT);
    return "downgraded";
  }
  await endDunningCase(c.stripeInvoiceId, "canceled", SYSTEM_AUDIT);
  return "ended";
}

export async function advanceCase(c: DunningCase, now: Date): Promise<Outcome> {
  const invoice = await callStripe(() => getStripe().invoices.retrieve(c.stripeInvoiceId));
  const settled = await endIfSettled(c, invoice);
  if (settled) return settled;
  const schedule = await getDunningSchedule();
  const action = nextAction(c.startedAt, schedule.days, c.step, null);
  if (action.at > now) {
    // The admin lengthened the schedule since this case was last moved.
    await prisma.dunningCase.updateMany({ where: { id: c.id, status: "active" }, data: { nextStepAt: action.at } });
    return "rescheduled";
  }
  if (action.kind === "downgrade") {
    await cancelAtStripe(c.id, invoice);
    return (await finishDowngrade(c.storeId, SYSTEM_AUDIT, now)) ? "downgraded" : "skipped";
  }
  const amountMinor = invoice.amount_remaining > 0 ? invoice.amount_remaining : c.amountDue;
  const pay = await payOptionsFor(c, invoice);
  const after = nextAction(c.startedAt, schedule.days, action.step, now);
  const sent = await prisma.$transaction(async (tx) => {
    // The claim: only the run that moves the case from this step sends the reminder.
    const { count } = await tx.dunningCase.updateMany({
      where: { id: c.id, status: "active", step: c.step },
      data: { step: action.step, nextStepAt: after.at, amountDue: amountMinor },
    });
    if (count === 0) return false;
    await notifyReminder(tx, {
      storeId: c.storeId,
      caseId: c.id,
      step: action.step,
      steps: schedule.days.length,
      amountMinor,
      currency: c.currency,
      payUrl: pay.payUrl,
      pixCopyPaste: pay.pix?.copyPaste ?? null,
      planName: pay.planName,
      invoiceNumber: invoice.number ?? null,
      downgradeAt: after.kind === "downgrade" ? after.at : downgradeDueAt(c.startedAt, schedule.days),
      nextAttemptAt: invoice.next_payment_attempt ? new Date(invoice.next_payment_attempt * 1000) : null,
    });
    return true;
  });
  return sent ? "reminder" : "skipped";
}
