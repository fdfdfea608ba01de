// The one switch between real Stripe and the local emulator (sandbox/stripe). Nothing else in
// lib/ or app/ branches on emulator mode: everything goes through getStripe() and the official SDK.
import Stripe from "stripe";
import { env } from "@/lib/env/server";

export const EMULATOR_SECRET_KEY = "sk_test_emulator";
export const EMULATOR_PUBLISHABLE_KEY = "pk_test_emulator";

export type StripeMode =
  | { kind: "emulator"; secretKey: string; publishableKey: string; emulatorUrl: string }
  | { kind: "stripe"; secretKey: string; publishableKey: string | null };

export class StripeConfigError extends Error {
  name = "StripeConfigError";
}

/** Decides the mode from the environment; refuses combinations that could move real money by accident. */
export function resolveStripeMode(env: Record<string, string | undefined> = process.env): StripeMode {
  const key = env.STRIPE_SECRET_KEY || undefined;
  const forced = env.STRIPE_EMULATOR === "1" || env.STRIPE_EMULATOR === "true";
  if (!key || forced) {
    if (env.APP_ENV === "production")
      throw new StripeConfigError(
        "The Stripe emulator cannot run with APP_ENV=production: set STRIPE_SECRET_KEY (and unset STRIPE_EMULATOR).",
      );
    if (key && /^(sk|rk)_live_/.test(key))
      throw new StripeConfigError(
        "STRIPE_EMULATOR=1 with a live STRIPE_SECRET_KEY is refused: use a test key or unset STRIPE_EMULATOR.",
      );
    return {
      kind: "emulator",
      secretKey: EMULATOR_SECRET_KEY,
      publishableKey: EMULATOR_PUBLISHABLE_KEY,
      emulatorUrl: env.STRIPE_EMULATOR_URL || "http://127.0.0.1:12111",
    };
  }
  return { kind: "stripe", secretKey: key, publishableKey: env.STRIPE_PUBLISHABLE_KEY || null };
}

/** True when the platform runs with a live Stripe key: its payments, and its store callbacks, are real money. */
export function isLiveMode(): boolean {
  const mode = resolveStripeMode();
  return mode.kind === "stripe" && /^(sk|rk)_live_/.test(mode.secretKey);
}

function createClient(mode: StripeMode): Stripe {
  const common = { appInfo: { name: "Vitrine", version: "0.1.0" }, maxNetworkRetries: 2, timeout: 20_000 } as const;
  if (mode.kind === "stripe") return new Stripe(mode.secretKey, common);
  const url = new URL(mode.emulatorUrl);
  return new Stripe(mode.secretKey, {
    ...common,
    host: url.hostname,
    port: Number(url.port || 80),
    protocol: url.protocol === "https:" ? "https" : "http",
    maxNetworkRetries: 0,
  });
}

const g = globalThis as unknown as { __vitrineStripe?: { key: string; client: Stripe } };

/** The process's Stripe client (recreated if the configuration changes, e.g. between tests). */
export function getStripe(): Stripe {
  const mode = resolveStripeMode();
  const key = `${mode.kind}|${mode.secretKey}|${mode.kind === "emulator" ? mode.emulatorUrl : ""}`;
  if (g.__vitrineStripe?.key !== key) g.__vitrineStripe = { key, client: createClient(mode) };
  return g.__vitrineStripe.client;
}

/** What the browser needs: the publishable key and, in emulator mode, the Stripe.js stand-in to load first. */
export function stripeBrowserConfig(): { publishableKey: string | null; standInScriptUrl: string | null } {
  const mode = resolveStripeMode();
  if (mode.kind === "stripe") return { publishableKey: mode.publishableKey, standInScriptUrl: null };
  const publicUrl = env().STRIPE_EMULATOR_PUBLIC_URL || mode.emulatorUrl;
  return { publishableKey: mode.publishableKey, standInScriptUrl: `${publicUrl}/stripe.js` };
}

/** Options for a call on a seller's connected account (request options go after params in the SDK). */
export function onAccount(stripeAccount: string, idempotencyKey?: string): Stripe.RequestOptions {
  return idempotencyKey ? { stripeAccount, idempotencyKey } : { stripeAccount };
}
