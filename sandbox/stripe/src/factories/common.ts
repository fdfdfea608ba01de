/** Small shared builders for factories. */
import type Stripe from "stripe";

/**
 * Decimal fields (`unit_amount_decimal`, …) travel as strings on the wire; the SDK types them as
 * its client-side Decimal class, which it builds from that string when parsing a response.
 * This is the one place the emulator bridges the two.
 */
export function wireDecimal(value: number): Stripe.Decimal {
  return String(value) as unknown as Stripe.Decimal;
}

export function emptyAddress(): Stripe.Address {
  return { city: null, country: null, line1: null, line2: null, postal_code: null, state: null };
}

export type CardDetails = {
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
  funding: string;
  country: string;
};
