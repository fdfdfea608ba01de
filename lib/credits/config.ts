// Conversion rate and bounds for custom credit amounts, per currency. Read at call time (not
// cached) so tests and operators can change them without a restart of the module graph.

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

export function isCreditCurrency(currency: string): currency is CreditCurrency {
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
    minAmount: Math.round(positive(env[`CREDITS_MIN_AMOUNT_${cur}`], d.min)),
    maxAmount: Math.round(positive(env[`CREDITS_MAX_AMOUNT_${cur}`], d.max)),
  };
}

/** Credits bought by a custom amount (minor units): whole credits only, rounded down. */
export function creditsForAmount(amountMinor: number, rules: CustomAmountRules): number {
  return Math.floor((amountMinor * rules.creditsPerUnit) / 100);
}
