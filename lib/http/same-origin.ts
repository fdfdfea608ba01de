// Cross-site request refusal for cookie-authenticated mutations (CSRF). The browser says where a
// request comes from: Sec-Fetch-Site (set by the browser, not by page script) when it sends it,
// else Origin, which must be the app's own (APP_URL). A request with neither did not come from a
// browser page (curl, a server), so it cannot ride a victim's cookies.
import { appUrl } from "@/lib/env/app-url";
import { AppError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/** True when the browser reports the request as coming from another site or origin. */
export function isCrossSite(headers: Headers, allowedOrigin = new URL(appUrl()).origin): boolean {
  const site = headers.get("sec-fetch-site");
  // "none": the user typed or bookmarked the URL; "same-site" is refused too (a sibling subdomain is not us).
  if (site) return site !== "same-origin" && site !== "none";
  const origin = headers.get("origin");
  if (origin === null) return false;
  return origin !== allowedOrigin;
}

/** Throws 403 cross_site_request for a mutation a browser sent from another site. */
export function assertSameOrigin(req: Request): void {
  if (isSafeMethod(req.method)) return;
  if (isCrossSite(req.headers))
    throw new AppError(
      "cross_site_request",
      "Cross-site request refused: this action can only be sent from the app's own pages.",
    );
}
