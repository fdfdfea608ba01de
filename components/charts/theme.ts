// Shared look of Vitrine's recharts charts: the palette's CSS variables for axes, grid and tooltip,
// and how a day is labelled, so every chart reads the same in both languages.
import type { CSSProperties } from "react";

export const AXIS_TICK = { fontSize: 11, fill: "var(--color-ink-subtle)" } as const;
export const AXIS_LINE = { stroke: "var(--color-line)" } as const;
export const GRID_STROKE = "var(--color-line)";
export const CURSOR_FILL = { fill: "var(--color-surface-hover)" } as const;
export const TOOLTIP_STYLE: CSSProperties = {
  fontSize: 12,
  borderRadius: 8,
  borderColor: "var(--color-line)",
  background: "var(--color-surface-raised)",
  color: "var(--color-ink)",
};

/** A calendar day "YYYY-MM-DD" as "5 de dez." / "Dec 5" (a date without a zone: read in UTC). */
export function dayLabel(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** A whole number shortened for an axis: 1.200 → "1,2 mil" / "1.2K". */
export function compactNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(value);
}
