// The inbound event ledger: one row per Stripe event id. A handler runs only after an atomic
// claim of the row, so a duplicate delivery (even a concurrent one) never runs it twice.
import type Stripe from "stripe";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";

/** A PROCESSING claim older than this is considered abandoned (crashed worker) and reclaimable. */
export const CLAIM_LEASE_MS = 5 * 60_000;

export async function recordEvent(event: Stripe.Event, source: "webhook" | "sync", storeId: string | null) {
  await prisma.stripeEvent.createMany({
    data: [{ id: event.id, type: event.type, account: event.account ?? null, storeId, livemode: event.livemode, source, payload: event as unknown as Prisma.InputJsonValue, stripeCreated: new Date(event.created * 1000) }],
    skipDuplicates: true,
  });
}

/** Atomically moves RECEIVED/FAILED (or an abandoned PROCESSING) to PROCESSING; false if someone else has it or it is done. */
export async function claimEvent(id: string): Promise<boolean> {
  const rows = await prisma.$queryRawUnsafe<Array<{ id: string }>>(
    `UPDATE "StripeEvent" SET status = 'PROCESSING', attempts = attempts + 1, "claimedAt" = now()
     WHERE id = $1 AND (status IN ('RECEIVED', 'FAILED') OR (status = 'PROCESSING' AND "claimedAt" < now() - ($2::int * interval '1 millisecond')))
     RETURNING id`,
    id,
    CLAIM_LEASE_MS,
  );
  return rows.length === 1;
}

export function markProcessed(id: string) {
  return prisma.stripeEvent.update({ where: { id }, data: { status: "PROCESSED", processedAt: new Date(), lastError: null, callbacksEnqueuedAt: new Date() } });
}

export function markFailed(id: string, error: unknown) {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return prisma.stripeEvent.update({ where: { id }, data: { status: "FAILED", lastError: message.slice(0, 1000) } });
}
