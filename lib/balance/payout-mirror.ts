// Our copy of a connected account's payouts, written from payout.* webhooks, so the overview can
// say a payout failed without calling Stripe. The balance page reads Stripe itself.
import "server-only";
import type Stripe from "stripe";
import { prisma } from "@/lib/db/client";

export type MirrorResult = { becameFailed: boolean };

/** Records the payout as Stripe reports it now; says whether this is the first time we see it failed. */
export async function mirrorPayout(storeId: string, accountId: string, payout: Stripe.Payout): Promise<MirrorResult> {
  const data = {
    amount: payout.amount,
    currency: payout.currency,
    status: payout.status,
    automatic: payout.automatic,
    arrivalDate: new Date(payout.arrival_date * 1000),
    failureCode: payout.failure_code,
    failureMessage: payout.failure_message,
  };
  return prisma.$transaction(async (tx) => {
    const before = await tx.stripePayout.findUnique({
      where: { payoutId: payout.id },
      select: { status: true, storeId: true },
    });
    // A payout id belongs to one account: never let another store's event rewrite it.
    if (before && before.storeId !== storeId) return { becameFailed: false };
    await tx.stripePayout.upsert({
      where: { payoutId: payout.id },
      create: {
        ...data,
        storeId,
        stripeAccountId: accountId,
        payoutId: payout.id,
        payoutCreatedAt: new Date(payout.created * 1000),
      },
      update: data,
    });
    return { becameFailed: payout.status === "failed" && before?.status !== "failed" };
  });
}

/** Failed payouts of the store in the last `days` days (for "needs attention"). */
export async function failedPayouts(storeId: string, now = new Date(), days = 30) {
  return prisma.stripePayout.findMany({
    where: { storeId, status: "failed", updatedAt: { gte: new Date(now.getTime() - days * 86_400_000) } },
    orderBy: { updatedAt: "desc" },
    select: { payoutId: true, amount: true, currency: true, failureCode: true, failureMessage: true, updatedAt: true },
  });
}
