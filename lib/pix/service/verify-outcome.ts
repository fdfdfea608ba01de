// What a failed gateway check tells the seller: a stable code (the dashboard words it in the
// seller's language) and the gateway's own reason, cleaned so it can be shown — never a secret.
import { isPixGatewayError } from "@/lib/pix/errors";

/** Codes a check ends with; anything else is shown as a generic failure. */
export const VERIFY_ERROR_CODES = [
  "invalid_credentials",
  "gateway_unavailable",
  "gateway_rejected",
  "webhook_registration_failed",
] as const;
export type VerifyErrorCode = (typeof VERIFY_ERROR_CODES)[number] | "check_failed";

export type VerifyOutcome =
  | { ok: true; code?: undefined; reason?: undefined; error?: undefined }
  | {
      ok: false;
      code: VerifyErrorCode;
      /** The gateway's words, sanitized (may be in the gateway's language), or null when it gave none. */
      reason: string | null;
      /** An English sentence for API clients and logs (also kept as the config's lastError). */
      error: string;
    };

const REASON_MAX = 200;

/**
 * Makes a gateway's text safe to show: control characters and runs of whitespace become one
 * space, every credential value the seller entered is blanked out (whatever the gateway echoed),
 * long token-like runs are cut, and the length is capped.
 */
export function sanitizeReason(text: string | null | undefined, secrets: unknown[]): string | null {
  if (!text) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  let out = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ");
  for (const s of secrets) if (typeof s === "string" && s.trim().length >= 4) out = out.split(s.trim()).join("••••");
  // A gateway that echoes a bearer token or key we did not hold: no run of 32+ key characters survives.
  out = out.replace(/[A-Za-z0-9_\-+/=.]{32,}/g, "••••");
  out = out.replace(/\s+/g, " ").trim();
  if (!out) return null;
  return out.length > REASON_MAX ? `${out.slice(0, REASON_MAX - 1)}…` : out;
}

export function verifyCode(err: unknown): VerifyErrorCode {
  if (!isPixGatewayError(err)) return "check_failed";
  return (VERIFY_ERROR_CODES as readonly string[]).includes(err.code) ? (err.code as VerifyErrorCode) : "check_failed";
}

/** The gateway's own reason carried by a gateway error, sanitized; null when there is none. */
export function gatewayReason(err: unknown, secrets: unknown[]): string | null {
  return isPixGatewayError(err) ? sanitizeReason(err.details.detail, secrets) : null;
}
