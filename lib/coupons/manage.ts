// Creating, listing and deactivating coupons and their promotion codes, for the platform (admin) and
// for one store (its seller). The Stripe objects are made first, with idempotency keys from ids we
// choose up front; then the rows and the audit entry are written in one transaction. A refusal
// (bad plan, someone else's product, a code already taken) happens before anything is written.
import "server-only";
import type { Coupon, Prisma } from "@/generated/prisma/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, notFound } from "@/lib/errors";
import { scopeKeyFor } from "./codes";
import { newRowId } from "@/lib/db/ids";
import type {
  CreatePlatformCouponInput,
  CreateStoreCouponInput,
  ListCouponsQuery,
  PromotionCodeInput,
} from "./schemas";
import {
  type CouponFacts,
  createStripeCoupon,
  createStripePromotionCode,
  deactivateInStripe,
  deactivatePromotionCodeInStripe,
  deleteStripeCoupon,
  ensureStripeCoupon,
} from "./stripe-mirror";
import { type CouponView, couponView, promotionCodeView, type RedemptionView, redemptionView } from "./views";

/** Whose coupons: the platform's, or one store's. Every query below is scoped by it. */
export type CouponOwner = { scope: "PLATFORM" } | { scope: "STORE"; storeId: string };

function ownerWhere(owner: CouponOwner): Prisma.CouponWhereInput {
  return owner.scope === "PLATFORM" ? { scope: "PLATFORM" } : { scope: "STORE", storeId: owner.storeId };
}

const DURATION = { once: "ONCE", repeating: "REPEATING", forever: "FOREVER" } as const;

const codeTaken = () =>
  new AppError("already_exists", "This code is already in use: choose another.", { param: "promotionCode.code" });

async function assertCodeFree(scopeKey: string, code: string) {
  const taken = await prisma.promotionCode.findUnique({ where: { scopeKey_code: { scopeKey, code } } });
  if (taken) throw codeTaken();
}

async function checkPlans(plans: string[]) {
  if (!plans.length) return;
  const found = await prisma.platformPlan.findMany({ where: { code: { in: plans } }, select: { code: true } });
  const missing = plans.filter((p) => !found.some((f) => f.code === p));
  if (missing.length)
    throw new AppError("validation_failed", `plans: no plan with code ${missing.join(", ")}.`, { param: "plans" });
}

async function checkProducts(storeId: string, productIds: string[]) {
  if (!productIds.length) return;
  const found = await prisma.product.count({ where: { storeId, id: { in: productIds } } });
  if (found !== new Set(productIds).size)
    throw new AppError("validation_failed", "productIds: not a product of this store.", { param: "productIds" });
}

type CommonInput = CreatePlatformCouponInput | CreateStoreCouponInput;

function facts(input: CommonInput, owner: CouponOwner, stripeAccountId: string | null): CouponFacts {
  return {
    id: newRowId(),
    scope: owner.scope,
    storeId: owner.scope === "STORE" ? owner.storeId : null,
    name: input.name,
    percentOffBps: input.percentOffBps ?? null,
    amountOff: input.amountOff ?? null,
    currency: input.currency ?? null,
    duration: DURATION[input.duration],
    durationInMonths: input.durationInMonths ?? null,
    maxRedemptions: input.maxRedemptions ?? null,
    validFrom: input.validFrom ?? null,
    redeemBy: input.redeemBy ?? null,
    appliesTo: "plans" in input ? input.plans : input.productIds,
    firstTimeOnly: input.firstTimeOnly,
    appliesToCredits: "appliesToCredits" in input ? input.appliesToCredits : false,
    stripeCouponId: null,
    stripeAccountId,
    active: true,
  };
}

function promoFacts(input: PromotionCodeInput) {
  return {
    id: newRowId(),
    code: input.code,
    active: true,
    maxRedemptions: input.maxRedemptions ?? null,
    expiresAt: input.expiresAt ?? null,
    minimumAmount: input.minimumAmount ?? null,
  };
}

/** A minimum amount needs a currency: the coupon's, or the store's for a store percent coupon. */
function checkMinimum(coupon: Pick<CouponFacts, "scope" | "currency">, promo: PromotionCodeInput | undefined) {
  if (promo?.minimumAmount !== undefined && coupon.scope === "PLATFORM" && !coupon.currency)
    throw new AppError(
      "validation_failed",
      "minimumAmount: a platform percent coupon has no currency to set a minimum amount in.",
      { param: "promotionCode.minimumAmount" },
    );
}

async function createCoupon(
  owner: CouponOwner,
  input: CommonInput,
  ctx: { audit: AuditContext; stripeAccountId: string | null },
): Promise<CouponView> {
  const coupon = facts(input, owner, ctx.stripeAccountId);
  checkMinimum(coupon, input.promotionCode);
  const scopeKey = scopeKeyFor(owner.scope, coupon.storeId);
  if (input.promotionCode) await assertCodeFree(scopeKey, input.promotionCode.code);
  const stripeCouponId = await createStripeCoupon(coupon);
  const promo = input.promotionCode ? promoFacts(input.promotionCode) : null;
  try {
    const stripePromotionCodeId = promo ? await createStripePromotionCode(coupon, stripeCouponId, promo) : null;
    const saved = await prisma.$transaction(async (tx) => {
      const row = await tx.coupon.create({
        data: {
          ...coupon,
          stripeCouponId,
          createdById: ctx.audit.actor.type === "user" ? (ctx.audit.actor.id ?? null) : null,
          ...(promo ? { promotionCodes: { create: { ...promo, scopeKey, stripePromotionCodeId } } } : {}),
        },
        include: { promotionCodes: true },
      });
      await appendAudit(tx, ctx.audit, {
        action: "coupon.created",
        storeId: row.storeId,
        target: { type: "coupon", id: row.id },
        after: auditFacts(row, promo?.code),
      });
      return row;
    });
    return couponView(saved);
  } catch (err) {
    // Nothing of ours was written: take the Stripe coupon back so it cannot be redeemed.
    await deleteStripeCoupon({ stripeCouponId, stripeAccountId: ctx.stripeAccountId }).catch(() => undefined);
    if (isUniqueViolation(err)) throw codeTaken();
    throw err;
  }
}

function auditFacts(c: Coupon, code?: string | null) {
  return {
    scope: c.scope,
    name: c.name,
    percentOffBps: c.percentOffBps,
    amountOff: c.amountOff,
    currency: c.currency,
    duration: c.duration,
    durationInMonths: c.durationInMonths,
    maxRedemptions: c.maxRedemptions,
    appliesTo: c.appliesTo,
    firstTimeOnly: c.firstTimeOnly,
    appliesToCredits: c.appliesToCredits,
    stripeCouponId: c.stripeCouponId,
    ...(code ? { code } : {}),
  };
}

export async function createPlatformCoupon(input: CreatePlatformCouponInput, audit: AuditContext) {
  await checkPlans(input.plans);
  return createCoupon({ scope: "PLATFORM" }, input, { audit, stripeAccountId: null });
}

/** A store coupon lives on the store's connected account (409 account_not_connected without one). */
export async function createStoreCoupon(storeId: string, input: CreateStoreCouponInput, audit: AuditContext) {
  await checkProducts(storeId, input.productIds);
  // Read here rather than through lib/connect, which sits above coupons (connect → tenancy → billing → coupons).
  const account = await prisma.stripeAccount.findUnique({ where: { storeId }, select: { accountId: true } });
  if (!account) throw new AppError("account_not_connected", "Connect a Stripe account first.");
  return createCoupon({ scope: "STORE", storeId }, input, { audit, stripeAccountId: account.accountId });
}

async function findOwnCoupon(owner: CouponOwner, id: string) {
  const coupon = await prisma.coupon.findFirst({
    where: { id, ...ownerWhere(owner) },
    include: { promotionCodes: { orderBy: { createdAt: "asc" } } },
  });
  if (!coupon) throw notFound("Coupon");
  return coupon;
}

export async function listCoupons(owner: CouponOwner, query: ListCouponsQuery) {
  const rows = await prisma.coupon.findMany({
    where: {
      ...ownerWhere(owner),
      ...(query.status === "all" ? {} : { active: query.status === "active" }),
    },
    include: { promotionCodes: { orderBy: { createdAt: "asc" } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
  if (query.cursor && !(await prisma.coupon.count({ where: { id: query.cursor, ...ownerWhere(owner) } })))
    throw new AppError("validation_failed", "cursor: not a cursor from this list.", { param: "cursor" });
  return {
    data: rows.slice(0, query.limit).map(couponView),
    nextCursor: rows.length > query.limit ? rows[query.limit - 1]!.id : null,
  };
}

export async function getCoupon(owner: CouponOwner, id: string): Promise<CouponView> {
  return couponView(await findOwnCoupon(owner, id));
}

/** The coupon's redemptions, newest first (keyset on id). */
export async function listRedemptions(
  owner: CouponOwner,
  couponId: string,
  query: { limit: number; cursor?: string },
): Promise<{ data: RedemptionView[]; nextCursor: string | null }> {
  await findOwnCoupon(owner, couponId);
  const rows = await prisma.couponRedemption.findMany({
    where: { couponId },
    include: { promotionCode: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
  return {
    data: rows.slice(0, query.limit).map(redemptionView),
    nextCursor: rows.length > query.limit ? rows[query.limit - 1]!.id : null,
  };
}

/** Recent redemptions of every coupon of the owner (the dashboard's list). */
export async function recentRedemptions(owner: CouponOwner, take = 20): Promise<RedemptionView[]> {
  const rows = await prisma.couponRedemption.findMany({
    where: { coupon: ownerWhere(owner) },
    include: { promotionCode: true, store: { select: { name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
  return rows.map(redemptionView);
}

export async function addPromotionCode(
  owner: CouponOwner,
  couponId: string,
  input: PromotionCodeInput,
  audit: AuditContext,
) {
  const coupon = await findOwnCoupon(owner, couponId);
  if (!coupon.active)
    throw new AppError("conflict", "This coupon is deactivated: it takes no new codes.", { param: "couponId" });
  checkMinimum(coupon, input);
  const scopeKey = scopeKeyFor(coupon.scope, coupon.storeId);
  await assertCodeFree(scopeKey, input.code);
  const promo = promoFacts(input);
  const stripeCouponId = await ensureStripeCoupon(coupon);
  const stripePromotionCodeId = await createStripePromotionCode(coupon, stripeCouponId, promo);
  try {
    return await prisma.$transaction(async (tx) => {
      const row = await tx.promotionCode.create({
        data: { ...promo, couponId: coupon.id, scopeKey, stripePromotionCodeId },
      });
      await appendAudit(tx, audit, {
        action: "coupon.promotion_code_created",
        storeId: coupon.storeId,
        target: { type: "promotion_code", id: row.id },
        after: {
          couponId: coupon.id,
          code: row.code,
          maxRedemptions: row.maxRedemptions,
          expiresAt: row.expiresAt?.toISOString() ?? null,
          minimumAmount: row.minimumAmount,
          stripePromotionCodeId,
        },
      });
      return promotionCodeView(row);
    });
  } catch (err) {
    await deactivatePromotionCodeInStripe(coupon, { stripePromotionCodeId }).catch(() => undefined);
    if (isUniqueViolation(err)) throw codeTaken();
    throw err;
  }
}

/** Deactivates the coupon and all its codes, here and in Stripe. Discounts already granted stay. */
export async function deactivateCoupon(owner: CouponOwner, couponId: string, audit: AuditContext) {
  const coupon = await findOwnCoupon(owner, couponId);
  if (!coupon.active) return couponView(coupon);
  await deactivateInStripe(coupon, coupon.promotionCodes);
  const saved = await prisma.$transaction(async (tx) => {
    const changed = await tx.coupon.updateMany({ where: { id: coupon.id, active: true }, data: { active: false } });
    await tx.promotionCode.updateMany({ where: { couponId: coupon.id }, data: { active: false } });
    if (changed.count === 1)
      await appendAudit(tx, audit, {
        action: "coupon.deactivated",
        storeId: coupon.storeId,
        target: { type: "coupon", id: coupon.id },
        before: { active: true },
        after: { active: false, timesRedeemed: coupon.timesRedeemed },
      });
    return tx.coupon.findUniqueOrThrow({
      where: { id: coupon.id },
      include: { promotionCodes: { orderBy: { createdAt: "asc" } } },
    });
  });
  return couponView(saved);
}

export async function deactivatePromotionCode(
  owner: CouponOwner,
  couponId: string,
  codeId: string,
  audit: AuditContext,
) {
  const coupon = await findOwnCoupon(owner, couponId);
  const promo = coupon.promotionCodes.find((p) => p.id === codeId);
  if (!promo) throw notFound("Promotion code");
  if (!promo.active) return promotionCodeView(promo);
  await deactivatePromotionCodeInStripe(coupon, promo);
  return prisma.$transaction(async (tx) => {
    const row = await tx.promotionCode.update({ where: { id: promo.id }, data: { active: false } });
    await appendAudit(tx, audit, {
      action: "coupon.promotion_code_deactivated",
      storeId: coupon.storeId,
      target: { type: "promotion_code", id: promo.id },
      before: { active: true },
      after: { active: false, code: promo.code, timesRedeemed: promo.timesRedeemed },
    });
    return promotionCodeView(row);
  });
}
