// Re-reading a pending charge at its gateway (reconciler, buyer polling, seller "refresh"), within
// the gateway's read budget, and expiring what nobody paid in time.
import "server-only";
import type { PixCharge, PixGatewayConfig } from "@/generated/prisma/client";
import type { AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { isPixGatewayError } from "@/lib/pix/errors";
import type { PixGateway } from "@/lib/pix/types";
import { applyPixStatus, type ApplyResult, type StatusReport } from "./apply";
import { readStatusWithinBudget, type ReadLimit } from "./read-budget";
import { gatewayFor } from "./runtime";

export const SYSTEM_AUDIT: AuditContext = { actor: { type: "system", id: "pix" } };
export const GATEWAY_AUDIT = (gateway: string): AuditContext => ({ actor: { type: "gateway", id: gateway } });

/** A gateway may report a payment a little after expiry; we wait this long before calling a charge expired. */
export const EXPIRY_GRACE_MS = 60_000;

/**
 * `applied`: what changed (null: nothing); `deferredUntil`: the read budget was spent (the charge's
 * or, `deferredBy: "account"`, its account's), ask again then.
 */
export type CheckResult = { applied: ApplyResult | null; deferredUntil: Date | null; deferredBy?: ReadLimit };

/** `read: false`: the read budget was spent, ask again at `retryAt`; else the gateway's answer as a verified report. */
export type GatewayReread = { read: false; retryAt: Date; limit: ReadLimit } | { read: true; report: StatusReport };

/**
 * Re-reads the charge at its gateway within the read budget: the one "re-read at the gateway" step
 * of the webhook, the reconciler, the buyer's polling and the seller's refresh. The answer is a
 * verified report for applyPixStatus. Throws PixGatewayError when the gateway fails. The charge
 * must have a transaction id and its gateway a status query.
 */
export async function rereadAtGateway(
  charge: PixCharge,
  config: PixGatewayConfig,
  source: StatusReport["source"],
  now = new Date(),
  gw: PixGateway = gatewayFor(config),
): Promise<GatewayReread> {
  const read = await readStatusWithinBudget(charge, config, now, gw);
  if (!read.read) return read;
  const s = read.status;
  return {
    read: true,
    report: {
      status: s.status,
      amountCentavos: s.amountCentavos,
      refundedCentavos: s.refundedCentavos,
      endToEndId: s.endToEndId,
      rawStatus: s.rawStatus,
      verified: true,
      source,
    },
  };
}

/**
 * Asks the gateway for the charge's status (if its read budget allows) and applies it, verified.
 * A charge still pending after its expiry (plus grace) becomes failed/expired — but only after a
 * last read, never while that read is deferred. Throws PixGatewayError when the gateway is unreachable.
 */
export async function checkChargeAtGateway(
  charge: PixCharge,
  source: StatusReport["source"],
  now = new Date(),
): Promise<CheckResult> {
  const config = charge.gatewayConfigId
    ? await prisma.pixGatewayConfig.findUnique({ where: { id: charge.gatewayConfigId } })
    : null;
  const audit = GATEWAY_AUDIT(charge.gateway ?? "unknown");
  if (config && charge.transactionId) {
    const gw = gatewayFor(config);
    if (gw.capabilities.statusQuery) {
      try {
        const reread = await rereadAtGateway(charge, config, source, now, gw);
        if (!reread.read) return { applied: null, deferredUntil: reread.retryAt, deferredBy: reread.limit };
        const result = await applyPixStatus(charge.id, reread.report, audit);
        if (result.charge.status !== "pending") return { applied: result, deferredUntil: null };
      } catch (err) {
        if (!isPixGatewayError(err, "not_found")) throw err;
        logger.warn({ chargeId: charge.id, gateway: charge.gateway }, "pix: the gateway does not know this charge");
      }
    }
  }
  if (charge.status === "pending" && charge.expiresAt && charge.expiresAt.getTime() + EXPIRY_GRACE_MS < now.getTime())
    return {
      applied: await applyPixStatus(
        charge.id,
        { status: "failed", failureCode: "expired", verified: true, source },
        SYSTEM_AUDIT,
      ),
      deferredUntil: null,
    };
  return { applied: null, deferredUntil: null };
}
