/**
 * How much a coupon takes off, on integer minor units only (BigInt where a product could grow):
 * percent_off per line, rounded half up to the minor unit; amount_off capped at what the eligible
 * lines cost and spread over them in proportion (largest remainder), so the parts add up exactly.
 * Several discounts apply one after the other, each to what the previous ones left.
 */
import type Stripe from "stripe";

export type CouponTerms = Pick<Stripe.Coupon, "percent_off" | "amount_off" | "currency" | "currency_options"> & {
  applies_to?: { products: string[] };
};

export type DiscountableLine = { amount: number; product: string | null; discountable: boolean };

/** The coupon's amount_off in `currency` (its own currency or a currency_options entry), else null. */
export function amountOffIn(coupon: CouponTerms, currency: string): number | null {
  if (coupon.amount_off === null) return null;
  const cur = currency.toLowerCase();
  if (coupon.currency === cur) return coupon.amount_off;
  return coupon.currency_options?.[cur]?.amount_off ?? null;
}

/** A percent as an exact fraction: 25.5 → 255 / 1000 (the API takes at most 6 decimals). */
function percentFraction(percent: number): { num: bigint; den: bigint } {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(percent));
  if (!m) throw new RangeError(`Unsupported percent_off ${percent}`);
  const decimals = m[2] ?? "";
  return { num: BigInt(m[1] + decimals), den: 100n * 10n ** BigInt(decimals.length) };
}

/** round_half_up(amount × percent / 100) for a non-negative integer amount. */
export function percentOf(amount: number, percent: number): number {
  const { num, den } = percentFraction(percent);
  return Number((2n * BigInt(amount) * num + den) / (2n * den));
}

/** Splits `total` over `weights` in proportion; the parts are integers that add up to `total`. */
export function spread(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => BigInt(total) * BigInt(w));
  const parts = exact.map((e) => Number(e / BigInt(sum)));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, rem: e % BigInt(sum) }))
    .sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts;
}

function eligible(coupon: CouponTerms, line: DiscountableLine): boolean {
  if (!line.discountable || line.amount <= 0) return false;
  const products = coupon.applies_to?.products ?? [];
  return !products.length || (line.product !== null && products.includes(line.product));
}

/** What one coupon takes off each line, given what each line still costs (`remaining`). */
export function couponAmounts(
  coupon: CouponTerms,
  currency: string,
  lines: DiscountableLine[],
  remaining: number[],
): number[] {
  const base = lines.map((line, i) => (eligible(coupon, line) ? Math.max(0, remaining[i]) : 0));
  if (coupon.percent_off !== null)
    return base.map((amount) => Math.min(amount, percentOf(amount, coupon.percent_off!)));
  const off = amountOffIn(coupon, currency) ?? 0;
  const subtotal = base.reduce((a, b) => a + b, 0);
  return spread(Math.min(off, subtotal), base);
}

export type AppliedDiscount<D> = { discount: D; amount: number };

/** Applies `discounts` in order; per line and in total, the amount each one took off. */
export function applyDiscounts<D>(
  discounts: Array<{ discount: D; coupon: CouponTerms }>,
  currency: string,
  lines: DiscountableLine[],
): { perLine: AppliedDiscount<D>[][]; totals: AppliedDiscount<D>[] } {
  const remaining = lines.map((l) => l.amount);
  const perLine: AppliedDiscount<D>[][] = lines.map(() => []);
  const totals: AppliedDiscount<D>[] = [];
  for (const { discount, coupon } of discounts) {
    const amounts = couponAmounts(coupon, currency, lines, remaining);
    amounts.forEach((amount, i) => {
      remaining[i] -= amount;
      if (eligible(coupon, lines[i])) perLine[i].push({ discount, amount });
    });
    totals.push({ discount, amount: amounts.reduce((a, b) => a + b, 0) });
  }
  return { perLine, totals };
}
