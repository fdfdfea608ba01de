/**
 * Redeeming coupons and promotion codes: whether one can be redeemed right now (validity, expiry,
 * redemption limits, promotion code restrictions, currency), and counting redemptions.
 *
 * `coupon.valid` and `promotion_code.active` are derived and refreshed whenever they are read or
 * redeemed and as the emulator clock moves, so they never go stale.
 */
import type Stripe from "stripe";
import type { EmulatorApp } from "../app";
import type { Ctx } from "../context";
import { StripeApiError, invalidRequest } from "../errors";
import { idOf } from "../ids";
import type { Rec } from "../store";
import { amountOffIn } from "./discount-math";

export type DiscountRequest = { coupon?: string; promotion_code?: string; discount?: string };

/** A coupon about to be redeemed, directly or through one of its promotion codes. */
export type Redeemable = { coupon: Rec<"coupon">; promo: Rec<"promotion_code"> | null };

/** What a promotion code's restrictions are checked against. */
export type Purchase = {
  customer: Rec<"customer"> | null;
  currency: string;
  /** The amount the purchase would cost before discounts (0 for a trial), for minimum_amount. */
  amount: number;
};

export function couponIsValid(app: EmulatorApp, c: Stripe.Coupon): boolean {
  if (c.redeem_by !== null && app.clock.now() > c.redeem_by) return false;
  return c.max_redemptions === null || c.times_redeemed < c.max_redemptions;
}

export function refreshCoupon(app: EmulatorApp, rec: Rec<"coupon">): Rec<"coupon"> {
  rec.obj.valid = couponIsValid(app, rec.obj);
  return rec;
}

/** Why a promotion code cannot be redeemed (ignoring its coupon), or null. */
function promotionCodeBlock(app: EmulatorApp, p: Stripe.PromotionCode, enabled: boolean): string | null {
  if (!enabled) return "it is inactive";
  if (p.expires_at !== null && app.clock.now() > p.expires_at) return "it has expired";
  if (p.max_redemptions !== null && p.times_redeemed >= p.max_redemptions)
    return "it has been redeemed the maximum number of times";
  return null;
}

/** A promotion code is only active if it is enabled, unexpired, not used up and its coupon is valid. */
export function refreshPromotionCode(app: EmulatorApp, rec: Rec<"promotion_code">): Rec<"promotion_code"> {
  const coupon = app.store.get("coupon", String(idOf(rec.obj.promotion.coupon)), rec.scope);
  rec.obj.active =
    promotionCodeBlock(app, rec.obj, rec.x.enabled) === null && !!coupon && couponIsValid(app, coupon.obj);
  return rec;
}

/** Called as the clock moves: redeem_by and expires_at pass without any request. */
export function refreshAllDiscounts(app: EmulatorApp): void {
  for (const c of app.store.list("coupon", "*")) refreshCoupon(app, c);
  for (const p of app.store.list("promotion_code", "*")) refreshPromotionCode(app, p);
}

export function couponExpired(coupon: Stripe.Coupon, param: string): StripeApiError {
  return invalidRequest(`Coupon expired: ${coupon.id}`, { code: "coupon_expired", param });
}

function cannotRedeem(reason: string, param: string, code?: string): StripeApiError {
  return invalidRequest(`This promotion code cannot be redeemed because ${reason}.`, {
    param,
    ...(code ? { code } : {}),
  });
}

/** Succeeded payments or paid invoices with money in them, in the customer's account. */
export function hasPriorTransactions(ctx: Ctx, customer: Rec<"customer">): boolean {
  const { store } = ctx.app;
  const paid = store.list(
    "charge",
    customer.scope,
    (c) => idOf(c.obj.customer) === customer.id && c.obj.paid && c.obj.status === "succeeded" && c.obj.amount > 0,
  );
  if (paid.length) return true;
  return (
    store.list(
      "invoice",
      customer.scope,
      (i) => idOf(i.obj.customer) === customer.id && i.obj.status === "paid" && i.obj.amount_paid > 0,
    ).length > 0
  );
}

function checkCurrency(coupon: Rec<"coupon">, currency: string, param: string): void {
  if (coupon.obj.amount_off === null || amountOffIn(coupon.obj, currency) !== null) return;
  throw invalidRequest(
    `The coupon ${coupon.id} takes ${coupon.obj.amount_off} off in ${coupon.obj.currency} and has no currency_options for ${currency.toLowerCase()}, so it cannot discount a purchase in ${currency.toLowerCase()}.`,
    { param },
  );
}

function checkRestrictions(ctx: Ctx, promo: Rec<"promotion_code">, purchase: Purchase, param: string): void {
  const p = promo.obj;
  const restrictedTo = idOf(p.customer);
  if (restrictedTo && purchase.customer?.id !== restrictedTo)
    throw cannotRedeem("it is restricted to another customer", param);
  if (p.restrictions.first_time_transaction && purchase.customer && hasPriorTransactions(ctx, purchase.customer))
    throw cannotRedeem(
      "the associated customer has prior transactions",
      param,
      "promotion_code_customer_not_first_time",
    );
  const r = p.restrictions;
  const currency = purchase.currency.toLowerCase();
  const minimum =
    r.minimum_amount_currency === currency
      ? r.minimum_amount
      : (r.currency_options?.[currency]?.minimum_amount ?? null);
  if (minimum === null && r.minimum_amount !== null)
    throw cannotRedeem(`it has no minimum amount for purchases in ${currency}`, param);
  if (minimum !== null && purchase.amount < minimum)
    throw cannotRedeem("the associated purchase does not meet the minimum amount requirement", param);
}

/**
 * Validates one entry of a `discounts` parameter (`discounts[0]`) for a purchase and returns what
 * it would redeem. Throws Stripe's errors: resource_missing, coupon_expired, promotion code refusals.
 */
export function resolveDiscount(ctx: Ctx, req: DiscountRequest, param: string, purchase: Purchase): Redeemable {
  const { app } = ctx;
  if (req.coupon && req.promotion_code)
    throw invalidRequest("You may only specify one of these parameters: coupon, promotion_code.", {
      param,
      code: "parameters_exclusive",
    });
  if (req.promotion_code) {
    const at = `${param}[promotion_code]`;
    const promo = refreshPromotionCode(app, app.store.need("promotion_code", req.promotion_code, ctx.scope, at));
    const coupon = app.store.get("coupon", String(idOf(promo.obj.promotion.coupon)), ctx.scope);
    if (!coupon) throw cannotRedeem("its coupon has been deleted", at);
    if (!couponIsValid(app, coupon.obj)) throw couponExpired(coupon.obj, at);
    const blocked = promotionCodeBlock(app, promo.obj, promo.x.enabled);
    if (blocked) throw cannotRedeem(blocked, at);
    checkRestrictions(ctx, promo, purchase, at);
    checkCurrency(coupon, purchase.currency, at);
    return { coupon, promo };
  }
  if (req.coupon) {
    const at = `${param}[coupon]`;
    const coupon = refreshCoupon(app, app.store.need("coupon", req.coupon, ctx.scope, at));
    if (!coupon.obj.valid) throw couponExpired(coupon.obj, at);
    checkCurrency(coupon, purchase.currency, at);
    return { coupon, promo: null };
  }
  throw invalidRequest(`You must specify either \`coupon\` or \`promotion_code\` in ${param}.`, {
    param,
    code: "parameter_missing",
  });
}

/** Counts one redemption of the coupon (and promotion code). */
export function redeem(ctx: Ctx, r: Redeemable): void {
  r.coupon.obj.times_redeemed += 1;
  refreshCoupon(ctx.app, r.coupon);
  if (r.promo) r.promo.obj.times_redeemed += 1;
  refreshPromotionCodesOf(ctx, r.coupon);
}

/** Gives a redemption back (a Checkout subscription whose first payment failed). */
export function unredeem(ctx: Ctx, r: Redeemable): void {
  r.coupon.obj.times_redeemed = Math.max(0, r.coupon.obj.times_redeemed - 1);
  refreshCoupon(ctx.app, r.coupon);
  if (r.promo) r.promo.obj.times_redeemed = Math.max(0, r.promo.obj.times_redeemed - 1);
  refreshPromotionCodesOf(ctx, r.coupon);
}

export function refreshPromotionCodesOf(ctx: Ctx, coupon: { id: string; scope: string | null }): void {
  for (const p of ctx.app.store.list(
    "promotion_code",
    coupon.scope,
    (rec) => idOf(rec.obj.promotion.coupon) === coupon.id,
  ))
    refreshPromotionCode(ctx.app, p);
}

/** The coupon's terms, including the includable applies_to and currency_options. */
export function couponTerms(coupon: Rec<"coupon">): Stripe.Coupon {
  return structuredClone(coupon.obj);
}
