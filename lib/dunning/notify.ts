// The messages dunning produces, written to the notification outbox inside the caller's
// transaction. Each is keyed by its case (and step), so a retried job run sends it once.
import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env/server";
import { enqueueNotification } from "@/lib/notifications/enqueue";

/** Where a seller goes back to a paid plan (and where "Manage billing" is). */
export function planPageUrl(): string {
  return `${env().APP_URL}/dashboard/plan`;
}

export type ReminderFacts = {
  storeId: string;
  caseId: string;
  /** 0-based step of the schedule. */
  step: number;
  steps: number;
  amountMinor: number;
  currency: string;
  payUrl: string;
  pixCopyPaste: string | null;
  planName: string | null;
  invoiceNumber: string | null;
  downgradeAt: Date;
  nextAttemptAt: Date | null;
};

/** Reminder n of m; the first one also says the payment failed. */
export async function notifyReminder(tx: Tx, f: ReminderFacts) {
  if (f.step === 0)
    await enqueueNotification(tx, {
      storeId: f.storeId,
      event: "plan_payment_failed",
      subjectId: f.caseId,
      payload: {
        amountMinor: f.amountMinor,
        currency: f.currency,
        payUrl: f.payUrl,
        ...(f.planName ? { planName: f.planName } : {}),
        ...(f.invoiceNumber ? { invoiceNumber: f.invoiceNumber } : {}),
        ...(f.nextAttemptAt ? { nextAttemptAt: f.nextAttemptAt } : {}),
      },
    });
  await enqueueNotification(tx, {
    storeId: f.storeId,
    event: "dunning_reminder",
    subjectId: `${f.caseId}:${f.step}`,
    payload: {
      step: f.step + 1,
      steps: f.steps,
      amountMinor: f.amountMinor,
      currency: f.currency,
      payUrl: f.payUrl,
      downgradeAt: f.downgradeAt,
      ...(f.pixCopyPaste ? { pixCopyPaste: f.pixCopyPaste } : {}),
      ...(f.planName ? { planName: f.planName } : {}),
    },
  });
}

export type DowngradeFacts = {
  storeId: string;
  caseId: string;
  fromPlanName: string;
  toPlanName: string;
  amountMinor: number;
  currency: string;
};

/** The store is on Free now: what happened and the way back (the plan page). */
export async function notifyDowngraded(tx: Tx, f: DowngradeFacts) {
  await enqueueNotification(tx, {
    storeId: f.storeId,
    event: "dunning_downgraded",
    subjectId: f.caseId,
    payload: {
      url: planPageUrl(),
      fromPlanName: f.fromPlanName,
      toPlanName: f.toPlanName,
      amountMinor: f.amountMinor,
      currency: f.currency,
    },
  });
}
