// The platform's review of a store: PENDING (TENANT_REVIEW=manual, until an admin approves),
// APPROVED, or SUSPENDED with a reason. Only an approved store starts new payments: Checkout
// sessions, PaymentIntents, PIX charges, credit purchases and API-key calls are refused with a
// stable code. Money already moving is never lost: webhooks (Stripe, PIX), the recovery sync, the
// reconciler and queued store callbacks keep running for a suspended store.
import "server-only";
import { z } from "zod";
import type { StoreReviewStatus } from "@/generated/prisma/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { prisma, type Tx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";

export const ReviewDecisionInput = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("approve") }),
  z.object({ decision: z.literal("suspend"), reason: z.string().trim().min(3).max(500) }),
  z.object({ decision: z.literal("reinstate") }),
]);
export type ReviewDecision = z.infer<typeof ReviewDecisionInput>;

type Client = Pick<Tx, "store">;

/** Throws store_suspended / store_pending_review unless the store may start a new payment. */
export async function assertStoreTakesPayments(storeId: string, client: Client = prisma): Promise<void> {
  const store = await client.store.findUnique({ where: { id: storeId }, select: { reviewStatus: true } });
  if (!store) throw notFound("Store");
  assertReviewStatusTakesPayments(store.reviewStatus);
}

export function assertReviewStatusTakesPayments(status: StoreReviewStatus): void {
  if (status === "SUSPENDED")
    throw new AppError("store_suspended", "This store is suspended by the platform and cannot take new payments.");
  if (status === "PENDING")
    throw new AppError(
      "store_pending_review",
      "This store is waiting for the platform's review and cannot take payments yet.",
    );
}

/** Payments to the platform (credits) are refused only while the store is suspended. */
export async function assertStoreNotSuspended(storeId: string): Promise<void> {
  const store = await prisma.store.findUnique({ where: { id: storeId }, select: { reviewStatus: true } });
  if (store?.reviewStatus === "SUSPENDED")
    throw new AppError("store_suspended", "This store is suspended by the platform and cannot take new payments.");
}

/** For buyer pages: may this store's links sell right now? */
export async function storeIsOpen(storeId: string): Promise<boolean> {
  const store = await prisma.store.findUnique({ where: { id: storeId }, select: { reviewStatus: true } });
  return store?.reviewStatus === "APPROVED";
}

const NEXT: Record<ReviewDecision["decision"], { from: StoreReviewStatus[]; to: StoreReviewStatus }> = {
  approve: { from: ["PENDING"], to: "APPROVED" },
  suspend: { from: ["PENDING", "APPROVED"], to: "SUSPENDED" },
  reinstate: { from: ["SUSPENDED"], to: "APPROVED" },
};

const ACTION: Record<ReviewDecision["decision"], string> = {
  approve: "store.review_approved",
  suspend: "store.review_suspended",
  reinstate: "store.review_reinstated",
};

/** An admin's decision on a store, audited with the before and after; a repeat is a no-op. */
export async function reviewStore(adminId: string, storeId: string, input: ReviewDecision, ctx: AuditContext) {
  return prisma.$transaction(async (tx) => {
    const store = await tx.store.findUnique({
      where: { id: storeId },
      select: { id: true, reviewStatus: true, reviewReason: true },
    });
    if (!store) throw notFound("Store");
    const rule = NEXT[input.decision];
    if (store.reviewStatus === rule.to && input.decision !== "suspend") return store;
    if (
      !rule.from.includes(store.reviewStatus) &&
      !(input.decision === "suspend" && store.reviewStatus === "SUSPENDED")
    )
      throw new AppError("conflict", `A ${store.reviewStatus.toLowerCase()} store cannot be ${input.decision}d.`);
    const reason = input.decision === "suspend" ? input.reason : null;
    // A conditional update: two admins deciding at once make one change.
    const changed = await tx.store.updateMany({
      where: { id: storeId, reviewStatus: store.reviewStatus },
      data: { reviewStatus: rule.to, reviewReason: reason, reviewedAt: new Date(), reviewedById: adminId },
    });
    if (changed.count === 0) throw new AppError("conflict", "The store changed meanwhile; reload and try again.");
    await appendAudit(tx, ctx, {
      storeId,
      action: ACTION[input.decision],
      target: { type: "store", id: storeId },
      before: { reviewStatus: store.reviewStatus, reviewReason: store.reviewReason },
      after: { reviewStatus: rule.to, reviewReason: reason },
    });
    return { id: storeId, reviewStatus: rule.to, reviewReason: reason };
  });
}
