// Counting a redemption exactly once. In one transaction: the conditional UPDATE on the coupon and on
// the promotion code (it matches no row once the limit is reached, so concurrent redeemers cannot
// overshoot) and the CouponRedemption insert, unique on (couponId, uniqueKey) so a retried webhook or
// request lands once. A reservation (status "reserved") counts like a redemption until it is either
// confirmed ("redeemed") or released (the payment never happened), which gives its use back.
import type { CouponRedemption } from "@/generated/prisma/client";
import { prisma, type Tx } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { logger } from "@/lib/log/logger";
import { couponError } from "./rules";
import { sqlQuery } from "@/lib/db/raw";

export type RedemptionTarget = "subscription" | "credit_purchase" | "order" | "checkout_session" | "pix_charge";

export type RedeemInput = {
  couponId: string;
  promotionCodeId: string | null;
  storeId: string;
  targetType: RedemptionTarget;
  targetId: string;
  /** e.g. "subscription:sub_123": the same key never counts twice for a coupon. */
  uniqueKey: string;
  amountOff: number;
  currency: string | null;
  customerEmail?: string | null;
  status?: "reserved" | "redeemed";
};

export type RedeemResult = { redemption: CouponRedemption; created: boolean };

async function existing(client: Tx | typeof prisma, couponId: string, uniqueKey: string) {
  return client.couponRedemption.findUnique({ where: { couponId_uniqueKey: { couponId, uniqueKey } } });
}

/** Takes one use of the coupon (and its code) for uniqueKey, inside the caller's transaction. */
export async function redeemInTx(tx: Tx, input: RedeemInput): Promise<RedeemResult> {
  const prior = await existing(tx, input.couponId, input.uniqueKey);
  if (prior && prior.status !== "released") return { redemption: prior, created: false };
  await takeUse(tx, input);
  const data = {
    promotionCodeId: input.promotionCodeId,
    storeId: input.storeId,
    targetType: input.targetType,
    targetId: input.targetId,
    amountOff: input.amountOff,
    currency: input.currency?.toUpperCase() ?? null,
    customerEmail: input.customerEmail ?? null,
    status: input.status ?? "redeemed",
  };
  // A released reservation (the payment never happened) is taken again by a new attempt on the same target.
  const redemption = prior
    ? await tx.couponRedemption.update({ where: { id: prior.id }, data })
    : await tx.couponRedemption.create({ data: { ...data, couponId: input.couponId, uniqueKey: input.uniqueKey } });
  return { redemption, created: true };
}

/** The two conditional UPDATEs: each matches no row once its limit is reached (or it was deactivated). */
async function takeUse(tx: Tx, input: Pick<RedeemInput, "couponId" | "promotionCodeId">) {
  const couponRows = await tx.$executeRaw`
    UPDATE "Coupon" SET "timesRedeemed" = "timesRedeemed" + 1, "updatedAt" = now()
    WHERE id = ${input.couponId} AND active
      AND ("maxRedemptions" IS NULL OR "timesRedeemed" < "maxRedemptions")`;
  if (couponRows !== 1) throw await whyNot(tx, "Coupon", input.couponId);
  if (input.promotionCodeId) {
    const promoRows = await tx.$executeRaw`
      UPDATE "PromotionCode" SET "timesRedeemed" = "timesRedeemed" + 1, "updatedAt" = now()
      WHERE id = ${input.promotionCodeId} AND active
        AND ("maxRedemptions" IS NULL OR "timesRedeemed" < "maxRedemptions")`;
    if (promoRows !== 1) throw await whyNot(tx, "PromotionCode", input.promotionCodeId);
  }
}

async function whyNot(tx: Tx, table: "Coupon" | "PromotionCode", id: string) {
  const rows = await sqlQuery<{ active: boolean }>(tx, `SELECT active FROM "${table}" WHERE id = $1`, id);
  return couponError(rows[0]?.active === false ? "coupon_inactive" : rows[0] ? "coupon_exhausted" : "coupon_not_found");
}

/** redeemInTx in its own transaction; a concurrent duplicate of the same key returns the row it wrote. */
export async function redeem(input: RedeemInput): Promise<RedeemResult> {
  try {
    return await prisma.$transaction((tx) => redeemInTx(tx, input));
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const prior = await existing(prisma, input.couponId, input.uniqueKey);
    if (!prior) throw err;
    return { redemption: prior, created: false };
  }
}

/** A reservation whose payment succeeded: counted for good. Idempotent. */
export async function confirmRedemption(tx: Tx, couponId: string, uniqueKey: string, amountOff?: number) {
  await tx.couponRedemption.updateMany({
    where: { couponId, uniqueKey, status: "reserved" },
    data: { status: "redeemed", ...(amountOff !== undefined ? { amountOff } : {}) },
  });
}

/** The reservations of a payment that succeeded (a buy link's PIX charge): counted for good. Idempotent. */
export async function confirmTargetRedemptions(tx: Tx, targetType: RedemptionTarget, targetId: string) {
  await tx.couponRedemption.updateMany({
    where: { targetType, targetId, status: "reserved" },
    data: { status: "redeemed" },
  });
}

/** A reservation whose payment never happened gives its use back, once. */
export async function releaseRedemption(tx: Tx, couponId: string, uniqueKey: string): Promise<boolean> {
  const row = await existing(tx, couponId, uniqueKey);
  if (!row || row.status !== "reserved") return false;
  const changed = await tx.couponRedemption.updateMany({
    where: { id: row.id, status: "reserved" },
    data: { status: "released" },
  });
  if (changed.count !== 1) return false;
  await tx.$executeRaw`
    UPDATE "Coupon" SET "timesRedeemed" = "timesRedeemed" - 1, "updatedAt" = now()
    WHERE id = ${couponId} AND "timesRedeemed" > 0`;
  if (row.promotionCodeId)
    await tx.$executeRaw`
      UPDATE "PromotionCode" SET "timesRedeemed" = "timesRedeemed" - 1, "updatedAt" = now()
      WHERE id = ${row.promotionCodeId} AND "timesRedeemed" > 0`;
  return true;
}

/** Confirms a reservation or takes the use now; "over_limit" when Stripe granted what we no longer can count. */
export async function recordRedemption(input: RedeemInput): Promise<void> {
  const prior = await prisma.couponRedemption.findUnique({
    where: { couponId_uniqueKey: { couponId: input.couponId, uniqueKey: input.uniqueKey } },
  });
  if (prior?.status === "reserved") {
    await prisma.$transaction((tx) => confirmRedemption(tx, input.couponId, input.uniqueKey, input.amountOff));
    return;
  }
  if (prior && prior.status !== "released") return;
  try {
    await redeem({ ...input, status: "redeemed" });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== "coupon_exhausted" && code !== "coupon_inactive") throw err;
    logger.warn(
      { couponId: input.couponId, uniqueKey: input.uniqueKey, code },
      "discount granted by Stripe past our limit",
    );
    await prisma.couponRedemption.upsert({
      where: { couponId_uniqueKey: { couponId: input.couponId, uniqueKey: input.uniqueKey } },
      create: {
        couponId: input.couponId,
        promotionCodeId: input.promotionCodeId,
        storeId: input.storeId,
        targetType: input.targetType,
        targetId: input.targetId,
        uniqueKey: input.uniqueKey,
        amountOff: input.amountOff,
        currency: input.currency?.toUpperCase() ?? null,
        customerEmail: input.customerEmail ?? null,
        status: "over_limit",
      },
      update: { status: "over_limit", amountOff: input.amountOff },
    });
  }
}
