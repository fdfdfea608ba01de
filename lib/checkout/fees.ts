// Platform fee on a seller's sale: a percentage (in basis points) plus a fixed amount.
//
// Rounding (documented in docs/fees.md): the percentage part is computed on integer minor units
// and rounded half-up to the nearest minor unit; the fixed part is given in major units (e.g.
// "0.50") and converted to the sale currency's minor units, rounded half-up (so it is 0 for a
// zero-decimal currency when under half a unit); the fee never exceeds the amount.
import type { FeeRate } from "@/lib/billing/fee-rate";
import { decimalToMinor } from "@/lib/money";

export { defaultFeeRate, type FeeRate } from "@/lib/billing/fee-rate";

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
