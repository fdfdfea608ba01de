import { ApiError } from "@/components/api-client";
import type { TranslateFn } from "@/lib/i18n/translate";

const KNOWN = [
  "account_not_connected",
  "charges_not_enabled",
  "price_archived",
  "already_exists",
  "validation_failed",
  "stripe_error",
  "rate_limited",
  "unauthenticated",
  "not_found",
] as const;
type KnownCode = (typeof KNOWN)[number];

export type ErrorText = { title: string; detail?: string };

/**
 * The seller-facing text for a failed API call: a translated sentence for the stable codes,
 * with the API's own message as the detail when we have nothing more specific to say.
 */
export function apiErrorText(t: TranslateFn, err: unknown): ErrorText {
  if (!(err instanceof ApiError)) return { title: t("connect.errors.network") };
  if ((KNOWN as readonly string[]).includes(err.code)) {
    const code = err.code as KnownCode;
    // Validation and Stripe failures are only useful with the specifics the API gives.
    const withDetail = code === "validation_failed" || code === "stripe_error" || code === "already_exists";
    return { title: t(`connect.errors.${code}`), detail: withDetail ? err.message : undefined };
  }
  return { title: t("connect.errors.generic"), detail: err.message };
}
