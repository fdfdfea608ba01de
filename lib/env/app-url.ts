import { env } from "./server";

/** The app's public base URL (links, redirects, Stripe return URLs), without a trailing slash. */
export function appUrl(): string {
  return env().APP_URL.replace(/\/$/, "");
}
