// Coupons and promotion codes live in Stripe too: PLATFORM ones on the platform account, STORE ones on
// the seller's connected account. Every create carries an idempotency key made from our id, so a
// retry (or two racing requests) makes one Stripe object; our row then remembers its Stripe id.
import type Stripe from "stripe";
import type { Coupon, PromotionCode } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { getStripe } from "@/lib/stripe/client";
import { callStripe } from "@/lib/stripe/errors";
import { bpsToPercent } from "./codes";

const DURATION = { ONCE: "once", REPEATING: "repeating", FOREVER: "forever" } as const;

function accountOptions(coupon: Pick<CouponFacts, "stripeAccountId">, idempotencyKey?: string): Stripe.RequestOptions {
  return {
    ...(coupon.stripeAccountId ? { stripeAccount: coupon.stripeAccountId } : {}),
    ...(idempotencyKey ? { idempotencyKey } : {}),
  };
}

const unix = (d: Date | null) => (d ? Math.floor(d.getTime() / 1000) : undefined);

/** STORE coupons limited to products: our product ids → the connected account's Stripe product ids. */
async function stripeProducts(coupon: CouponFacts): Promise<string[]> {
  if (coupon.scope !== "STORE" || !coupon.storeId || coupon.appliesTo.length === 0) return [];
  const rows = await prisma.product.findMany({
    where: { storeId: coupon.storeId, id: { in: coupon.appliesTo } },
    select: { stripeProductId: true },
  });
  return rows.flatMap((r) => (r.stripeProductId ? [r.stripeProductId] : []));
}

/** What the Stripe objects are made from: a saved row, or one about to be saved (its id chosen already). */
export type CouponFacts = Omit<Coupon, "createdAt" | "updatedAt" | "metadata" | "timesRedeemed" | "createdById">;
export type PromotionCodeFacts = Pick<
  PromotionCode,
  "id" | "code" | "active" | "maxRedemptions" | "expiresAt" | "minimumAmount"
>;

/** Creates the Stripe coupon for our coupon id (idempotent on that id) and returns its Stripe id. */
export async function createStripeCoupon(coupon: CouponFacts): Promise<string> {
  const products = await stripeProducts(coupon);
  const params: Stripe.CouponCreateParams = {
    name: coupon.name.slice(0, 40),
    duration: DURATION[coupon.duration],
    ...(coupon.duration === "REPEATING" && coupon.durationInMonths
      ? { duration_in_months: coupon.durationInMonths }
      : {}),
    ...(coupon.percentOffBps !== null
      ? { percent_off: bpsToPercent(coupon.percentOffBps) }
      : { amount_off: coupon.amountOff ?? 0, currency: (coupon.currency ?? "").toLowerCase() }),
    ...(coupon.maxRedemptions !== null ? { max_redemptions: coupon.maxRedemptions } : {}),
    ...(coupon.redeemBy ? { redeem_by: unix(coupon.redeemBy) } : {}),
    ...(products.length ? { applies_to: { products } } : {}),
    metadata: { vitrineCouponId: coupon.id, scope: coupon.scope },
  };
  const created = await callStripe(() =>
    getStripe().coupons.create(params, accountOptions(coupon, `vitrine:coupon:${coupon.id}`)),
  );
  return created.id;
}

/** The coupon's Stripe id, creating the Stripe coupon the first time. */
export async function ensureStripeCoupon(coupon: Coupon): Promise<string> {
  if (coupon.stripeCouponId) return coupon.stripeCouponId;
  const id = await createStripeCoupon(coupon);
  await prisma.coupon.update({ where: { id: coupon.id }, data: { stripeCouponId: id } });
  return id;
}

/**
 * Creates the Stripe promotion code for our code id (idempotent on that id). A code whose coupon
 * starts later is created inactive (Stripe has no start date) and switched on by activateStartedCodes.
 * "First time only" is only mirrored for STORE coupons: Stripe's rule (no earlier payment by the
 * customer) matches a buyer's first order, not a seller's first plan (a seller who bought credits
 * has paid before); PLATFORM coupons are checked by us before Stripe sees them.
 */
export async function createStripePromotionCode(
  coupon: CouponFacts,
  stripeCouponId: string,
  promo: PromotionCodeFacts,
  now = new Date(),
): Promise<string> {
  const minimumCurrency = coupon.currency ?? (await storeCurrency(coupon));
  const notStarted = !!coupon.validFrom && coupon.validFrom.getTime() > now.getTime();
  const restrictions: Stripe.PromotionCodeCreateParams.Restrictions = {
    ...(coupon.firstTimeOnly && coupon.scope === "STORE" ? { first_time_transaction: true } : {}),
    ...(promo.minimumAmount !== null && minimumCurrency
      ? { minimum_amount: promo.minimumAmount, minimum_amount_currency: minimumCurrency.toLowerCase() }
      : {}),
  };
  const created = await callStripe(() =>
    getStripe().promotionCodes.create(
      {
        promotion: { type: "coupon", coupon: stripeCouponId },
        code: promo.code,
        active: promo.active && !notStarted,
        ...(promo.maxRedemptions !== null ? { max_redemptions: promo.maxRedemptions } : {}),
        ...(promo.expiresAt ? { expires_at: unix(promo.expiresAt) } : {}),
        ...(Object.keys(restrictions).length ? { restrictions } : {}),
        metadata: { vitrinePromotionCodeId: promo.id, vitrineCouponId: coupon.id },
      },
      accountOptions(coupon, `vitrine:promotion-code:${promo.id}`),
    ),
  );
  return created.id;
}

/** The promotion code's Stripe id, creating it (and its coupon) the first time. */
export async function ensureStripePromotionCode(coupon: Coupon, promo: PromotionCode): Promise<string> {
  if (promo.stripePromotionCodeId) return promo.stripePromotionCodeId;
  const stripeCouponId = await ensureStripeCoupon(coupon);
  const id = await createStripePromotionCode(coupon, stripeCouponId, promo);
  await prisma.promotionCode.update({ where: { id: promo.id }, data: { stripePromotionCodeId: id } });
  return id;
}

async function storeCurrency(coupon: CouponFacts): Promise<string | null> {
  if (!coupon.storeId) return null;
  const store = await prisma.store.findUnique({ where: { id: coupon.storeId }, select: { currency: true } });
  return store?.currency ?? null;
}

/** Switches on the Stripe promotion codes whose coupon has started (created inactive before then). */
export async function activateStartedCodes(
  where: { storeId?: string | null; scope: "PLATFORM" | "STORE" },
  now = new Date(),
) {
  const codes = await prisma.promotionCode.findMany({
    where: {
      active: true,
      stripePromotionCodeId: { not: null },
      coupon: { active: true, scope: where.scope, storeId: where.storeId ?? null, validFrom: { lte: now, not: null } },
    },
    include: { coupon: true },
    take: 100,
  });
  for (const { coupon, ...promo } of codes) {
    const current = await callStripe(() =>
      getStripe().promotionCodes.retrieve(promo.stripePromotionCodeId!, {}, accountOptions(coupon)),
    );
    if (!current.active && !expiredOrUsed(promo, now))
      await callStripe(() =>
        getStripe().promotionCodes.update(promo.stripePromotionCodeId!, { active: true }, accountOptions(coupon)),
      );
  }
}

function expiredOrUsed(promo: PromotionCode, now: Date): boolean {
  if (promo.expiresAt && promo.expiresAt.getTime() < now.getTime()) return true;
  return promo.maxRedemptions !== null && promo.timesRedeemed >= promo.maxRedemptions;
}

/** Deactivation reaches Stripe: the codes are switched off and the coupon deleted (existing discounts stay). */
export async function deactivateInStripe(coupon: Coupon, promos: PromotionCode[]) {
  for (const promo of promos) {
    if (!promo.stripePromotionCodeId) continue;
    await callStripe(() =>
      getStripe().promotionCodes.update(promo.stripePromotionCodeId!, { active: false }, accountOptions(coupon)),
    );
  }
  await deleteStripeCoupon(coupon);
}

export async function deactivatePromotionCodeInStripe(
  coupon: Pick<CouponFacts, "stripeAccountId">,
  promo: Pick<PromotionCode, "stripePromotionCodeId">,
) {
  if (!promo.stripePromotionCodeId) return;
  await callStripe(() =>
    getStripe().promotionCodes.update(promo.stripePromotionCodeId!, { active: false }, accountOptions(coupon)),
  );
}

/** Deletes a Stripe coupon (no new redemptions; existing discounts stay). Already deleted is fine. */
export async function deleteStripeCoupon(coupon: Pick<CouponFacts, "stripeAccountId" | "stripeCouponId">) {
  if (!coupon.stripeCouponId) return;
  try {
    await getStripe().coupons.del(coupon.stripeCouponId, {}, accountOptions(coupon));
  } catch (err) {
    // Already deleted (a retried deactivation): nothing left to do.
    if ((err as { statusCode?: number }).statusCode === 404) return;
    await callStripe(() => Promise.reject(err));
  }
}
