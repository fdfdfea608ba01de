// Text the database cannot store (a NUL, a lone UTF-16 surrogate) is a 4xx on every route, never a
// 500 or a 503. The route files are found on disk, so a new route is swept the day it is added:
// each method gets the bad text in every path param, in a JSON body and in the query, with no
// login, a seller session, a store API key and an admin session.
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { useTestDatabase } from "../support/db";
import { sellerWithStore } from "../support/seller";
import { useStripeEmulator } from "../support/stripe";
import { APP_ORIGIN, appRequest, sessionCookie } from "../support/session";
import { createApiKey } from "@/lib/auth/api-keys";
import { prisma } from "@/lib/db/client";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";
import { startJobRunner, stopJobRunner } from "@/lib/jobs/runner";
import { isStorableText, unstorableTextPath } from "@/lib/validation/text";
import { createGatewayConfig } from "@/lib/pix/service/configs";
import { SIMULATOR_CREDENTIALS } from "@/sandbox/pix/index";
import { POST as pixWebhook } from "@/app/api/webhooks/pix/[gateway]/[token]/route";
import { GET as publicOrder } from "@/app/api/public/orders/[id]/route";

const NUL = "\u0000";
const SURROGATE = "\uD800";
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Route = (req: NextRequest, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type RouteFile = { file: string; pattern: string; params: Array<{ name: string; catchAll: boolean }> };

function routeFiles(dir = path.join(process.cwd(), "app")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === "route.ts" ? [full] : [];
  });
}

function describeRoute(file: string): RouteFile {
  const segments = path
    .relative(path.join(process.cwd(), "app"), path.dirname(file))
    .split(path.sep)
    .filter((s) => !/^\(.+\)$/.test(s));
  const params = segments.flatMap((s) => {
    const m = /^\[(\.\.\.)?(.+)\]$/.exec(s);
    return m ? [{ name: m[2]!, catchAll: !!m[1] }] : [];
  });
  return { file: path.relative(process.cwd(), file), pattern: `/${segments.join("/")}`, params };
}

/** Every field name a route of ours reads from a JSON body, nested shapes included, all carrying `bad`. */
function hostileBody(bad: string) {
  const names = [
    "id",
    "name",
    "email",
    "password",
    "storeName",
    "description",
    "packageId",
    "paymentIntentId",
    "priceId",
    "productId",
    "storeId",
    "endpointId",
    "url",
    "planCode",
    "locale",
    "reference",
    "transactionId",
    "status",
    "label",
    "gateway",
    "since",
    "q",
    "type",
    "currency",
    "country",
    "reason",
    "note",
    "ids",
    "redirect",
  ];
  return {
    ...Object.fromEntries(names.map((n) => [n, bad])),
    metadata: { [`k${bad}`]: bad },
    prices: [{ currency: bad, unitAmount: 100 }],
    credentials: { token: bad },
    ids: [bad],
  };
}

function urlFor(route: RouteFile, params: Record<string, string>, query = "") {
  const p = route.pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_m, name: string) =>
    encodeURIComponent(params[name]!.replace(/[\uD800-\uDFFF]/g, "x")),
  );
  return `${p}${query}`;
}

describe("bad text in path params, JSON bodies and queries", () => {
  const { db } = useTestDatabase();
  useStripeEmulator();
  // next-auth's handler reads cookies() and headers() from Next's request scope, which a direct
  // call does not have (it throws with or without bad text); e2e/bad-text.spec.ts sends it bad text
  // through the real server instead.
  const NEEDS_NEXT_SCOPE = new Set(["app/api/auth/[...nextauth]/route.ts"]);
  const routes = routeFiles().map(describeRoute);
  const swept = routes.filter((r) => !NEEDS_NEXT_SCOPE.has(r.file));
  let auths: Array<{ label: string; headers: Record<string, string> }> = [];

  beforeAll(async () => {
    // Readiness needs the job queue, as on a running instance (else /api/health/ready is honestly 503).
    await startJobRunner([], { db: db() });
    for (const name of [
      "PUBLIC",
      "SESSION_READ",
      "SESSION_WRITE",
      "API_KEY",
      "LOGIN",
      "LOGIN_ACCOUNT",
      "CHECKOUT",
      "WEBHOOK",
      "DEFAULT",
    ])
      process.env[`RATE_LIMIT_${name}`] = "1000000/minute";
    resetRateLimiters();
    const seller = await sellerWithStore({ tag: "badtext" });
    const { secret } = await createApiKey(seller.store.id, seller.user.id, { name: "bad text" }, seller.audit);
    const admin = await sellerWithStore({ tag: "badtext-admin" });
    await prisma.user.update({ where: { id: admin.user.id }, data: { role: "ADMIN" } });
    auths = [
      { label: "no login", headers: {} },
      { label: "seller session", headers: { cookie: await sessionCookie(seller.user.id) } },
      { label: "API key", headers: { authorization: `Bearer ${secret}` } },
      { label: "admin session", headers: { cookie: await sessionCookie(admin.user.id) } },
    ];
  });
  afterAll(async () => {
    resetRateLimiters();
    await stopJobRunner();
  });

  it("finds the route files", () => {
    expect(routes.length).toBeGreaterThanOrEqual(90);
    expect(routes.map((r) => r.pattern)).toContain("/api/public/orders/[id]");
  });

  it("never answers 5xx, on any route, method and login", async () => {
    const failures: string[] = [];
    let pairs = 0;
    for (const route of swept) {
      const mod = (await import(path.resolve(route.file))) as Partial<Record<(typeof METHODS)[number], Route>>;
      for (const method of METHODS) {
        const handler = mod[method];
        if (typeof handler !== "function") continue;
        pairs++;
        const ok: Record<string, string> = Object.fromEntries(route.params.map((p) => [p.name, "ok_0000000000000000"]));
        const cases: Array<{ what: string; params: Record<string, string>; query?: string; body?: unknown }> = [];
        for (const [label, bad] of [
          ["NUL", NUL],
          ["lone surrogate", SURROGATE],
        ] as const) {
          for (const p of route.params)
            cases.push({ what: `${label} in :${p.name}`, params: { ...ok, [p.name]: `id${bad}` } });
          if (method !== "GET" && method !== "DELETE")
            cases.push({ what: `${label} in a JSON field`, params: ok, body: hostileBody(bad) });
        }
        cases.push({
          what: "NUL in the query",
          params: ok,
          query: "?q=%00&status=%00&endpointId=%00&cursor=%00&type=%00&outcome=%00&since=%00",
        });
        for (const auth of auths) {
          for (const c of cases) {
            const req = appRequest(urlFor(route, c.params, c.query), { method, body: c.body, headers: auth.headers });
            const routeParams = Object.fromEntries(
              route.params.map((p) => [p.name, p.catchAll ? c.params[p.name]!.split("/") : c.params[p.name]!]),
            );
            let status: number;
            try {
              status = (await handler(req, { params: Promise.resolve(routeParams) })).status;
            } catch (err) {
              status = 500;
              failures.push(
                `${method} ${route.pattern} (${auth.label}, ${c.what}): threw ${(err as Error).message.slice(0, 120)}`,
              );
              continue;
            }
            if (status >= 500) failures.push(`${method} ${route.pattern} (${auth.label}, ${c.what}): ${status}`);
          }
        }
      }
    }
    expect(pairs).toBeGreaterThanOrEqual(100);
    expect(failures).toEqual([]);
  }, 300_000);

  it("keeps every well-formed string, emoji (surrogate pairs) included", () => {
    expect(["Café", "Ateliê 😀", "𝄞 clave", "", "\uFFFD"].every(isStorableText)).toBe(true);
    expect([NUL, SURROGATE, "\uDE00", "a\uD83Db", "😀\uD83D"].some(isStorableText)).toBe(false);
    expect(unstorableTextPath({ a: [{ ok: "😀" }, { b: `x${NUL}` }] })).toEqual(["a", "1", "b"]);
  });

  it("names the param: GET /api/public/orders/%00 is a 422, not a 500", async () => {
    const res = await publicOrder(appRequest("/api/public/orders/%00"), { params: Promise.resolve({ id: NUL }) });
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: "validation_failed", param: "id" });
  });

  it("answers a PIX webhook with a NUL or a lone surrogate in its id with a 4xx (the gateway does not retry) and records nothing", async () => {
    const seller = await sellerWithStore({ tag: "badtext-pix" });
    const config = await createGatewayConfig(seller.store.id, seller.audit, {
      gateway: "pushinpay",
      credentials: SIMULATOR_CREDENTIALS.pushinpay,
    });
    const { endpointToken } = await db().prisma.pixGatewayConfig.findUniqueOrThrow({ where: { id: config.id } });
    const bodies = [
      ["application/json", JSON.stringify({ id: `tx${NUL}`, status: "paid", value: 1000 })],
      ["application/json", JSON.stringify({ id: `tx${SURROGATE}`, status: "paid", value: 1000 })],
      ["application/x-www-form-urlencoded", "id=tx%00&status=paid&value=1000"],
    ] as const;
    for (const [contentType, body] of bodies) {
      const req = new NextRequest(new URL(`/api/webhooks/pix/pushinpay/${endpointToken}`, APP_ORIGIN), {
        method: "POST",
        headers: { "content-type": contentType },
        body,
      });
      const res = await pixWebhook(req, { params: Promise.resolve({ gateway: "pushinpay", token: endpointToken }) });
      expect(res.status, body).toBe(422);
      expect((await res.json()).error).toMatchObject({ code: "validation_failed", param: "id" });
    }
    expect(await db().prisma.pixWebhookEvent.count({ where: { gatewayConfigId: config.id } })).toBe(0);
  });
});
