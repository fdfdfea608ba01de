// Parts of an amount (a split share, the credits a partial refund takes back) on exact integers:
// floor(amount × numerator / denominator) in BigInt, so no product or quotient ever becomes a float.
import { assertMinorUnits } from "./currency";

/** floor(amount × numerator / denominator) for non-negative safe integers: shareOf(1999, 15, 100) → 299. */
export function shareOf(amountMinor: number, numerator: number, denominator: number): number {
  assertMinorUnits(amountMinor);
  assertMinorUnits(numerator, "numerator");
  assertMinorUnits(denominator, "denominator");
  if (amountMinor < 0 || numerator < 0 || denominator <= 0)
    throw new RangeError("shareOf takes a non-negative amount and numerator and a positive denominator");
  return Number((BigInt(amountMinor) * BigInt(numerator)) / BigInt(denominator));
}
