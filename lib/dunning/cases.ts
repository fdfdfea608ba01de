// A dunning case: one failed plan invoice being recovered. Opened once per Stripe invoice (a
// replayed or repeated failure changes nothing), ended once by whichever route settles it first.
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { prisma, type Tx } from "@/lib/db/client";
import { enqueueNotification } from "@/lib/notifications/enqueue";
import { getDunningSchedule, reminderDueAt } from "./schedule";

export type DunningStatus = "active" | "recovered" | "downgraded" | "canceled";
export type DunningEndReason = "paid_card" | "paid_pix" | "downgraded" | "canceled";

export type OpenCaseInput = {
  storeId: string;
  stripeInvoiceId: string;
  amountDue: number;
  currency: string;
  /** When the payment failed (Stripe's event time): the schedule counts days from here. */
  failedAt: Date;
};

/** Opens the case for a failed invoice, or returns the one already open for it. */
export async function openDunningCase(input: OpenCaseInput, audit: AuditContext) {
  return prisma.$transaction(async (tx) => {
    const schedule = await getDunningSchedule(tx);
    const invoice = await tx.invoice.findFirst({
      where: { issuer: "PLATFORM", storeId: input.storeId, stripeInvoiceId: input.stripeInvoiceId },
      select: { id: true },
    });
    const { count } = await tx.dunningCase.createMany({
      data: [
        {
          storeId: input.storeId,
          stripeInvoiceId: input.stripeInvoiceId,
          invoiceId: invoice?.id ?? null,
          amountDue: input.amountDue,
          currency: input.currency.toUpperCase(),
          startedAt: input.failedAt,
          nextStepAt: reminderDueAt(input.failedAt, schedule.days, 0),
        },
      ],
      skipDuplicates: true,
    });
    const row = await tx.dunningCase.findUniqueOrThrow({ where: { stripeInvoiceId: input.stripeInvoiceId } });
    if (count === 1)
      await appendAudit(tx, audit, {
        action: "dunning.case_opened",
        storeId: input.storeId,
        target: { type: "dunning_case", id: row.id },
        after: { stripeInvoiceId: row.stripeInvoiceId, amountDue: row.amountDue, currency: row.currency },
      });
    return { dunningCase: row, created: count === 1 };
  });
}

/**
 * Ends the active case of a Stripe invoice (paid by card or PIX, voided, or the plan canceled by
 * the seller). Returns the case when this call ended it, null when there was none or it had ended.
 */
export function endDunningCase(
  stripeInvoiceId: string,
  reason: Exclude<DunningEndReason, "downgraded">,
  audit: AuditContext,
) {
  return prisma.$transaction((tx) => endDunningCaseIn(tx, stripeInvoiceId, reason, audit));
}

/** endDunningCase inside the caller's transaction. */
export async function endDunningCaseIn(
  tx: Tx,
  stripeInvoiceId: string,
  reason: Exclude<DunningEndReason, "downgraded">,
  audit: AuditContext,
) {
  const status: DunningStatus = reason === "canceled" ? "canceled" : "recovered";
  const now = new Date();
  const { count } = await tx.dunningCase.updateMany({
    where: { stripeInvoiceId, status: "active" },
    data: { status, endReason: reason, endedAt: now, nextStepAt: null },
  });
  if (count === 0) return null;
  const row = await tx.dunningCase.findUniqueOrThrow({ where: { stripeInvoiceId } });
  await appendAudit(tx, audit, {
    action: status === "recovered" ? "dunning.case_recovered" : "dunning.case_canceled",
    storeId: row.storeId,
    target: { type: "dunning_case", id: row.id },
    before: { status: "active", step: row.step },
    after: { status, endReason: reason },
  });
  // The seller hears the good news once (the outbox key is the case), in the same transaction.
  if (status === "recovered") {
    const ours = await tx.invoice.findFirst({
      where: { issuer: "PLATFORM", stripeInvoiceId },
      select: { displayNumber: true },
    });
    await enqueueNotification(tx, {
      storeId: row.storeId,
      event: "dunning_recovered",
      subjectId: row.id,
      payload: {
        amountMinor: row.amountDue,
        currency: row.currency,
        invoiceNumber: ours?.displayNumber ?? null,
        method: reason === "paid_pix" ? "pix" : reason === "paid_card" ? "card" : "other",
      },
    });
  }
  return row;
}

/** Active cases of a store, oldest first. */
export function activeCasesOfStore(storeId: string) {
  return prisma.dunningCase.findMany({ where: { storeId, status: "active" }, orderBy: { startedAt: "asc" } });
}
