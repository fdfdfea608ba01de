import "server-only";
import { env } from "@/lib/env/server";
import type { ServerEnv } from "@/lib/env/schema";

type SessionEnv = Pick<ServerEnv, "APP_ENV" | "APP_URL" | "JWT_ACCESS_TTL_SECONDS" | "JWT_REFRESH_TTL_SECONDS">;

/**
 * How sessions behave (docs/operations.md "Sessions"): cookies are Secure — and so named
 * `__Secure-next-auth.session-token` — in production and whenever APP_URL is https; the session
 * JWT expires JWT_REFRESH_TTL_SECONDS after it was last issued, and an open dashboard re-issues it
 * every JWT_ACCESS_TTL_SECONDS (never less often than the refresh window allows).
 */
export function sessionSettings(e: SessionEnv = env()) {
  const refreshTtlSeconds = e.JWT_REFRESH_TTL_SECONDS;
  return {
    secureCookies: e.APP_ENV === "production" || e.APP_URL.startsWith("https://"),
    accessTtlSeconds: Math.min(e.JWT_ACCESS_TTL_SECONDS, refreshTtlSeconds),
    refreshTtlSeconds,
  };
}

/** The session cookie's name under those settings (next-auth's own naming). */
export function sessionCookieName(secure: boolean): string {
  return `${secure ? "__Secure-" : ""}next-auth.session-token`;
}
