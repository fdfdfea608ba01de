/** The app's public base URL (links, redirects, Stripe return URLs), without a trailing slash. */
export function appUrl(): string {
  return (process.env.APP_URL ?? "http://localhost:3000").replace(/\/$/, "");
}
