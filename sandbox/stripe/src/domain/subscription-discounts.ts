/**
 * Discounts on subscriptions and their invoices. A discount is created when a coupon or promotion
 * code is redeemed on a subscription (create or update), and then, invoice by invoice:
 *   once      → the first invoice it takes money off; it leaves the subscription at the next renewal;
 *   repeating → every invoice created before `end` (start + duration_in_months), then it leaves;
 *   forever   → every invoice.
 * Invoice lines carry `discount_amounts`, the invoice `discounts` and `total_discount_amounts`.
 */
import { formatMoney } from "@/lib/money";
import type { EmulatorApp } from "../app";
import { addInterval } from "../clock";
import type { Ctx } from "../context";
import { invalidRequest } from "../errors";
import { emit } from "../events";
import type { LineInput } from "../factories/billing";
import { discountObject } from "../factories/discounts";
import { idOf } from "../ids";
import type { Rec } from "../store";
import { amountOffIn, applyDiscounts } from "./discount-math";
import {
  couponTerms,
  type DiscountRequest,
  type Purchase,
  type Redeemable,
  redeem,
  resolveDiscount,
  unredeem,
} from "./discounts";

export function resolveAll(ctx: Ctx, reqs: DiscountRequest[], purchase: Purchase, prefix = "discounts"): Redeemable[] {
  return reqs.map((req, i) => {
    if (req.discount && !req.coupon && !req.promotion_code)
      throw invalidRequest(`No such discount: '${req.discount}'`, {
        param: `${prefix}[${i}][discount]`,
        code: "resource_missing",
      });
    return resolveDiscount(ctx, req, `${prefix}[${i}]`, purchase);
  });
}

/** Creates the discounts of `sub` for redeemed coupons and counts each redemption. */
export function createDiscounts(ctx: Ctx, sub: Rec<"subscription">, redeemables: Redeemable[]): Rec<"discount">[] {
  const now = ctx.app.clock.now();
  return redeemables.map((r) => {
    const c = r.coupon.obj;
    const end =
      c.duration === "repeating" && c.duration_in_months ? addInterval(now, "month", c.duration_in_months) : null;
    const rec = ctx.app.store.insert(
      "discount",
      sub.scope,
      discountObject({
        coupon: c.id,
        promotionCode: r.promo?.id ?? null,
        customer: String(idOf(sub.obj.customer)),
        subscription: sub.id,
        checkoutSession: null,
        start: now,
        end,
      }),
      { coupon: couponTerms(r.coupon), consumed: false },
    );
    redeem(ctx, r);
    return rec;
  });
}

/**
 * Gives back the redemptions of a subscription that never started: refused by
 * error_if_incomplete (its discounts are removed with it) or a Checkout whose first payment failed.
 */
export function releaseDiscounts(ctx: Ctx, sub: Rec<"subscription">, opts: { remove: boolean }): void {
  for (const d of discountsOf(ctx, sub)) {
    const coupon = ctx.app.store.get("coupon", String(idOf(d.obj.source.coupon)), sub.scope);
    const promoId = idOf(d.obj.promotion_code);
    const promo = promoId ? (ctx.app.store.get("promotion_code", promoId, sub.scope) ?? null) : null;
    if (coupon) unredeem(ctx, { coupon, promo });
    if (opts.remove) ctx.app.store.remove("discount", d.id);
  }
}

export function announceDiscounts(ctx: Ctx, discounts: Rec<"discount">[]): void {
  for (const d of discounts) emit(ctx, "customer.discount.created", d.obj);
}

function discountsOf(ctx: Ctx, sub: Rec<"subscription">): Rec<"discount">[] {
  return sub.obj.discounts
    .map((d) => ctx.app.store.get("discount", String(idOf(d)), sub.scope))
    .filter((d): d is Rec<"discount"> => !!d);
}

function stillApplies(d: Rec<"discount">, at: number): boolean {
  if (d.x.coupon.duration === "once") return !d.x.consumed;
  if (d.x.coupon.duration === "repeating") return d.obj.end === null || at < d.obj.end;
  return true;
}

/** The subscription's discounts that apply to an invoice created at `at`. */
export function discountsFor(ctx: Ctx, sub: Rec<"subscription">, at: number): Rec<"discount">[] {
  return discountsOf(ctx, sub).filter((d) => stillApplies(d, at));
}

/** At a renewal: discounts that no longer apply leave the subscription (customer.discount.deleted). */
export function dropEndedDiscounts(ctx: Ctx, sub: Rec<"subscription">, at: number): void {
  const ended = discountsOf(ctx, sub).filter((d) => !stillApplies(d, at));
  if (!ended.length) return;
  sub.obj.discounts = sub.obj.discounts.filter((d) => !ended.some((e) => e.id === idOf(d)));
  for (const d of ended) emit(ctx, "customer.discount.deleted", d.obj);
}

/**
 * subscriptions.update `discounts`: a populated array replaces the discounts (`{discount}` keeps an
 * existing one, `{coupon}`/`{promotion_code}` redeems a new one); an empty string clears them.
 */
export function replaceDiscounts(
  ctx: Ctx,
  sub: Rec<"subscription">,
  reqs: DiscountRequest[],
  purchase: Purchase,
): void {
  const current = discountsOf(ctx, sub);
  const kept: Rec<"discount">[] = [];
  const fresh: Redeemable[] = [];
  reqs.forEach((req, i) => {
    if (req.discount && !req.coupon && !req.promotion_code) {
      const existing = current.find((d) => d.id === req.discount);
      if (!existing)
        throw invalidRequest(`No such discount: '${req.discount}'`, {
          param: `discounts[${i}][discount]`,
          code: "resource_missing",
        });
      kept.push(existing);
    } else {
      fresh.push(resolveDiscount(ctx, req, `discounts[${i}]`, purchase));
    }
  });
  const created = createDiscounts(ctx, sub, fresh);
  const removed = current.filter((d) => !kept.includes(d));
  sub.obj.discounts = [...kept, ...created].map((d) => d.id);
  for (const d of removed) emit(ctx, "customer.discount.deleted", d.obj);
  announceDiscounts(ctx, created);
}

export type DiscountedLines = {
  lines: LineInput[];
  discounts: string[];
  totals: Array<{ amount: number; discount: string }>;
};

/** Applies discounts to invoice lines (prorations are not discountable) and uses up `once` ones. */
export function discountLines(discounts: Rec<"discount">[], currency: string, lines: LineInput[]): DiscountedLines {
  const applied = applyDiscounts(
    discounts.map((d) => ({ discount: d, coupon: d.x.coupon })),
    currency,
    lines.map((l) => ({ amount: l.amount, product: idOf(l.price.product), discountable: !l.proration })),
  );
  for (const t of applied.totals)
    if (t.discount.x.coupon.duration === "once" && t.amount > 0) t.discount.x.consumed = true;
  return {
    lines: lines.map((l, i) => ({
      ...l,
      discountAmounts: applied.perLine[i].map((a) => ({ amount: a.amount, discount: a.discount.id })),
    })),
    discounts: discounts.map((d) => d.id),
    totals: applied.totals.map((t) => ({ amount: t.amount, discount: t.discount.id })),
  };
}

/** "Launch (25% off)" rows with the amount each discount took off an invoice, for its page and PDF. */
export function invoiceDiscountRows(app: EmulatorApp, inv: Rec<"invoice">): Array<{ label: string; amount: number }> {
  return (inv.obj.total_discount_amounts ?? []).map((t) => {
    const d = app.store.get("discount", String(idOf(t.discount)), inv.scope);
    const c = d?.x.coupon;
    const currency = inv.obj.currency;
    const off = !c
      ? ""
      : c.percent_off !== null
        ? `${c.percent_off}% off`
        : `${formatMoney(amountOffIn(c, currency) ?? 0, currency, "en-US")} off`;
    const name = c?.name ?? c?.id ?? "Discount";
    return { label: off ? `${name} (${off})` : name, amount: t.amount };
  });
}
