// Exact conversions between integer minor units and decimal text ("19.90"), with string and
// BigInt arithmetic only: 19.9 never becomes 1989, and no binary float ever carries money.
import { assertMinorUnits, minorUnitDigits } from "./currency";

/** 1990 BRL → "19.90"; 500 JPY → "500"; -5 USD → "-0.05". The text gateways and BR Codes use. */
export function minorToDecimal(minor: number, currency: string): string {
  assertMinorUnits(minor);
  const digits = minorUnitDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const text = String(Math.abs(minor)).padStart(digits + 1, "0");
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * 1990 BRL → 19.9, for a JSON API that wants a number in major units. The number is read from the
 * exact decimal text (never divided), so it is the double a sender writing "19.90" would produce.
 */
export function minorToMajorNumber(minor: number, currency: string): number {
  return Number(minorToDecimal(minor, currency));
}

export type DecimalRounding = "exact" | "half-up";

const DECIMAL_RE = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * "19.9" / "19.90" → 1990 (BRL). A plain decimal with a dot; no grouping, no symbols.
 * `exact` (default) refuses more decimals than the currency has; `half-up` rounds them
 * (configured fees such as "0.50" in JPY → 1). Returns null for anything that is not a number.
 */
export function decimalToMinor(text: string, currency: string, rounding: DecimalRounding = "exact"): number | null {
  const m = DECIMAL_RE.exec(text.trim());
  if (!m) return null;
  const digits = minorUnitDigits(currency);
  const frac = m[3] ?? "";
  if (rounding === "exact" && frac.slice(digits).replace(/0+$/, "") !== "") return null;
  let minor = BigInt(m[2]!) * 10n ** BigInt(digits) + BigInt(frac.slice(0, digits).padEnd(digits, "0") || "0");
  if (rounding === "half-up" && Number(frac.charAt(digits) || "0") >= 5) minor += 1n;
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return m[1] ? -Number(minor) : Number(minor);
}

/**
 * A JSON number in major units from an outside API (19.9 reais) → 1990. The float is only read,
 * never computed with: toFixed picks the decimal the sender meant, and a value with real content
 * past the currency's decimals is refused (null) rather than rounded away.
 */
export function majorNumberToMinor(major: number, currency: string): number | null {
  if (typeof major !== "number" || !Number.isFinite(major)) return null;
  const digits = minorUnitDigits(currency);
  const text = major.toFixed(digits);
  if (Math.abs(Number(text) - major) > 1e-9) return null;
  return decimalToMinor(text, currency);
}
