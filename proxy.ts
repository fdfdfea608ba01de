// Runs before every route (Next 16's proxy, formerly middleware): security headers on every answer
// and a fresh CSP nonce for each page (Next puts it on its own scripts). (A malformed router-state
// header is refused in scripts/server.mjs: Next hides that header from the proxy.)
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env/server";
import {
  API_CSP,
  commonSecurityHeaders,
  newNonce,
  pageCsp,
  type HeaderPolicy,
  type StripeSource,
} from "@/lib/http/security-headers";
import { stripeBrowserConfig } from "@/lib/stripe/client";

function stripeSource(): StripeSource {
  try {
    const { standInScriptUrl } = stripeBrowserConfig();
    return standInScriptUrl ? { kind: "emulator", origin: new URL(standInScriptUrl).origin } : { kind: "stripe" };
  } catch {
    // A refused Stripe configuration fails where Stripe is used; pages still get Stripe's policy.
    return { kind: "stripe" };
  }
}

export function headerPolicy(): HeaderPolicy {
  return {
    production: env().APP_ENV === "production",
    dev: process.env.NODE_ENV === "development",
    stripe: stripeSource(),
  };
}

/** Documents (pages and their RSC payloads) get the page CSP; /api answers get the empty one. */
function isApi(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

function secure(res: NextResponse, policy: HeaderPolicy, csp: string): NextResponse {
  for (const [name, value] of Object.entries(commonSecurityHeaders(policy))) res.headers.set(name, value);
  res.headers.set("Content-Security-Policy", csp);
  return res;
}

export function proxy(req: NextRequest): NextResponse {
  return secureRequest(req, headerPolicy());
}

/** proxy() under an explicit policy (tests: production without a production environment). */
export function secureRequest(req: NextRequest, policy: HeaderPolicy): NextResponse {
  if (isApi(req.nextUrl.pathname)) return secure(NextResponse.next(), policy, API_CSP);
  const nonce = newNonce();
  const csp = pageCsp(nonce, policy);
  // Next reads the nonce from the request's CSP header while rendering and stamps its scripts.
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  return secure(NextResponse.next({ request: { headers } }), policy, csp);
}

export const config = {
  // Built assets are immutable files (next.config.ts gives them nosniff); everything else passes here.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
