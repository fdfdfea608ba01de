"use client";
// The pure entry point loads nothing on import: in emulator mode the stand-in must define
// window.Stripe before loadStripe runs, and no request may go to js.stripe.com.
import { loadStripe } from "@stripe/stripe-js/pure";
import type { Stripe } from "@stripe/stripe-js";
import type { Locale } from "@/lib/i18n/config";

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

/** Stripe.js on the PLATFORM account (credits are paid to Vitrine, not to a connected account). */
export function platformStripe(config: StripeBrowser, locale: Locale): Promise<Stripe | null> {
  const key = `${config.publishableKey}|${locale}`;
  let promise = cache.get(key);
  if (!promise) {
    promise = (config.standInScriptUrl ? loadScript(config.standInScriptUrl) : Promise.resolve()).then(() => loadStripe(config.publishableKey, { locale: locale === "pt-BR" ? "pt-BR" : "en" }));
    cache.set(key, promise);
  }
  return promise;
}
