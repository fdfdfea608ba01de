import type { Locale } from "./config";

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
