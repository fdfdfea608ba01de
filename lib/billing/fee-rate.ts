// The platform fee rate a store pays on each sale: basis points of the amount plus a fixed amount
// in major units of the sale currency. Plans carry their own; this file holds only the shape and
// the single-plan default (PLATFORM_PRICE_ID mode), which lib/checkout/fees re-exports.

export type FeeRate = { percentBps: number; fixed: string };

/**
 * The rate from PLATFORM_FEE_PERCENT (e.g. "2.5") and PLATFORM_FEE_FIXED (e.g. "0.50"). Used only in
 * the single-plan mode (PLATFORM_PRICE_ID): with the plan catalog, a store without a live plan pays
 * the Free plan's rate (lib/billing/entitlements.ts effectivePlan), never this one.
 */
export function defaultFeeRate(env: Record<string, string | undefined> = process.env): FeeRate {
  const percent = env.PLATFORM_FEE_PERCENT ?? "2.5";
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(percent);
  if (!m || Number(percent) > 100)
    throw new Error(`PLATFORM_FEE_PERCENT must be a percentage with up to 2 decimals, got "${percent}"`);
  return { percentBps: Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")), fixed: env.PLATFORM_FEE_FIXED ?? "0" };
}
