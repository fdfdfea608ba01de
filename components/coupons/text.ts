// How a coupon reads to people: "12,5 % de desconto", "R$ 15,00 off", "3 months", and the clear
// message for each refusal code (the API's message is English; the UI speaks the reader's language).
import type { TranslateFn, MessageKey } from "@/lib/i18n/translate";
import type { CouponView } from "@/lib/coupons/views";
import { ApiError } from "@/components/api-client";

type Money = (minor: number, currency: string) => string;

/** Basis points as a locale percentage: 1250 → "12,5 %" (a rate, not money). */
export function percentText(bps: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(bps / 10_000);
}

export function discountText(
  c: Pick<CouponView, "percentOffBps" | "amountOff" | "currency">,
  locale: string,
  money: Money,
) {
  if (c.percentOffBps !== null) return percentText(c.percentOffBps, locale);
  return money(c.amountOff ?? 0, c.currency ?? "BRL");
}

export function durationText(c: Pick<CouponView, "duration" | "durationInMonths">, t: TranslateFn): string {
  if (c.duration === "repeating") return t("coupons.duration.repeating", { months: c.durationInMonths ?? 0 });
  return t(c.duration === "forever" ? "coupons.duration.forever" : "coupons.duration.once");
}

/** Error codes with a message of their own in the coupons namespace. */
export const COUPON_ERROR_CODES: ReadonlySet<string> = new Set([
  "coupon_not_found",
  "coupon_inactive",
  "coupon_not_yet_valid",
  "coupon_expired",
  "coupon_exhausted",
  "coupon_wrong_plan",
  "coupon_wrong_currency",
  "coupon_first_time_only",
  "coupon_minimum_amount",
  "coupon_not_applicable",
  "coupon_no_subscription",
  "amount_below_minimum",
  "already_exists",
  "account_not_connected",
]);

/** The reader's-language message for a coupon refusal; other errors keep the server's message. */
export function couponErrorText(err: unknown, t: TranslateFn, money: Money, currency?: string): string {
  if (!(err instanceof ApiError)) return t("coupons.errors.generic");
  if (err.code === "coupon_minimum_amount") {
    const minimum = err.details?.minimum_amount;
    return typeof minimum === "number" && currency
      ? t("coupons.errors.coupon_minimum_amount", { amount: money(minimum, currency) })
      : t("coupons.errors.coupon_minimum_amount_plain");
  }
  if (COUPON_ERROR_CODES.has(err.code)) return t(`coupons.errors.${err.code}` as MessageKey);
  return err.message || t("coupons.errors.generic");
}
