// What the seller's billing banner says, if anything: a plan payment that failed (amount, how to
// pay, PIX for BRL, when the store drops to Free), the recent move to Free and the way back, or a
// trial about to end. Read for the seller's own store only.
import { prisma } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { getStripe } from "@/lib/stripe/client";
import { pixForOverdueInvoice, type PixAlternative } from "./pix";
import { downgradeDueAt, getDunningSchedule } from "./schedule";

const DAY_MS = 86_400_000;
/** A trial ending within this many days is announced. */
export const TRIAL_NOTICE_DAYS = 7;
/** The move to Free stays announced this long, while the store is still on Free. */
export const DOWNGRADE_NOTICE_DAYS = 30;

export type BillingBanner =
  | {
      kind: "payment_failed";
      /** true once the first reminder's day has passed without payment. */
      overdue: boolean;
      amountMinor: number;
      currency: string;
      payUrl: string;
      pix: PixAlternative | null;
      failedAt: Date;
      downgradeAt: Date;
      planName: string | null;
    }
  | { kind: "downgraded"; at: Date; fromPlanName: string | null; planPath: string }
  | { kind: "trial_ending"; trialEnd: Date; planName: string }
  | null;

/** The hosted invoice page of the case's invoice: our record first, then Stripe; the plan page if neither answers. */
async function payUrlOf(storeId: string, stripeInvoiceId: string): Promise<string> {
  const ours = await prisma.invoice.findFirst({
    where: { issuer: "PLATFORM", storeId, stripeInvoiceId },
    select: { hostedInvoiceUrl: true },
  });
  if (ours?.hostedInvoiceUrl) return ours.hostedInvoiceUrl;
  try {
    const invoice = await getStripe().invoices.retrieve(stripeInvoiceId);
    if (invoice.hosted_invoice_url) return invoice.hosted_invoice_url;
  } catch (err) {
    logger.warn({ err, stripeInvoiceId }, "billing banner: could not read the invoice from Stripe");
  }
  return "/dashboard/plan";
}

export async function getBillingBanner(storeId: string, now = new Date()): Promise<BillingBanner> {
  const [active, sub] = await Promise.all([
    prisma.dunningCase.findFirst({ where: { storeId, status: "active" }, orderBy: { startedAt: "desc" } }),
    prisma.platformSubscription.findUnique({ where: { storeId }, include: { plan: true } }),
  ]);
  if (active) {
    const settled = await prisma.invoice.findFirst({
      where: { issuer: "PLATFORM", storeId, stripeInvoiceId: active.stripeInvoiceId, status: { in: ["paid", "void"] } },
      select: { id: true },
    });
    if (!settled) {
      const schedule = await getDunningSchedule();
      const [payUrl, pix] = await Promise.all([
        payUrlOf(storeId, active.stripeInvoiceId),
        active.currency === "BRL" ? pixForOverdueInvoice(active) : Promise.resolve(null),
      ]);
      return {
        kind: "payment_failed",
        overdue: now.getTime() - active.startedAt.getTime() >= DAY_MS,
        amountMinor: active.amountDue,
        currency: active.currency,
        payUrl,
        pix,
        failedAt: active.startedAt,
        downgradeAt:
          active.nextStepAt && active.step >= schedule.days.length - 1
            ? active.nextStepAt
            : downgradeDueAt(active.startedAt, schedule.days),
        planName: sub?.plan.name ?? null,
      };
    }
  }
  if (sub?.status === "free") {
    const downgraded = await prisma.dunningCase.findFirst({
      where: {
        storeId,
        endReason: "downgraded",
        endedAt: { gte: new Date(now.getTime() - DOWNGRADE_NOTICE_DAYS * DAY_MS) },
      },
      orderBy: { endedAt: "desc" },
    });
    if (downgraded?.endedAt) {
      const audit = await prisma.auditLog.findFirst({
        where: { storeId, action: "billing.dunning_downgraded", targetId: downgraded.id },
        select: { before: true },
      });
      const before = audit?.before as { plan?: string } | null;
      const fromPlan = before?.plan ? await prisma.platformPlan.findUnique({ where: { code: before.plan } }) : null;
      return {
        kind: "downgraded",
        at: downgraded.endedAt,
        fromPlanName: fromPlan?.name ?? null,
        planPath: "/dashboard/plan",
      };
    }
  }
  if (
    sub?.status === "trialing" &&
    sub.trialEnd &&
    sub.trialEnd > now &&
    sub.trialEnd.getTime() - now.getTime() <= TRIAL_NOTICE_DAYS * DAY_MS
  )
    return { kind: "trial_ending", trialEnd: sub.trialEnd, planName: sub.plan.name };
  return null;
}
