// PIX MED (Mecanismo Especial de Devolução) cases: a paid charge that the gateway reports as `med`
// (or `chargeback`), or a BCB devolução of natureza MED_*, becomes a PixDispute row. The charge's
// own state machine (lib/pix/transition.ts) decides the moves; this file records what they mean:
// paid → disputed opens a case, disputed → refunded closes it refunded to the payer, disputed →
// paid (confirmed by the gateway) closes it rejected. Both ends reach the store as signed callbacks
// through the outbox, once each (the source key names the case). Runs inside the transition's
// transaction, under the charge's row lock, so duplicate webhooks see the case already written.
import "server-only";
import type { PixCharge, PixDispute } from "@/generated/prisma/client";
import { disputeClosed, disputeCreated } from "@/lib/callbacks/contract";
import { enqueueStoreEvent } from "@/lib/callbacks/enqueue";
import { prisma, type Tx } from "@/lib/db/client";

export const PIX_DISPUTE_STATUSES = ["opened", "refunded", "rejected"] as const;
export type PixDisputeStatus = (typeof PIX_DISPUTE_STATUSES)[number];

/**
 * After a charge moved from `before` to `after`: opens or closes its MED case and writes the
 * callback. Returns whether a callback went to the outbox (the caller kicks deliveries after commit).
 */
export async function recordPixDisputeMoveTx(
  tx: Tx,
  before: Pick<PixCharge, "status">,
  after: PixCharge,
  reason: string | undefined,
): Promise<boolean> {
  if (before.status === after.status) return false;
  if (after.status === "disputed") {
    const dispute = await tx.pixDispute.create({
      data: {
        storeId: after.storeId,
        chargeId: after.id,
        gateway: after.gateway,
        status: "opened",
        amountCentavos: after.paidAmountCentavos ?? after.amountCentavos,
        reason: reason?.slice(0, 64) ?? null,
      },
    });
    const { deliveries } = await enqueueStoreEvent(tx, {
      storeId: after.storeId,
      sourceKey: `pix:${after.id}:dispute:${dispute.id}:created`,
      ...disputeCreated({ pixCharge: after }),
    });
    return deliveries > 0;
  }
  if (before.status !== "disputed" || (after.status !== "paid" && after.status !== "refunded")) return false;
  const open = await tx.pixDispute.findFirst({
    where: { chargeId: after.id, status: "opened" },
    orderBy: { openedAt: "desc" },
  });
  if (!open) return false;
  const outcome = after.status === "refunded" ? "refunded" : "rejected";
  const closed = await tx.pixDispute.update({
    where: { id: open.id },
    data: { status: outcome, closedAt: new Date() },
  });
  const { deliveries } = await enqueueStoreEvent(tx, {
    storeId: after.storeId,
    sourceKey: `pix:${after.id}:dispute:${open.id}:closed`,
    ...disputeClosed({
      pixCharge: { ...after, status: after.status },
      dispute: { id: closed.id, outcome, closedAt: closed.closedAt! },
    }),
  });
  return deliveries > 0;
}

export type PixDisputeView = {
  id: string;
  status: PixDisputeStatus;
  amountCentavos: number;
  reason: string | null;
  gateway: string | null;
  openedAt: Date;
  closedAt: Date | null;
};

export const pixDisputeView = (d: PixDispute): PixDisputeView => ({
  id: d.id,
  status: d.status as PixDisputeStatus,
  amountCentavos: d.amountCentavos,
  reason: d.reason,
  gateway: d.gateway,
  openedAt: d.openedAt,
  closedAt: d.closedAt,
});

/** A charge's MED cases, newest first (tenant-scoped: another store's charge has none). */
export async function listPixDisputes(storeId: string, chargeId: string): Promise<PixDisputeView[]> {
  const rows = await prisma.pixDispute.findMany({ where: { storeId, chargeId }, orderBy: { openedAt: "desc" } });
  return rows.map(pixDisputeView);
}

/** For the overview: MED cases opened in [from, to) and those still open now. */
export async function countPixDisputes(
  storeId: string,
  range: { from: Date; to: Date },
): Promise<{ opened: number; open: number }> {
  const [opened, open] = await Promise.all([
    prisma.pixDispute.count({ where: { storeId, openedAt: { gte: range.from, lt: range.to } } }),
    prisma.pixDispute.count({ where: { storeId, status: "opened" } }),
  ]);
  return { opened, open };
}
