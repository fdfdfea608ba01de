import type { Locale } from "./config";

/** Currencies whose minor unit is the unit itself (Stripe's zero-decimal list, subset we may meet). */
const ZERO_DECIMAL = new Set(["BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"]);

export function minorUnitDigits(currency: string): number {
  return ZERO_DECIMAL.has(currency.toUpperCase()) ? 0 : 2;
}

/** Formats integer minor units (e.g. 1990 BRL) for display: "R$ 19,90" in pt-BR, "R$19.90" in en. */
export function formatMoney(amountMinor: number, currency: string, locale: Locale): string {
  const digits = minorUnitDigits(currency);
  return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase(), minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amountMinor / 10 ** digits);
}

/** The zone every date in the UI is shown in (most sellers are in Brazil). */
export const DISPLAY_TIME_ZONE = "America/Sao_Paulo";

export function formatDateTime(value: Date | string | number, locale: Locale, timeZone = DISPLAY_TIME_ZONE): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(value));
}

export function formatDate(value: Date | string | number, locale: Locale, timeZone = DISPLAY_TIME_ZONE): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(new Date(value));
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}
