import type { TranslateFn } from "@/lib/i18n/translate";

const DECLINE_KEYS = ["card_declined", "generic_decline", "insufficient_funds", "expired_card", "incorrect_cvc", "incorrect_number", "processing_error"] as const;

/**
 * The seller-language message for a Stripe decline: the decline code first (it is the precise one,
 * e.g. insufficient_funds under card_declined), then the error code. Stripe's own English message
 * is never shown.
 */
export function creditDeclineMessage(t: TranslateFn, err: { code?: string | null; decline_code?: string | null }): string {
  if (err.code === "payment_intent_authentication_failure" || err.decline_code === "authentication_required") return t("credits.declines.authentication_failed");
  const key = [err.decline_code, err.code].find((k): k is (typeof DECLINE_KEYS)[number] => !!k && (DECLINE_KEYS as readonly string[]).includes(k));
  return key ? t(`credits.declines.${key}`) : t("credits.declines.generic");
}
