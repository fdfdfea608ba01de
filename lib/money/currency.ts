/**
 * Currencies whose minor unit is the unit itself (Stripe's zero-decimal list, the subset we may
 * meet). Every other currency Vitrine handles has two decimals.
 */
const ZERO_DECIMAL = new Set([
  "BIF",
  "CLP",
  "DJF",
  "GNF",
  "JPY",
  "KMF",
  "KRW",
  "MGA",
  "PYG",
  "RWF",
  "UGX",
  "VND",
  "VUV",
  "XAF",
  "XOF",
  "XPF",
]);

/** How many digits the currency's minor unit has: 2 for BRL/USD, 0 for JPY. */
export function minorUnitDigits(currency: string): number {
  return ZERO_DECIMAL.has(currency.toUpperCase()) ? 0 : 2;
}

/** Minor units in one major unit: 100 for BRL/USD, 1 for JPY (integer maths, never a float). */
export function minorPerMajor(currency: string): number {
  return 10 ** minorUnitDigits(currency);
}

/** Throws unless amount is a safe integer of minor units (never a float, never NaN). */
export function assertMinorUnits(amount: number, what = "amount"): void {
  if (typeof amount !== "number" || !Number.isSafeInteger(amount))
    throw new RangeError(`${what} must be a whole number of minor units`);
}
