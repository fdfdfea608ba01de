// Promotion codes are typed by people: compared upper-cased, unique within their scope (the platform,
// or one issuing store), so "bemvindo10" and "BEMVINDO10" are the same code.
export const PLATFORM_SCOPE_KEY = "platform";

export type CouponScopeName = "PLATFORM" | "STORE";

/** The scope a promotion code is unique in: "platform" or the issuing store's id. */
export function scopeKeyFor(scope: CouponScopeName, storeId: string | null): string {
  if (scope === "PLATFORM") return PLATFORM_SCOPE_KEY;
  if (!storeId) throw new Error("A store coupon needs its store id");
  return storeId;
}

/** What a typed code is stored and looked up as. Locale-free upper-casing (no Turkish dotless i). */
export function normalizeCode(code: string): string {
  return code.trim().toLocaleUpperCase("en-US");
}

/** Letters, digits, dash and underscore; 3 to 40 characters (Stripe's promotion code alphabet). */
export const CODE_PATTERN = /^[A-Za-z0-9_-]{3,40}$/;

/** Basis points as the decimal percent Stripe takes: 1250 → 12.5 (text maths, no float division). */
export function bpsToPercent(bps: number): number {
  const digits = String(bps).padStart(3, "0");
  return Number(`${digits.slice(0, -2)}.${digits.slice(-2)}`);
}

/** Basis points as people read them: 1250 → "12.5", 1000 → "10". */
export function bpsToPercentText(bps: number): string {
  return String(bpsToPercent(bps));
}
