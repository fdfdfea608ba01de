// Conversion rate and bounds for custom credit amounts, per currency. Read at call time (not
// cached) so tests and operators can change them without a restart of the module graph.
import { minorPerMajor } from "@/lib/money";

export type CreditCurrency = "USD" | "BRL";
export type CustomAmountRules = { currency: string; creditsPerUnit: number; minAmount: number; maxAmount: number };

/**
 * CREDITS_PER_UNIT is credits per 1 USD (default 10). BRL has its own rate, CREDITS_PER_UNIT_BRL,
 * default 2 credits per R$ 1 (R$ 5 ≈ US$ 1, the same rate the seeded BRL packages use).
 * Bounds are integer minor units: USD 5.00–1,000.00, BRL 25.00–5,000.00 by default.
 */
const DEFAULTS: Record<CreditCurrency, { rate: string; min: number; max: number }> = {
  USD: { rate: "CREDITS_PER_UNIT", min: 500, max: 100_000 },
  BRL: { rate: "CREDITS_PER_UNIT_BRL", min: 2_500, max: 500_000 },
};
const DEFAULT_RATE: Record<CreditCurrency, number> = { USD: 10, BRL: 2 };

function positive(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === "" ? NaN : Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export /** Bounds are minor units: a whole number, as lib/env/schema.ts already demands at start. */
function positiveMinorUnits(value: string | undefined, fallback: number): number {
  const n = positive(value, fallback);
  return Number.isSafeInteger(n) ? n : fallback;
}

function isCreditCurrency(currency: string): currency is CreditCurrency {
  return currency === "USD" || currency === "BRL";
}

export function customAmountRules(
  currency: string,
  env: Record<string, string | undefined> = process.env,
): CustomAmountRules {
  const cur: CreditCurrency = isCreditCurrency(currency) ? currency : "USD";
  const d = DEFAULTS[cur];
  return {
    currency: cur,
    creditsPerUnit: positive(env[d.rate], DEFAULT_RATE[cur]),
    minAmount: positiveMinorUnits(env[`CREDITS_MIN_AMOUNT_${cur}`], d.min),
    maxAmount: positiveMinorUnits(env[`CREDITS_MAX_AMOUNT_${cur}`], d.max),
  };
}

/**
 * Credits bought by a custom amount (minor units) at `creditsPerUnit` per major unit: whole credits
 * only, rounded down. The rate may be fractional ("0.29" per unit), so it is read back as the exact
 * decimal the operator wrote and the product is taken in BigInt, never as a float.
 */
export function creditsForAmount(
  amountMinor: number,
  rules: Pick<CustomAmountRules, "creditsPerUnit" | "currency">,
): number {
  const [numerator, denominator] = exactDecimal(rules.creditsPerUnit);
  return Number((BigInt(amountMinor) * numerator) / (denominator * BigInt(minorPerMajor(rules.currency))));
}

/** 2.5 → [25n, 10n], 1e-7 → [1n, 10000000n]: a number's shortest decimal text as a fraction. */
function exactDecimal(rate: number): [bigint, bigint] {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(rate));
  if (!m) throw new RangeError(`a credits rate must be a non-negative number, got ${rate}`);
  const fraction = m[2] ?? "";
  const exponent = Number(m[3] ?? 0) - fraction.length;
  const digits = BigInt(m[1]! + fraction);
  return exponent >= 0 ? [digits * 10n ** BigInt(exponent), 1n] : [digits, 10n ** BigInt(-exponent)];
}
