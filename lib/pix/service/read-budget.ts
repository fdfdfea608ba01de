// THE place a charge's status is read at its gateway. Each adapter declares how often one charge
// may be read (PushinPay: once a minute, by contract); every path — the buyer page's polling, the
// webhook re-read, the reconciler, the seller's refresh, a refund's follow-up — claims the read
// here first. The claim is one conditional UPDATE on the charge row, so it holds across concurrent
// requests and across app instances: only one caller per window gets to ask the gateway.
import "server-only";
import type { PixCharge, PixGatewayConfig } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { getPixGatewayDefinition } from "@/lib/pix/registry";
import type { PixChargeStatus, PixGateway } from "@/lib/pix/types";
import { gatewayFor } from "./runtime";

export type BudgetedRead = { read: true; status: PixChargeStatus } | { read: false; retryAt: Date };

export function readIntervalMs(gateway: string): number {
  return getPixGatewayDefinition(gateway).statusReadIntervalMs;
}

/** Claims this charge's next status read; false (with when to try again) while the window is closed. */
export async function claimStatusRead(
  charge: Pick<PixCharge, "id" | "gateway">,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; retryAt: Date }> {
  const interval = readIntervalMs(charge.gateway ?? "");
  const { count } = await prisma.pixCharge.updateMany({
    // A stamp more than one interval in the future comes from a clock that was wrong, not from a read to wait for.
    where: {
      id: charge.id,
      OR: [
        { lastGatewayReadAt: null },
        { lastGatewayReadAt: { lte: new Date(now.getTime() - interval) } },
        { lastGatewayReadAt: { gt: new Date(now.getTime() + interval) } },
      ],
    },
    data: { lastGatewayReadAt: now },
  });
  if (count === 1) return { ok: true };
  const row = await prisma.pixCharge.findUnique({ where: { id: charge.id }, select: { lastGatewayReadAt: true } });
  const last = row?.lastGatewayReadAt?.getTime() ?? now.getTime();
  return { ok: false, retryAt: new Date(Math.max(now.getTime(), last + interval)) };
}

/**
 * Reads the charge's status at its gateway if the budget allows, else says when it will.
 * Throws PixGatewayError when the gateway fails (the read still counts: the gateway saw it).
 */
export async function readStatusWithinBudget(
  charge: Pick<PixCharge, "id" | "gateway" | "transactionId" | "hash">,
  config: PixGatewayConfig,
  now = new Date(),
  gw: PixGateway = gatewayFor(config),
): Promise<BudgetedRead> {
  if (!charge.transactionId) throw new Error("readStatusWithinBudget: the charge has no gateway transaction");
  const claim = await claimStatusRead(charge, now);
  if (!claim.ok) {
    logger.debug(
      { chargeId: charge.id, gateway: charge.gateway, retryAt: claim.retryAt },
      "pix: status read deferred by the gateway's read budget",
    );
    return { read: false, retryAt: claim.retryAt };
  }
  return {
    read: true,
    status: await gw.getStatus({ transactionId: charge.transactionId, hash: charge.hash ?? undefined }),
  };
}
