/**
 * Discounts on Checkout Sessions: one coupon or promotion code, given at creation (`discounts`) or
 * entered by the buyer on the hosted page (`allow_promotion_codes`). The session's line items and
 * totals show the discount; the redemption counts when the session completes (payment mode) or when
 * its subscription is created (subscription mode), and an exhausted or expired coupon is refused then.
 */
import type Stripe from "stripe";
import type { Ctx } from "../context";
import { StripeApiError } from "../errors";
import { idOf } from "../ids";
import type { Rec } from "../store";
import { couponAmounts } from "./discount-math";
import {
  type DiscountRequest,
  type Purchase,
  type Redeemable,
  redeem,
  refreshPromotionCode,
  resolveDiscount,
} from "./discounts";

/** The session's discount as a `discounts[0]` request, or null. */
export function sessionDiscountRequest(session: Stripe.Checkout.Session): DiscountRequest | null {
  const d = session.discounts?.[0];
  if (!d) return null;
  const promo = idOf(d.promotion_code);
  if (promo) return { promotion_code: promo };
  const coupon = idOf(d.coupon);
  return coupon ? { coupon } : null;
}

export function sessionPurchase(ctx: Ctx, session: Rec<"checkout_session">, trialDays?: number): Purchase {
  const customerId = idOf(session.obj.customer);
  const subtotal = session.x.lineItems.reduce((sum, li) => sum + li.amount_subtotal, 0);
  return {
    customer: customerId ? (ctx.app.store.get("customer", customerId, session.scope) ?? null) : null,
    currency: session.obj.currency ?? "usd",
    amount: trialDays ? 0 : subtotal,
  };
}

/** Recomputes line items and totals for the coupon (or none): amount_discount, amount_total, total_details. */
export function priceSession(session: Rec<"checkout_session">, coupon: Stripe.Coupon | null): void {
  const items = session.x.lineItems;
  const currency = session.obj.currency ?? "usd";
  const lines = items.map((li) => ({
    amount: li.amount_subtotal,
    product: li.price ? idOf(li.price.product) : null,
    discountable: true,
  }));
  const off = coupon
    ? couponAmounts(
        coupon,
        currency,
        lines,
        lines.map((l) => l.amount),
      )
    : lines.map(() => 0);
  items.forEach((li, i) => {
    li.amount_discount = off[i];
    li.amount_total = li.amount_subtotal - off[i];
  });
  const subtotal = items.reduce((sum, li) => sum + li.amount_subtotal, 0);
  const discount = off.reduce((a, b) => a + b, 0);
  session.obj.amount_subtotal = subtotal;
  session.obj.amount_total = subtotal - discount;
  session.obj.total_details = {
    amount_discount: discount,
    amount_shipping: session.obj.total_details?.amount_shipping ?? 0,
    amount_tax: session.obj.total_details?.amount_tax ?? 0,
  };
}

/** Resolves (and so re-validates) the session's discount; throws Stripe's error when it can't be redeemed. */
export function resolveSessionDiscount(ctx: Ctx, session: Rec<"checkout_session">): Redeemable | null {
  const req = sessionDiscountRequest(session.obj);
  if (!req) return null;
  return resolveDiscount(
    ctx,
    req,
    "discounts[0]",
    sessionPurchase(ctx, session, session.x.subscriptionData.trial_period_days),
  );
}

/** The message a buyer sees when the session's discount can no longer be redeemed, or null. */
export function sessionDiscountProblem(ctx: Ctx, session: Rec<"checkout_session">): string | null {
  try {
    resolveSessionDiscount(ctx, session);
    return null;
  } catch (err) {
    if (err instanceof StripeApiError) return err.body.message;
    throw err;
  }
}

/**
 * Payment mode: the redemption counts when the session completes. It was validated before the payment
 * (completeCheckout); checking again now would see the buyer's own payment as a "prior transaction".
 */
export function redeemSessionDiscount(ctx: Ctx, session: Rec<"checkout_session">): void {
  const req = sessionDiscountRequest(session.obj);
  const { store } = ctx.app;
  const promo = req?.promotion_code ? (store.get("promotion_code", req.promotion_code, session.scope) ?? null) : null;
  const couponId = promo ? idOf(promo.obj.promotion.coupon) : (req?.coupon ?? null);
  const coupon = couponId ? store.get("coupon", couponId, session.scope) : undefined;
  if (coupon) redeem(ctx, { coupon, promo });
}

export type PromotionCodeResult = { ok: true } | { ok: false; message: string };

/** The hosted page's promotion code field. Codes match regardless of case, as on Stripe. */
export function applyPromotionCode(ctx: Ctx, session: Rec<"checkout_session">, code: string): PromotionCodeResult {
  if (session.obj.status !== "open") return { ok: false, message: `This Checkout Session is ${session.obj.status}.` };
  if (!session.obj.allow_promotion_codes)
    return { ok: false, message: "This Checkout Session does not accept promotion codes." };
  const wanted = code.trim().toUpperCase();
  const customer = idOf(session.obj.customer);
  const candidates = ctx.app.store
    .list("promotion_code", session.scope, (p) => p.obj.code.toUpperCase() === wanted)
    .map((p) => refreshPromotionCode(ctx.app, p))
    .sort((a, b) => rank(b, customer) - rank(a, customer));
  const promo = candidates[0];
  if (!wanted || !promo || !promo.obj.active) return { ok: false, message: "This code is invalid." };
  try {
    const r = resolveDiscount(
      ctx,
      { promotion_code: promo.id },
      "promotion_code",
      sessionPurchase(ctx, session, session.x.subscriptionData.trial_period_days),
    );
    session.obj.discounts = [{ coupon: null, promotion_code: promo.id }];
    priceSession(session, r.coupon.obj);
    return { ok: true };
  } catch (err) {
    if (err instanceof StripeApiError) return { ok: false, message: err.body.message };
    throw err;
  }
}

/** Active codes first, and among them the one restricted to this customer, then unrestricted ones. */
function rank(p: Rec<"promotion_code">, customer: string | null): number {
  const owner = idOf(p.obj.customer);
  return (p.obj.active ? 4 : 0) + (owner && owner === customer ? 2 : 0) + (owner ? 0 : 1);
}

export function removePromotionCode(session: Rec<"checkout_session">): void {
  if (session.obj.status !== "open" || !session.obj.allow_promotion_codes) return;
  session.obj.discounts = [];
  priceSession(session, null);
}
