"use client";
import type { Stripe } from "@stripe/stripe-js";
import type { Locale } from "@/lib/i18n/config";
import { loadStripeJs, type StripeBrowser } from "@/components/stripe/browser";

export type { StripeBrowser };

/** Stripe.js on the PLATFORM account (credits are paid to Vitrine, not to a connected account). */
export function platformStripe(config: StripeBrowser, locale: Locale): Promise<Stripe | null> {
  return loadStripeJs(config, locale);
}
