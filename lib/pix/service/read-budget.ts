// THE place a charge's status is read at its gateway. Each adapter declares how often one charge
// may be read (PushinPay: once a minute, by contract) and, where the gateway limits a whole account,
// how many reads one config may make per window (Átomo); every path — the buyer page's polling, the
// webhook re-read, the reconciler, the seller's refresh, a refund's follow-up — claims the read
// here first. The claim is one conditional UPDATE on the charge row (under the config row's lock for
// an account budget), so it holds across concurrent requests and across app instances.
import "server-only";
import type { PixCharge, PixGatewayConfig } from "@/generated/prisma/client";
import { prisma, type Tx } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { getPixGatewayDefinition } from "@/lib/pix/registry";
import type { PixAccountReadBudget, PixChargeStatus, PixGateway } from "@/lib/pix/types";
import { gatewayFor } from "./runtime";
import { sqlExecute, sqlQuery } from "@/lib/db/raw";

/** Whose limit deferred a read: this charge's interval, or the account's reads per window. */
export type ReadLimit = "charge" | "account";
export type BudgetedRead = { read: true; status: PixChargeStatus } | { read: false; retryAt: Date; limit: ReadLimit };
type Claim = { ok: true } | { ok: false; retryAt: Date; limit: ReadLimit };

export function readIntervalMs(gateway: string): number {
  return getPixGatewayDefinition(gateway).statusReadIntervalMs;
}

export function accountReadBudgetOf(gateway: string): PixAccountReadBudget | null {
  return getPixGatewayDefinition(gateway).accountReadBudget ?? null;
}

/**
 * This charge's window: one conditional UPDATE stamps the read; the same statement reads the
 * previous stamp (the outer SELECT sees the row as it was) to say when the window reopens.
 */
async function claimChargeRead(db: Tx, chargeId: string, interval: number, now: Date): Promise<Claim> {
  // A stamp more than one interval in the future comes from a clock that was wrong, not from a read to wait for.
  const [row] = await sqlQuery<{ claimed: boolean; last: Date | null }>(
    db,
    `WITH claimed AS (
       UPDATE "PixCharge" SET "lastGatewayReadAt" = $2, "updatedAt" = $2
       WHERE id = $1 AND ("lastGatewayReadAt" IS NULL OR "lastGatewayReadAt" <= $3 OR "lastGatewayReadAt" > $4)
       RETURNING id)
     SELECT EXISTS (SELECT 1 FROM claimed) AS claimed, "lastGatewayReadAt" AS last FROM "PixCharge" WHERE id = $1`,
    chargeId,
    now,
    new Date(now.getTime() - interval),
    new Date(now.getTime() + interval),
  );
  if (row?.claimed) return { ok: true };
  const last = row?.last?.getTime() ?? now.getTime();
  return { ok: false, retryAt: new Date(Math.max(now.getTime(), last + interval)), limit: "charge" };
}

/**
 * Claims this charge's next status read; false (with when to try again) while its window is
 * closed — or, for a gateway with an account-wide budget, while the account's is spent. The account
 * count is exact without a log of reads: its window is at most the per-charge interval, so each
 * charge is read at most once in it, and the charges of the config whose last read falls in the
 * window are the reads made in it. The config row's lock makes count-then-stamp one step across
 * requests and app instances.
 */
export async function claimStatusRead(
  charge: Pick<PixCharge, "id" | "gateway" | "gatewayConfigId">,
  now = new Date(),
): Promise<Claim> {
  const interval = readIntervalMs(charge.gateway ?? "");
  const account = charge.gatewayConfigId ? accountReadBudgetOf(charge.gateway ?? "") : null;
  if (!account) return claimChargeRead(prisma, charge.id, interval, now);
  const { windowMs } = account;
  return prisma.$transaction(async (tx) => {
    // NO KEY: charges and attempts referencing the config (FOR KEY SHARE) are not held up.
    await sqlQuery(tx, `SELECT id FROM "PixGatewayConfig" WHERE id = $1 FOR NO KEY UPDATE`, charge.gatewayConfigId);
    const recent = await tx.pixCharge.aggregate({
      where: {
        gatewayConfigId: charge.gatewayConfigId,
        lastGatewayReadAt: { gt: new Date(now.getTime() - windowMs), lte: new Date(now.getTime() + interval) },
      },
      _count: { _all: true },
      _min: { lastGatewayReadAt: true },
    });
    if (recent._count._all >= account.reads) {
      // A slot opens when the oldest read in the window leaves it.
      const oldest = recent._min.lastGatewayReadAt?.getTime() ?? now.getTime();
      return { ok: false, retryAt: new Date(Math.max(now.getTime() + 1, oldest + windowMs)), limit: "account" };
    }
    return claimChargeRead(tx, charge.id, interval, now);
  });
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
  const claim = await claimStatusRead({ ...charge, gatewayConfigId: config.id }, now);
  if (!claim.ok) {
    logger.debug(
      { chargeId: charge.id, gateway: charge.gateway, retryAt: claim.retryAt, limit: claim.limit },
      "pix: status read deferred by the gateway's read budget",
    );
    return { read: false, retryAt: claim.retryAt, limit: claim.limit };
  }
  const started = Date.now();
  try {
    return {
      read: true,
      status: await gw.getStatus({ transactionId: charge.transactionId, hash: charge.hash ?? undefined }),
    };
  } finally {
    await stampReadAnswered(charge.id, new Date(now.getTime() + (Date.now() - started)));
  }
}

/**
 * The claim stamped the read when it was claimed; the gateway counts it when the request reaches
 * it, which under load can be a second or more later. Once the gateway has answered (or failed),
 * the stamp moves to that moment (in the caller's time base): the next read is then a whole
 * interval after the gateway saw this one. (Found by `npm run drill -- pix-replay` on a loaded
 * machine: reads claimed 60 s apart reached the simulator 59 s apart and the account was blocked.)
 */
async function stampReadAnswered(chargeId: string, at: Date) {
  await sqlExecute(
    prisma,
    `UPDATE "PixCharge" SET "lastGatewayReadAt" = $2 WHERE id = $1 AND "lastGatewayReadAt" < $2`,
    chargeId,
    at,
  );
}
