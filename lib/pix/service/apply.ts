// The one place a PIX charge changes status: row lock, transition table, amount check, refund
// totals, store callback (outbox) and audit entry, all in one transaction.
import "server-only";
import type { PixCharge } from "@/generated/prisma/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { confirmTargetRedemptions } from "@/lib/coupons/redeem";
import { prisma, type Tx } from "@/lib/db/client";
import { lockRow, updateRow } from "@/lib/db/raw";
import { logger } from "@/lib/log/logger";
import { paymentRefunded, paymentSucceeded, type StoreEventPayload } from "@/lib/callbacks/contract";
import { enqueueStoreEvent, kickDeliveries } from "@/lib/callbacks/enqueue";
import { recordPixChargeCustomerTx } from "@/lib/customers/record";
import { enqueueNotification } from "@/lib/notifications/enqueue";
import { recordPixDisputeMoveTx } from "@/lib/pix/disputes";
import { transition } from "@/lib/pix/transition";
import { isPixStatus, type PixChargeState, type PixStatus } from "@/lib/pix/status";

export type StatusReport = {
  status: PixStatus;
  /** What the buyer paid, as the gateway reports it. */
  amountCentavos?: number;
  /** Total of completed refunds the gateway reports. */
  refundedCentavos?: number;
  endToEndId?: string;
  rawStatus?: string;
  /** From re-reading the gateway (or the seller's own confirmation), not from a webhook body alone. */
  verified: boolean;
  source: "webhook" | "reconciler" | "refresh" | "seller" | "refund";
  failureCode?: string;
};

export type ApplyOutcome = "changed" | "unchanged" | "underpaid" | "refund_recorded";
export type ApplyResult = { charge: PixCharge; outcome: ApplyOutcome; reason: string };

export async function lockCharge(tx: Tx, chargeId: string): Promise<PixCharge> {
  return lockRow<PixCharge>(tx, "PixCharge", chargeId);
}

/** Raw on this path: a Prisma model query costs ~1 ms of CPU to plan (lib/db/raw.ts). */
const updateCharge = (tx: Tx, id: string, data: Parameters<typeof updateRow>[3]) =>
  updateRow<PixCharge>(tx, "PixCharge", id, data);

/** Writes a PIX charge's store callback (lib/callbacks/contract.ts builds it) to the outbox. */
async function enqueuePixCallback(
  tx: Tx,
  charge: PixCharge,
  event: StoreEventPayload,
  sourceKey: string,
): Promise<boolean> {
  const { deliveries } = await enqueueStoreEvent(tx, { storeId: charge.storeId, sourceKey, ...event });
  return deliveries > 0;
}

/** Marks pending refunds refunded, oldest first, while the gateway's reported total covers them. */
async function settleRefunds(tx: Tx, charge: PixCharge, reportedTotal: number): Promise<number> {
  const refunds = await tx.pixRefund.findMany({
    where: { chargeId: charge.id, status: { in: ["pending", "refunded"] } },
    orderBy: { createdAt: "asc" },
  });
  let settled = refunds.filter((r) => r.status === "refunded").reduce((s, r) => s + r.amountCentavos, 0);
  for (const r of refunds.filter((x) => x.status === "pending")) {
    if (settled + r.amountCentavos > reportedTotal) break;
    await tx.pixRefund.update({ where: { id: r.id }, data: { status: "refunded", failureMessage: null } });
    settled += r.amountCentavos;
  }
  // Refunds made at the gateway outside Vitrine still count.
  return Math.max(settled, reportedTotal);
}

/** Inside tx: applies what the gateway (or seller) reports. Returns whether a callback was written. */
export async function applyPixStatusTx(
  tx: Tx,
  chargeId: string,
  report: StatusReport,
  audit: AuditContext,
): Promise<ApplyResult & { kick: boolean }> {
  if (!isPixStatus(report.status)) throw new Error(`unknown PIX status ${String(report.status)}`);
  const charge = await lockCharge(tx, chargeId);
  const now = new Date();
  const ids = report.endToEndId && !charge.endToEndId ? { endToEndId: report.endToEndId } : {};
  const paidNow = charge.status === "pending" || charge.status === "failed";
  let kick = false;

  // A payment smaller than the charge is never "paid": keep it pending, flag it for the seller.
  if (
    paidNow &&
    report.status !== "failed" &&
    report.status !== "pending" &&
    report.amountCentavos !== undefined &&
    report.amountCentavos < charge.amountCentavos
  ) {
    const updated = await updateCharge(tx, charge.id, {
      ...ids,
      paidAmountCentavos: report.amountCentavos,
      failureCode: "amount_mismatch",
      failureMessage: `Paid ${report.amountCentavos} of ${charge.amountCentavos} centavos.`,
    });
    if (charge.failureCode !== "amount_mismatch" || charge.paidAmountCentavos !== report.amountCentavos)
      await appendAudit(tx, audit, {
        action: "pix_charge.underpaid",
        storeId: charge.storeId,
        target: { type: "pix_charge", id: charge.id },
        after: {
          amountCentavos: charge.amountCentavos,
          paidAmountCentavos: report.amountCentavos,
          source: report.source,
        },
      });
    logger.warn(
      { chargeId: charge.id, expected: charge.amountCentavos, paid: report.amountCentavos },
      "pix: paid amount below the charge; not marked paid",
    );
    return { charge: updated, outcome: "underpaid", reason: "amount_below_charge", kick };
  }

  let incoming = report.status;
  const paidAmount =
    charge.paidAmountCentavos ?? (paidNow ? (report.amountCentavos ?? charge.amountCentavos) : charge.amountCentavos);
  let refunded = charge.refundedCentavos;
  if (report.refundedCentavos !== undefined || report.status === "refunded") {
    const reported = report.refundedCentavos ?? paidAmount;
    if (reported > charge.refundedCentavos || report.status === "refunded")
      refunded = Math.min(paidAmount, await settleRefunds(tx, charge, reported));
    // A partial devolução leaves the charge paid.
    if (incoming === "refunded" && refunded < paidAmount) incoming = paidNow ? "paid" : (charge.status as PixStatus);
  }

  const decision = transition(charge.status as PixChargeState, incoming, { verified: report.verified });
  const refundChanged = refunded !== charge.refundedCentavos;
  if (!decision.apply && !refundChanged) {
    const updated = Object.keys(ids).length ? await updateCharge(tx, charge.id, ids) : charge;
    return { charge: updated, outcome: "unchanged", reason: decision.reason, kick };
  }

  const next = decision.apply ? decision.next : (charge.status as PixChargeState);
  const becamePaid = decision.apply && next === "paid";
  const updated = await updateCharge(tx, charge.id, {
    ...ids,
    status: next,
    refundedCentavos: refunded,
    ...(becamePaid || (decision.apply && paidNow && next !== "failed")
      ? {
          paidAt: charge.paidAt ?? now,
          paidAmountCentavos: report.amountCentavos ?? charge.amountCentavos,
          failureCode: null,
          failureMessage: null,
        }
      : {}),
    ...(decision.apply && next === "failed"
      ? {
          failureCode: report.failureCode ?? report.rawStatus?.toLowerCase().slice(0, 40) ?? "failed",
          failureMessage: null,
        }
      : {}),
    ...(next !== "pending" ? { nextCheckAt: null } : {}),
  });
  await appendAudit(tx, audit, {
    action: decision.apply ? `pix_charge.${next}` : "pix_charge.refund_recorded",
    storeId: charge.storeId,
    target: { type: "pix_charge", id: charge.id },
    before: { status: charge.status, refundedCentavos: charge.refundedCentavos },
    after: {
      status: next,
      refundedCentavos: refunded,
      paidAmountCentavos: updated.paidAmountCentavos,
      source: report.source,
      reason: decision.reason,
    },
  });

  // Paid on the way to a refund or dispute (a webhook that arrives late) still tells the store it was paid.
  if (decision.apply && paidNow && next !== "failed") {
    kick =
      (await enqueuePixCallback(tx, updated, paymentSucceeded({ pixCharge: updated }), `pix:${charge.id}:paid`)) ||
      kick;
    await enqueueNotification(tx, {
      storeId: charge.storeId,
      event: "pix_charge_paid",
      subjectId: charge.id,
      payload: {
        chargeId: charge.id,
        amountMinor: updated.paidAmountCentavos ?? updated.amountCentavos,
        currency: "BRL",
        description: updated.description,
        reference: updated.externalOrderId ?? updated.reference,
        paidAt: updated.paidAt ?? now,
      },
    });
    // A buy link's store code (lib/pix/service/charge-from-price.ts): its reserved use is counted for good.
    if (updated.discountCode) await confirmTargetRedemptions(tx, "pix_charge", charge.id);
  }
  // A MED opened or ended (dispute.created / dispute.closed); a failed PIX charge sends nothing.
  if (decision.apply) kick = (await recordPixDisputeMoveTx(tx, charge, updated, report.rawStatus)) || kick;
  await recordPixChargeCustomerTx(tx, updated);
  if (refundChanged) {
    const status = refunded >= (updated.paidAmountCentavos ?? paidAmount) ? "refunded" : "partially_refunded";
    kick =
      (await enqueuePixCallback(
        tx,
        updated,
        paymentRefunded({ pixCharge: updated, status }),
        `pix:${charge.id}:refunded:${refunded}`,
      )) || kick;
  }
  return { charge: updated, outcome: decision.apply ? "changed" : "refund_recorded", reason: decision.reason, kick };
}

export async function applyPixStatus(
  chargeId: string,
  report: StatusReport,
  audit: AuditContext,
): Promise<ApplyResult> {
  const { kick, ...result } = await prisma.$transaction((tx) => applyPixStatusTx(tx, chargeId, report, audit));
  if (kick) await kickDeliveries();
  return result;
}
