import { creditsForAmount } from "@/lib/credits/config";
import { parseAmount } from "@/lib/money";
import type { Locale } from "@/lib/i18n/config";
import type { CustomAmountRule } from "./types";

export type CustomAmountCheck =
  | { ok: true; amount: number; credits: number }
  | { ok: false; reason: "empty" | "format" | "decimals" | "range" };

/**
 * Credits for an amount in minor units at `creditsPerUnit` credits per major unit, rounded down:
 * the preview only; the server computes the credits it grants with the same rule.
 */
export function creditsFor(amountMinor: number, rule: Pick<CustomAmountRule, "creditsPerUnit" | "currency">): number {
  return creditsForAmount(amountMinor, rule);
}

/** What the seller typed → amount in minor units within the bounds, and the credits it buys. */
export function checkCustomAmount(input: string, rule: CustomAmountRule, locale: Locale): CustomAmountCheck {
  const parsed = parseAmount(input, rule.currency, locale);
  if (!parsed.ok) return parsed;
  if (parsed.minor < rule.minAmount || parsed.minor > rule.maxAmount) return { ok: false, reason: "range" };
  return { ok: true, amount: parsed.minor, credits: creditsFor(parsed.minor, rule) };
}
