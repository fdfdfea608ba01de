// Every cookie-authenticated mutation refuses a cross-site request (CSRF), found by walking the
// route files: a new route.ts is covered without touching this test, and a route that is not
// cookie-authenticated must be named in NOT_COOKIE_AUTHENTICATED with the reason.
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ctx, uniqueEmail, useTestDatabase } from "../support/db";
import { APP_ORIGIN, appRequest, sessionCookie } from "../support/session";
import { signUp, SignUpInput } from "@/lib/auth/sign-up";
import { prisma } from "@/lib/db/client";
import { isCrossSite } from "@/lib/http/same-origin";

const MUTATIONS = ["POST", "PUT", "PATCH", "DELETE"] as const;

/** Route files (under app/) whose mutations do not act on a cookie session, and why. */
const NOT_COOKIE_AUTHENTICATED: Record<string, string> = {
  // next-auth checks its own CSRF token (double-submit cookie) on sign-in and sign-out.
  "api/auth/[...nextauth]/route.ts": "next-auth CSRF token",
  // Creates an account from the form's fields; reads no session and sets no cookie.
  "api/auth/sign-up/route.ts": "no session",
  // Buyers: anonymous by design (a buy or pay link, a receipt); no session is read.
  "api/public/checkout/route.ts": "public buyer endpoint",
  "api/public/payment-intents/route.ts": "public buyer endpoint",
  "api/public/payment-intents/coupon/route.ts": "public buyer endpoint",
  "api/public/payment-intents/quantity/route.ts": "public buyer endpoint",
  "api/public/payment-intents/submit/route.ts": "public buyer endpoint",
  "api/public/payment-intents/installments/route.ts": "public buyer endpoint",
  "api/public/payment-intents/confirm/route.ts": "public buyer endpoint",
  "api/public/payment-intents/boleto/route.ts": "public buyer endpoint",
  "api/public/orders/[id]/portal/route.ts": "public buyer endpoint",
  "api/public/orders/[id]/portal-link/route.ts": "public buyer endpoint",
  // Store API key only (Authorization: Bearer); a cookie is never looked at.
  "api/v1/credits/spend/route.ts": "API key only",
  "api/v1/usage/route.ts": "API key only",
  // Inbound webhooks: authenticated by the sender's signature or unguessable URL.
  "api/webhooks/stripe/route.ts": "signed webhook",
  "api/webhooks/stripe/connect/route.ts": "signed webhook",
  "api/webhooks/pix/[gateway]/[token]/route.ts": "gateway webhook",
  "api/webhooks/pix/[gateway]/[token]/pix/route.ts": "gateway webhook",
};

const APP_DIR = path.join(process.cwd(), "app");

function routeFiles(dir = APP_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === "route.ts" ? [path.relative(APP_DIR, full).split(path.sep).join("/")] : [];
  });
}

/** The URL path of a route file, with each [param] filled in. */
function urlPath(file: string): { url: string; params: Record<string, string | string[]> } {
  const params: Record<string, string | string[]> = {};
  const segments = file
    .replace(/\/?route\.ts$/, "")
    .split("/")
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s) => {
      const catchAll = /^\[\.\.\.(\w+)\]$/.exec(s);
      if (catchAll) return ((params[catchAll[1]!] = ["x"]), "x");
      const one = /^\[(\w+)\]$/.exec(s);
      if (one) return ((params[one[1]!] = "x_test"), "x_test");
      return s;
    });
  return { url: `/${segments.join("/")}`, params };
}

type RouteFn = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

const files = routeFiles();
const cases = await Promise.all(
  files.map(async (file) => {
    const mod = (await import(path.join(APP_DIR, file))) as Record<string, unknown>;
    return MUTATIONS.filter((m) => typeof mod[m] === "function").map((method) => ({
      file,
      method,
      handler: mod[method] as RouteFn,
    }));
  }),
).then((all) => all.flat());
const checked = cases.filter((c) => !(c.file in NOT_COOKIE_AUTHENTICATED));

describe("cross-site requests on cookie-authenticated mutations", () => {
  useTestDatabase();
  let cookie = "";
  beforeAll(async () => {
    // An admin with a store passes every wrapper (withSeller, withAdmin, withApiKey's session).
    const { user } = await signUp(
      SignUpInput.parse({
        name: "CSRF",
        email: uniqueEmail("csrf"),
        password: "correct-horse-9",
        storeName: "CSRF store",
      }),
      ctx,
    );
    await prisma.user.update({ where: { id: user.id }, data: { role: "ADMIN" } });
    cookie = await sessionCookie(user.id);
  });

  it("finds the mutations and names only existing routes in the allow-list", () => {
    expect(checked.length).toBeGreaterThan(40);
    for (const file of Object.keys(NOT_COOKIE_AUTHENTICATED))
      expect(files, `stale allow-list entry ${file}`).toContain(file);
  });

  it.each(checked.map((c) => [`${c.method} ${urlPath(c.file).url}`, c] as const))(
    "%s refuses Origin: http://evil.example (403 cross_site_request)",
    async (_name, c) => {
      const { url, params } = urlPath(c.file);
      const send = (headers: Record<string, string>) =>
        c.handler(appRequest(url, { method: c.method, body: {}, headers: { cookie, ...headers } }), {
          params: Promise.resolve(params),
        });
      for (const headers of [
        { origin: "http://evil.example" },
        { "sec-fetch-site": "cross-site" },
        { "sec-fetch-site": "same-site", origin: "https://shop.localhost:3000" },
      ] as Record<string, string>[]) {
        const res = await send(headers);
        expect(res.status, JSON.stringify(headers)).toBe(403);
        expect((await res.json()).error).toMatchObject({ code: "cross_site_request" });
      }
    },
  );

  it("lets the app's own pages through (same origin, or a browser's same-origin fetch)", async () => {
    const { POST } = await import("@/app/api/stores/current/route");
    for (const headers of [
      { origin: APP_ORIGIN },
      { "sec-fetch-site": "same-origin", origin: APP_ORIGIN },
      {},
    ] as Record<string, string>[]) {
      const res = await POST(
        appRequest("/api/stores/current", {
          method: "POST",
          body: { storeId: "st_missing" },
          headers: { cookie, ...headers },
        }),
      );
      expect(res.status, JSON.stringify(headers)).toBe(404);
    }
  });

  it("decides from Sec-Fetch-Site when the browser sends it, else from Origin", () => {
    const h = (o: Record<string, string>) => new Headers(o);
    const allowed = "https://app.example";
    expect(isCrossSite(h({ "sec-fetch-site": "same-origin" }), allowed)).toBe(false);
    expect(isCrossSite(h({ "sec-fetch-site": "none" }), allowed)).toBe(false);
    expect(isCrossSite(h({ "sec-fetch-site": "same-site" }), allowed)).toBe(true);
    expect(isCrossSite(h({ origin: "https://app.example" }), allowed)).toBe(false);
    expect(isCrossSite(h({ origin: "null" }), allowed)).toBe(true);
    expect(isCrossSite(h({ origin: "https://app.example.evil.test" }), allowed)).toBe(true);
    expect(isCrossSite(h({}), allowed)).toBe(false);
  });
});
