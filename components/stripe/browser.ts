"use client";
// Stripe.js in the browser, for buyers (on the seller's connected account) and for sellers buying
// credits (on the platform account). The pure entry point loads nothing on import: in emulator mode
// the stand-in script must define window.Stripe before loadStripe runs, and no request may go to
// js.stripe.com.
import { loadStripe } from "@stripe/stripe-js/pure";
import type { Stripe } from "@stripe/stripe-js";
import type { Locale } from "@/lib/i18n/config";
import type { TranslateFn } from "@/lib/i18n/translate";

/** What the server hands the browser (lib/stripe/client stripeBrowserConfig): never a secret. */
export type StripeBrowser = { publishableKey: string; standInScriptUrl: string | null };

function loadScript(src: string): Promise<void> {
  if (typeof window !== "undefined" && "Stripe" in window) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = src;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error(`Could not load ${src}`));
    document.head.appendChild(s);
  });
}

const cache = new Map<string, Promise<Stripe | null>>();

/** Stripe.js for one account and locale, loaded once per page. */
export function loadStripeJs(config: StripeBrowser, locale: Locale, stripeAccount?: string): Promise<Stripe | null> {
  const key = `${config.publishableKey}|${stripeAccount ?? ""}|${locale}`;
  let promise = cache.get(key);
  if (!promise) {
    promise = (config.standInScriptUrl ? loadScript(config.standInScriptUrl) : Promise.resolve()).then(() =>
      loadStripe(config.publishableKey, {
        ...(stripeAccount ? { stripeAccount } : {}),
        locale: locale === "pt-BR" ? "pt-BR" : "en",
      }),
    );
    cache.set(key, promise);
  }
  return promise;
}

const DECLINE_KEYS = [
  "card_declined",
  "generic_decline",
  "insufficient_funds",
  "expired_card",
  "incorrect_cvc",
  "incorrect_number",
  "processing_error",
] as const;

/**
 * The reader's-language message for a Stripe decline: the decline code first (the precise one,
 * e.g. insufficient_funds under card_declined), then the error code. Stripe's own English message
 * is never shown.
 */
export function declineMessage(t: TranslateFn, err: { code?: string | null; decline_code?: string | null }): string {
  if (err.code === "payment_intent_authentication_failure" || err.decline_code === "authentication_required")
    return t("common.declines.authentication_failed");
  const key = [err.decline_code, err.code].find(
    (k): k is (typeof DECLINE_KEYS)[number] => !!k && (DECLINE_KEYS as readonly string[]).includes(k),
  );
  return key ? t(`common.declines.${key}`) : t("common.declines.generic");
}
