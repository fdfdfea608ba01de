// Platform fee on a seller's sale: a percentage (in basis points) plus a fixed amount.
//
// Rounding (documented in docs/fees.md): the percentage part is computed on integer minor units
// and rounded half-up to the nearest minor unit; the fixed part is given in major units (e.g.
// "0.50") and converted to the sale currency's minor units, rounded half-up (so it is 0 for a
// zero-decimal currency when under half a unit); the fee never exceeds the amount.
import { decimalToMinor } from "@/lib/money";

export type FeeRate = { percentBps: number; fixed: string };

/** "0.50" → 50 in BRL/USD, → 1 in JPY ("0.50" rounds half-up), exactly, without floats. */
export function majorToMinor(major: string, currency: string): number {
  // A fixed fee is never negative, so a sign is as invalid as text.
  const minor = /^\s*\d/.test(major) ? decimalToMinor(major, currency, "half-up") : null;
  if (minor === null) throw new Error(`Invalid fixed fee "${major}"`);
  return minor;
}

export function percentPart(amountMinor: number, bps: number): number {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0)
    throw new Error("amount must be a non-negative integer of minor units");
  if (!Number.isInteger(bps) || bps < 0 || bps > 10_000)
    throw new Error("fee basis points must be an integer from 0 to 10000");
  // Half-up: floor((a * bps + 5000) / 10000) on exact integers.
  return Number((BigInt(amountMinor) * BigInt(bps) + 5000n) / 10000n);
}

/** The application fee for a one-time payment, in the sale currency's minor units. */
export function applicationFeeAmount(amountMinor: number, currency: string, rate: FeeRate): number {
  const fee = percentPart(amountMinor, rate.percentBps) + majorToMinor(rate.fixed, currency);
  return Math.min(fee, amountMinor);
}

/** Subscriptions take only a percentage (Stripe's application_fee_percent, up to 2 decimals). */
export function applicationFeePercent(rate: FeeRate): number {
  return rate.percentBps / 100;
}

/** The default rate from PLATFORM_FEE_PERCENT (e.g. "2.5") and PLATFORM_FEE_FIXED (e.g. "0.50"). */
export function defaultFeeRate(env: Record<string, string | undefined> = process.env): FeeRate {
  const percent = env.PLATFORM_FEE_PERCENT ?? "2.5";
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(percent);
  if (!m || Number(percent) > 100)
    throw new Error(`PLATFORM_FEE_PERCENT must be a percentage with up to 2 decimals, got "${percent}"`);
  return { percentBps: Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")), fixed: env.PLATFORM_FEE_FIXED ?? "0" };
}
