// The security headers of every answer (set in proxy.ts). Pages get a nonce-based CSP that lets
// Stripe.js run — or, in a demo, the emulator's Stripe.js stand-in — and nothing else; API answers
// get a CSP that allows nothing at all (JSON is never a document to render).

/** Where Stripe.js comes from: Stripe itself, or the emulator's stand-in at this origin. */
export type StripeSource = { kind: "stripe" } | { kind: "emulator"; origin: string };

export type HeaderPolicy = {
  /** APP_ENV=production: HSTS, upgrade-insecure-requests, no plain-http images. */
  production: boolean;
  /** `next dev`: React needs eval for its dev tooling. */
  dev: boolean;
  stripe: StripeSource;
};

/**
 * What Stripe.js needs, as Stripe's integration security guide lists it (docs.stripe.com/security/guide,
 * "Content Security Policy"): its scripts and frames on js.stripe.com (and *.js.stripe.com, where
 * it starts frames on their own origins), 3-D Secure and redirects in frames on hooks.stripe.com,
 * and API calls to api.stripe.com. maps.googleapis.com, which that guide adds for the Address
 * Element's autocomplete, is left out: no page uses the Address Element.
 */
export const STRIPE_JS = {
  script: ["https://js.stripe.com", "https://*.js.stripe.com"],
  frame: ["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"],
  connect: ["https://api.stripe.com"],
} as const;

/** 128 random bits, base64: unguessable and fresh for every page request. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** The Content-Security-Policy of an HTML page rendered with `nonce`. */
export function pageCsp(nonce: string, policy: HeaderPolicy): string {
  const stripe =
    policy.stripe.kind === "stripe"
      ? STRIPE_JS
      : { script: [policy.stripe.origin], frame: [], connect: [policy.stripe.origin] };
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // 'strict-dynamic': scripts our nonce'd scripts load (Stripe.js, the stand-in) run; hosts are
    // the fallback for browsers without it.
    [
      "script-src",
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...stripe.script,
      ...(policy.dev ? ["'unsafe-eval'"] : []),
    ],
    // React and Stripe.js set inline styles; styles cannot run code, so no nonce here.
    ["style-src", "'self'", "'unsafe-inline'"],
    // Product images live on any seller host; PIX QR codes are data: URLs.
    ["img-src", "'self'", "data:", "blob:", "https:", ...(policy.production ? [] : ["http:"])],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'", ...stripe.connect],
    ["frame-src", ...(stripe.frame.length ? stripe.frame : ["'none'"])],
    ["worker-src", "'self'", "blob:"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  if (policy.production) directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

/** The Content-Security-Policy of a non-HTML answer (API JSON, files): nothing may load or frame it. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Headers every answer carries. Permissions-Policy turns off what the app never uses and allows the
 * Payment Request API only to us and Stripe's frames (wallets in the Payment Element).
 */
export function commonSecurityHeaders(policy: HeaderPolicy): Record<string, string> {
  const payment = policy.stripe.kind === "stripe" ? `payment=(self "https://js.stripe.com")` : "payment=(self)";
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": [
      "camera=()",
      "microphone=()",
      "geolocation=()",
      "usb=()",
      "browsing-topics=()",
      payment,
    ].join(", "),
    ...(policy.production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
