// The only values a sign-in failure may carry to the browser (`?error=` of the redirect, or
// signIn()'s `error`): stable codes, never an exception's message. Shared by the credentials
// provider, the /api/auth route and the sign-in form, so it stays free of server imports.

export const SIGN_IN_ERRORS = [
  "invalid_credentials",
  "rate_limited",
  "account_locked",
  "account_suspended",
  "sign_in_failed",
] as const;
export type SignInErrorCode = (typeof SIGN_IN_ERRORS)[number];

/** What anything else becomes: the detail stays in the server log under the request id. */
export const GENERIC_SIGN_IN_ERROR: SignInErrorCode = "sign_in_failed";

/** `account_locked` carries the minutes until the account's budget refills: `account_locked:12`. */
export function accountLockedError(retryAfterSeconds: number): string {
  return `account_locked:${Math.max(1, Math.ceil(retryAfterSeconds / 60))}`;
}

export type SignInError = { code: SignInErrorCode; minutes?: number };

/** A known code (with its minutes), or null for anything else. */
export function parseSignInError(value: string | null | undefined): SignInError | null {
  const m = /^([a-z_]{1,40})(?::(\d{1,4}))?$/.exec(value ?? "");
  if (!m || !(SIGN_IN_ERRORS as readonly string[]).includes(m[1])) return null;
  const code = m[1] as SignInErrorCode;
  if (m[2] !== undefined) return code === "account_locked" ? { code, minutes: Number(m[2]) } : null;
  return { code };
}

/** The value itself when it is a known code, else the generic code. */
export function safeSignInError(value: string | null | undefined): string {
  return parseSignInError(value) ? (value as string) : GENERIC_SIGN_IN_ERROR;
}
