// Devoluções: partial or total, never above what was paid minus what is already refunded or on
// its way. The charge row is locked while the ceiling is checked and the refund recorded, and our
// refund id is stored before the gateway is called so a retry reuses it.
import "server-only";
import type { PixRefund } from "@/generated/prisma/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, notFound } from "@/lib/errors";
import { formatReais } from "@/lib/pix/money";
import { newRefundId } from "@/lib/pix/reference";
import { getPixGatewayDefinition } from "@/lib/pix/registry";
import { isPixGatewayError } from "@/lib/pix/errors";
import { applyPixStatusTx, lockCharge } from "./apply";
import { kickDeliveries } from "@/lib/callbacks/enqueue";
import { describeGatewayError, gatewayAppError } from "./errors";
import { checkChargeAtGateway } from "./refresh";
import { gatewayFor } from "./runtime";
import type { RefundInput } from "./schemas";

export type PixRefundView = Pick<
  PixRefund,
  "id" | "chargeId" | "amountCentavos" | "status" | "reason" | "failureMessage" | "createdAt"
>;
const view = (r: PixRefund): PixRefundView => ({
  id: r.id,
  chargeId: r.chargeId,
  amountCentavos: r.amountCentavos,
  status: r.status,
  reason: r.reason,
  failureMessage: r.failureMessage,
  createdAt: r.createdAt,
});

/** Reserves the refund (status pending) under the charge lock, or returns the one this idempotency key already made. */
async function reserve(
  storeId: string,
  actor: AuditContext,
  chargeId: string,
  input: RefundInput,
): Promise<{ refund: PixRefund; fresh: boolean }> {
  return prisma.$transaction(async (tx) => {
    const owned = await tx.pixCharge.findFirst({ where: { id: chargeId, storeId }, select: { id: true } });
    if (!owned) throw notFound("PIX charge");
    const charge = await lockCharge(tx, chargeId);
    if (input.idempotencyKey) {
      const existing = await tx.pixRefund.findUnique({
        where: { storeId_idempotencyKey: { storeId, idempotencyKey: input.idempotencyKey } },
      });
      if (existing) {
        if (existing.chargeId !== chargeId || existing.amountCentavos !== input.amountCentavos)
          throw new AppError("idempotency_conflict", "This Idempotency-Key was used with a different refund.");
        return { refund: existing, fresh: false };
      }
    }
    if (!charge.gateway || !getPixGatewayDefinition(charge.gateway).capabilities.refund)
      throw new AppError(
        "refund_not_supported",
        `${charge.gateway ? getPixGatewayDefinition(charge.gateway).displayName : "This gateway"} does not support refunds through its API; refund the buyer from your gateway account.`,
      );
    if (charge.status !== "paid")
      throw new AppError("charge_not_refundable", `Only paid charges can be refunded; this one is ${charge.status}.`);
    const paid = charge.paidAmountCentavos ?? charge.amountCentavos;
    const refunds = await tx.pixRefund.findMany({
      where: { chargeId, status: { in: ["pending", "refunded"] } },
      select: { amountCentavos: true },
    });
    const committed = Math.max(
      charge.refundedCentavos,
      refunds.reduce((s, r) => s + r.amountCentavos, 0),
    );
    const left = paid - committed;
    if (input.amountCentavos > left)
      throw new AppError(
        "refund_exceeds_paid",
        `amountCentavos: At most ${formatReais(Math.max(0, left))} (${Math.max(0, left)} centavos) can still be refunded.`,
        { param: "amountCentavos" },
      );
    const refund = await tx.pixRefund.create({
      data: {
        storeId,
        chargeId,
        refundId: newRefundId(),
        amountCentavos: input.amountCentavos,
        status: "pending",
        reason: input.reason ?? null,
        idempotencyKey: input.idempotencyKey ?? null,
      },
    });
    await appendAudit(tx, actor, {
      action: "pix_refund.requested",
      storeId,
      target: { type: "pix_charge", id: chargeId },
      after: { refundId: refund.id, amountCentavos: input.amountCentavos, reason: input.reason ?? null },
    });
    return { refund, fresh: true };
  });
}

/** Refunds part or all of a paid charge at its gateway (BCB devolução). */
export async function refundPixCharge(
  storeId: string,
  actor: AuditContext,
  chargeId: string,
  input: RefundInput,
): Promise<PixRefundView> {
  let reserved: { refund: PixRefund; fresh: boolean };
  try {
    reserved = await reserve(storeId, actor, chargeId, input);
  } catch (err) {
    if (input.idempotencyKey && isUniqueViolation(err)) return refundPixCharge(storeId, actor, chargeId, input);
    throw err;
  }
  const { refund } = reserved;
  if (refund.status !== "pending") return view(refund);

  const charge = await prisma.pixCharge.findUniqueOrThrow({
    where: { id: chargeId },
    include: { gatewayConfig: true },
  });
  if (!charge.gatewayConfig || !charge.transactionId)
    throw new AppError("charge_not_refundable", "This charge has no gateway transaction to refund.");
  const others = await prisma.pixRefund.findMany({
    where: { chargeId, status: "refunded", id: { not: refund.id } },
    select: { amountCentavos: true },
  });
  let result;
  try {
    result = await gatewayFor(charge.gatewayConfig).refund({
      transactionId: charge.transactionId,
      hash: charge.hash ?? undefined,
      amountCentavos: refund.amountCentavos,
      paidAmountCentavos: charge.paidAmountCentavos ?? charge.amountCentavos,
      alreadyRefundedCentavos: Math.max(
        charge.refundedCentavos,
        others.reduce((s, r) => s + r.amountCentavos, 0),
      ),
      endToEndId: charge.endToEndId ?? undefined,
      refundId: refund.refundId,
      reason: refund.reason ?? undefined,
    });
  } catch (err) {
    const { message } = describeGatewayError(err);
    // A transient failure keeps the refund pending (a retry with the same key reuses its id); anything else fails it.
    const failed = !(isPixGatewayError(err) && err.transient);
    await prisma.pixRefund.update({
      where: { id: refund.id },
      data: { failureMessage: message, ...(failed ? { status: "failed" } : {}) },
    });
    throw gatewayAppError(err);
  }

  let kick = false;
  const settled = await prisma.$transaction(async (tx) => {
    const locked = await lockCharge(tx, chargeId);
    const row = await tx.pixRefund.update({
      where: { id: refund.id },
      data: { gatewayRefundId: result.refundId, status: result.status, failureMessage: null },
    });
    if (result.status === "refunded") {
      const done = await tx.pixRefund.findMany({
        where: { chargeId, status: "refunded" },
        select: { amountCentavos: true },
      });
      const total = Math.max(
        locked.refundedCentavos,
        done.reduce((s, r) => s + r.amountCentavos, 0),
      );
      const paid = locked.paidAmountCentavos ?? locked.amountCentavos;
      const applied = await applyPixStatusTx(
        tx,
        chargeId,
        { status: total >= paid ? "refunded" : "paid", refundedCentavos: total, verified: true, source: "refund" },
        actor,
      );
      kick = applied.kick;
    }
    await appendAudit(tx, actor, {
      action: `pix_refund.${result.status}`,
      storeId,
      target: { type: "pix_charge", id: chargeId },
      after: { refundId: refund.id, amountCentavos: refund.amountCentavos },
    });
    return tx.pixRefund.findUniqueOrThrow({ where: { id: row.id } });
  });
  if (kick) await kickDeliveries();
  if (settled.status === "pending") {
    // A devolução the PSP is still processing: one re-read now; otherwise the webhook or the reconciler settles it.
    try {
      // Within the read budget: a short wait for it (BCB: 2 s); a longer one is left to the webhook or the reconciler.
      const { deferredUntil } = await checkChargeAtGateway(
        await prisma.pixCharge.findUniqueOrThrow({ where: { id: chargeId } }),
        "refund",
      );
      const wait = deferredUntil ? deferredUntil.getTime() - Date.now() : 0;
      if (deferredUntil && wait <= 5_000) {
        await new Promise((r) => setTimeout(r, Math.max(0, wait) + 20));
        await checkChargeAtGateway(await prisma.pixCharge.findUniqueOrThrow({ where: { id: chargeId } }), "refund");
      }
    } catch {
      // The reconciler tries again.
    }
    return view(await prisma.pixRefund.findUniqueOrThrow({ where: { id: refund.id } }));
  }
  return view(settled);
}
