// proxy.ts and the header builder: what every page and API answer carries, the CSP Stripe.js (or
// the emulator's stand-in) needs; and scripts/server.mjs's 400 instead of Next's 500 for a
// malformed router state.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy, secureRequest } from "@/proxy";
import { commonSecurityHeaders, pageCsp, STRIPE_JS } from "@/lib/http/security-headers";
import { isValidRouterState } from "@/scripts/router-state.mjs";
import { createAppServer } from "@/scripts/server.mjs";
import { parseTrustedProxies } from "@/scripts/client-address.mjs";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `)) ?? "";
const get = (path: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest(new URL(path, "http://localhost:3000"), { headers }));
const encodedState = (state: unknown) => encodeURIComponent(JSON.stringify(state));

describe("security headers", () => {
  const saved = { STRIPE_EMULATOR_PUBLIC_URL: process.env.STRIPE_EMULATOR_PUBLIC_URL };
  afterEach(() => {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  });

  it("allows Stripe.js exactly where Stripe documents it, in production", () => {
    const csp = pageCsp("abc123", { production: true, dev: false, stripe: { kind: "stripe" } });
    expect(directive(csp, "script-src")).toBe(
      `script-src 'self' 'nonce-abc123' 'strict-dynamic' ${STRIPE_JS.script.join(" ")}`,
    );
    expect(directive(csp, "frame-src")).toBe(
      "frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com",
    );
    expect(directive(csp, "connect-src")).toBe("connect-src 'self' https://api.stripe.com");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("upgrade-insecure-requests");
    expect(directive(csp, "script-src")).not.toContain("unsafe");
  });

  it("allows only the emulator's stand-in in a demo", () => {
    const csp = pageCsp("n", {
      production: false,
      dev: false,
      stripe: { kind: "emulator", origin: "http://127.0.0.1:12111" },
    });
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-n' 'strict-dynamic' http://127.0.0.1:12111");
    expect(directive(csp, "connect-src")).toBe("connect-src 'self' http://127.0.0.1:12111");
    expect(directive(csp, "frame-src")).toBe("frame-src 'none'");
    expect(csp).not.toContain("stripe.com");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("sends HSTS in production only", () => {
    expect(
      commonSecurityHeaders({ production: true, dev: false, stripe: { kind: "stripe" } })["Strict-Transport-Security"],
    ).toMatch(/^max-age=\d{8}/);
    expect(commonSecurityHeaders({ production: false, dev: false, stripe: { kind: "stripe" } })).not.toHaveProperty(
      "Strict-Transport-Security",
    );
  });

  it("gives a page a fresh nonce, in its CSP and in the request Next renders", () => {
    process.env.STRIPE_EMULATOR_PUBLIC_URL = "http://127.0.0.1:12999";
    const [a, b] = [get("/pay/price_123"), get("/pay/price_123")];
    const nonce = /'nonce-([^']+)'/.exec(a.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(b.headers.get("content-security-policy")).not.toContain(nonce);
    expect(a.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(
      a.headers.get("content-security-policy"),
    );
    expect(a.headers.get("content-security-policy")).toContain("script-src 'self' 'nonce-");
    expect(a.headers.get("content-security-policy")).toContain("http://127.0.0.1:12999");
    for (const [name, value] of [
      ["x-content-type-options", "nosniff"],
      ["referrer-policy", "strict-origin-when-cross-origin"],
      ["x-frame-options", "DENY"],
    ])
      expect(a.headers.get(name!)).toBe(value);
    expect(a.headers.get("permissions-policy")).toContain("camera=()");
    expect(a.headers.get("strict-transport-security")).toBeNull();
  });

  it("gives API answers a CSP that loads nothing, plus the common headers", () => {
    const res = get("/api/v1/me");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-middleware-request-x-nonce")).toBeNull();
  });

  it("adds HSTS and Stripe's hosts to every answer in production with a Stripe key", () => {
    const production = { production: true, dev: false, stripe: { kind: "stripe" as const } };
    for (const path of ["/", "/api/v1/me"]) {
      const res = secureRequest(new NextRequest(new URL(path, "https://pay.example")), production);
      expect(res.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
      expect(res.headers.get("permissions-policy")).toContain(`payment=(self "https://js.stripe.com")`);
    }
    expect(
      secureRequest(new NextRequest(new URL("/pay/price_1", "https://pay.example")), production).headers.get(
        "content-security-policy",
      ),
    ).toContain("script-src 'self' 'nonce-");
  });
});

describe("Next-Router-State-Tree", () => {
  let server: http.Server;
  let base = "";
  let reachedNext = 0;
  beforeAll(async () => {
    server = createAppServer({
      trust: parseTrustedProxies(undefined),
      onError: () => undefined,
      handle: (_req, res) => {
        reachedNext++;
        res.end("rendered");
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it.each([
    ["not URL-encoded JSON", "{oops"],
    ["a bad escape", "%E0%A4%A"],
    ["JSON that is not an array", encodedState({ children: [] })],
    ["an array of the wrong shape", encodedState([1, 2, 3])],
  ])("answers 400 in our error shape to %s, before Next", async (_label, value) => {
    expect(isValidRouterState(value)).toBe(false);
    const before = reachedNext;
    const res = await fetch(`${base}/admin/users`, { headers: { rsc: "1", "next-router-state-tree": value } });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: "bad_request", param: "Next-Router-State-Tree" });
    expect(body.error.request_id).toBe(res.headers.get("x-request-id"));
    expect(reachedNext).toBe(before);
  });

  it("refuses a tree past Next's 40,000-character cap (over HTTP Node's header limit answers 431 first)", () => {
    expect(
      isValidRouterState(
        encodedState(["", Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`s${i}`, ["", {}]]))]),
      ),
    ).toBe(false);
  });

  it("lets a router state the client router sends through", async () => {
    const state = encodedState([
      "",
      { children: ["dashboard", { children: ["__PAGE__", {}, ["/dashboard", "/dashboard"], "refetch"] }] },
      null,
      null,
      1,
    ]);
    expect(isValidRouterState(state)).toBe(true);
    expect(isValidRouterState(undefined)).toBe(true);
    const res = await fetch(`${base}/dashboard`, { headers: { rsc: "1", "next-router-state-tree": state } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("rendered");
  });
});
