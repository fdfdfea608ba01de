// Sign-in through the real credentials provider (and next-auth's own request handling around it):
// per-address and per-account budgets, what a locked owner is told, what reaches `?error=`, what
// the logs hold, and the session cookie under production settings.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ctx, uniqueEmail, useTestDatabase } from "../support/db";
import { signUp, SignUpInput } from "@/lib/auth/sign-up";
import { authOptions, buildAuthOptions } from "@/lib/auth/options";
import { guardAuthRoute } from "@/lib/auth/auth-route";
import { readSessionToken } from "@/lib/auth/session";
import { parseSignInError } from "@/lib/auth/sign-in-errors";
import { emailRef } from "@/lib/auth/email-ref";
import { CLIENT_IP_HEADER, PEER_HEADER } from "@/lib/request/client-address";
import { resetEnvCache } from "@/lib/env/server";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";
import { logger } from "@/lib/log/logger";
import { createTranslator } from "@/lib/i18n/translate";
import type { NextAuthOptions } from "next-auth";
import type { NextRequest } from "next/server";
// next-auth's request core, which its App Router handler calls with what next/headers gives it;
// not in the package's exports map, hence the path (the Next glue needs a live request scope).
import { AuthHandler } from "../../node_modules/next-auth/core/index.js";
import { getBody, toResponse } from "../../node_modules/next-auth/next/utils.js";

type Authorize = (
  c: Record<string, string>,
  req: { headers: Record<string, string> },
) => Promise<{ id: string } | null>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

const mark = Symbol.for("vitrine.server");
const g = globalThis as Record<symbol, unknown>;
/** Headers as scripts/server.mjs leaves them for a client at `ip` (it ignored any X-Forwarded-For). */
const from = (ip: string, extra: Record<string, string> = {}) => ({
  headers: {
    [CLIENT_IP_HEADER]: ip,
    [PEER_HEADER]: ip,
    "x-forwarded-for": `10.0.0.${Math.floor(Math.random() * 250)}`,
    ...extra,
  },
});

function setEnv(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
  resetRateLimiters();
}

async function seller(password = "correct-horse-9") {
  const email = uniqueEmail("login");
  const { user } = await signUp(SignUpInput.parse({ name: "L", email, password, storeName: "Shop" }), ctx);
  return { user, email, password };
}

describe("login limits", () => {
  useTestDatabase();
  beforeAll(() => {
    g[mark] = true;
  });
  afterAll(() => {
    delete g[mark];
    setEnv({ RATE_LIMIT_LOGIN: undefined, RATE_LIMIT_LOGIN_ACCOUNT: undefined });
  });
  afterEach(() => vi.restoreAllMocks());

  it("locks one account against guesses from rotating addresses, even for the right password, and says for how long", async () => {
    setEnv({ RATE_LIMIT_LOGIN: "3/minute", RATE_LIMIT_LOGIN_ACCOUNT: "5/hour" });
    const { email, password } = await seller();
    const other = await seller();
    for (let i = 0; i < 5; i++)
      await expect(authorize({ email, password: "wrong-password-1" }, from(`198.51.100.${i + 1}`))).rejects.toThrow(
        "invalid_credentials",
      );
    const locked = await authorize({ email, password }, from("198.51.100.77")).catch((e: Error) => e.message);
    const parsed = parseSignInError(String(locked));
    expect(parsed?.code).toBe("account_locked");
    expect(parsed?.minutes).toBeGreaterThan(0);
    expect(parsed?.minutes).toBeLessThanOrEqual(60);
    // The owner reads it in both languages.
    expect(createTranslator("en")("auth.errors.account_locked", { minutes: parsed!.minutes! })).toMatch(
      /^Too many attempts for this account; try again in \d+ minutes\.$/,
    );
    expect(createTranslator("pt-BR")("auth.errors.account_locked", { minutes: parsed!.minutes! })).toMatch(
      /^Muitas tentativas para esta conta; tente de novo em \d+ minutos\.$/,
    );
    // Another account is unaffected.
    await expect(
      authorize({ email: other.email, password: other.password }, from("198.51.100.77")),
    ).resolves.toBeTruthy();
  });

  it("limits one address per email, and a correct login clears both budgets", async () => {
    setEnv({ RATE_LIMIT_LOGIN: "3/minute", RATE_LIMIT_LOGIN_ACCOUNT: "4/hour" });
    const { email, password } = await seller();
    for (let i = 0; i < 3; i++)
      await expect(authorize({ email, password: "wrong-password-1" }, from("198.51.100.33"))).rejects.toThrow(
        "invalid_credentials",
      );
    await expect(authorize({ email, password }, from("198.51.100.33"))).rejects.toThrow("rate_limited");
    // Another address may still try; its success resets the account's count.
    await expect(authorize({ email, password }, from("198.51.100.34"))).resolves.toBeTruthy();
    for (let i = 0; i < 3; i++)
      await expect(authorize({ email, password: "wrong-password-1" }, from(`203.0.113.${i + 1}`))).rejects.toThrow(
        "invalid_credentials",
      );
    await expect(authorize({ email, password }, from("203.0.113.50"))).resolves.toBeTruthy();
  });

  it("never trusts X-Forwarded-For: rotating it changes nothing", async () => {
    setEnv({ RATE_LIMIT_LOGIN: "3/minute", RATE_LIMIT_LOGIN_ACCOUNT: "100/hour" });
    const { email, password } = await seller();
    // Outside scripts/server.mjs no header is believed at all: every request is the one unknown client.
    delete g[mark];
    try {
      for (let i = 0; i < 3; i++)
        await expect(
          authorize({ email, password: "wrong-password-1" }, { headers: { "x-forwarded-for": `198.51.100.${i}` } }),
        ).rejects.toThrow("invalid_credentials");
      await expect(
        authorize(
          { email, password },
          { headers: { "x-forwarded-for": "198.51.100.200", "x-real-ip": "198.51.100.201" } },
        ),
      ).rejects.toThrow("rate_limited");
    } finally {
      g[mark] = true;
    }
  });

  it("logs a pseudonym, never the email", async () => {
    setEnv({ RATE_LIMIT_LOGIN: "1/minute", RATE_LIMIT_LOGIN_ACCOUNT: "2/hour" });
    const warn = vi.spyOn(logger, "warn");
    const { email } = await seller();
    await expect(authorize({ email, password: "wrong-password-1" }, from("198.51.100.90"))).rejects.toThrow(
      "invalid_credentials",
    );
    await expect(authorize({ email, password: "wrong-password-1" }, from("198.51.100.90"))).rejects.toThrow(
      "rate_limited",
    );
    await expect(authorize({ email, password: "wrong-password-1" }, from("198.51.100.91"))).rejects.toThrow(
      "invalid_credentials",
    );
    await expect(authorize({ email, password: "wrong-password-1" }, from("198.51.100.92"))).rejects.toThrow(
      /^account_locked:\d+$/,
    );
    const logged = JSON.stringify(warn.mock.calls);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(logged).not.toContain(email);
    expect(logged).not.toContain(email.split("@")[0]);
    expect(logged).toContain(emailRef(email));
  });

  it("turns an unexpected failure into the generic code, logged with the request id", async () => {
    setEnv({ RATE_LIMIT_LOGIN: undefined, RATE_LIMIT_LOGIN_ACCOUNT: undefined });
    const { email, password } = await seller();
    const error = vi.spyOn(logger, "error");
    const { prisma } = await import("@/lib/db/client");
    vi.spyOn(prisma.user, "findUnique").mockRejectedValueOnce(
      new Error("Invalid `prisma.user.findUnique()` invocation: Can't reach database server at db.internal:5432"),
    );
    await expect(
      authorize({ email, password }, from("198.51.100.5", { "x-request-id": "trace-login-500" })),
    ).rejects.toThrow(/^sign_in_failed$/);
    expect(JSON.stringify(error.mock.calls[0]?.[0] ?? {})).toContain("trace-login-500");
  });
});

describe("the /api/auth route", () => {
  useTestDatabase();
  /**
   * next-auth's App Router handler (next-auth/next NextAuthRouteHandler) with the request's own
   * headers and cookies where it reads next/headers, which needs a live Next request scope.
   */
  const core =
    (options: NextAuthOptions) => async (req: NextRequest, ctx: { params: Promise<{ nextauth?: string[] }> }) => {
      const nextauth = (await ctx.params).nextauth ?? [];
      const url = new URL(req.url);
      const query = Object.fromEntries(url.searchParams);
      const body = (await getBody(req)) as Record<string, string> | undefined;
      const cookies = Object.fromEntries(
        (req.headers.get("cookie") ?? "")
          .split(/;\s*/)
          .filter(Boolean)
          .map((c) => [c.slice(0, c.indexOf("=")), decodeURIComponent(c.slice(c.indexOf("=") + 1))]),
      );
      const internal = await AuthHandler({
        req: {
          body,
          query,
          cookies,
          headers: Object.fromEntries(req.headers),
          method: req.method,
          action: nextauth[0] as never,
          providerId: nextauth[1],
          error: query.error ?? nextauth[1],
        },
        options,
      });
      const res = toResponse(internal);
      const location = res.headers.get("location");
      if (body?.json !== "true" || !location) return res;
      res.headers.delete("location");
      res.headers.set("content-type", "application/json");
      return new Response(JSON.stringify({ url: location }), { status: internal.status, headers: res.headers });
    };
  const route = (options: NextAuthOptions = authOptions) => guardAuthRoute(core(options));
  const params = (...nextauth: string[]) => ({ params: Promise.resolve({ nextauth }) });
  const request = (path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) =>
    new Request(new URL(path, "http://localhost:3000"), {
      method: init.method ?? "GET",
      body: init.body,
      headers: init.headers,
    }) as unknown as NextRequest;

  async function csrf(options: NextAuthOptions) {
    const res = await route(options)(request("/api/auth/csrf"), params("csrf"));
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    return { token: ((await res.json()) as { csrfToken: string }).csrfToken, cookie };
  }

  async function signInPost(
    options: NextAuthOptions,
    email: string,
    password: string,
    extra: Record<string, string> = {},
  ) {
    const { token, cookie } = await csrf(options);
    const body = new URLSearchParams({ email, password, csrfToken: token, json: "true", ...extra }).toString();
    return route(options)(
      request("/api/auth/callback/credentials", {
        method: "POST",
        body,
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      }),
      params("callback", "credentials"),
    );
  }

  beforeAll(() => {
    process.env.NEXTAUTH_URL = "http://localhost:3000";
    g[mark] = true;
  });
  afterAll(() => {
    delete process.env.NEXTAUTH_URL;
    delete g[mark];
    setEnv({ APP_URL: undefined });
  });
  afterEach(() => vi.restoreAllMocks());

  it("answers a JSON or malformed sign-in body with a 4xx in our error shape, not a 500", async () => {
    const post = (body: string, type: string) =>
      route()(
        request("/api/auth/callback/credentials", { method: "POST", body, headers: { "content-type": type } }),
        params("callback", "credentials"),
      );
    for (const [body, type] of [
      [JSON.stringify({ email: "a@example.com", password: "x" }), "application/json"],
      ["{nope", "application/json"],
      ["email=a", "text/plain"],
    ]) {
      const res = await post(body, type);
      expect(res.status).toBe(415);
      const json = await res.json();
      expect(json.error).toMatchObject({ code: "unsupported_media_type" });
      expect(json.error.request_id).toBe(res.headers.get("x-request-id"));
    }
    const session = await route()(
      request("/api/auth/session", { method: "POST", body: "{nope", headers: { "content-type": "application/json" } }),
      params("session"),
    );
    expect(session.status).toBe(400);
  });

  it("signs in through next-auth and reports failures by code only", async () => {
    const { email, password } = await seller();
    const ok = await signInPost(authOptions, email, password);
    expect(ok.status).toBe(200);
    expect(ok.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token="))).toBe(true);
    const wrong = await signInPost(authOptions, email, "wrong-password-1");
    expect(new URL(((await wrong.json()) as { url: string }).url).searchParams.get("error")).toBe(
      "invalid_credentials",
    );
  });

  it("never lets an internal error reach ?error=", async () => {
    const { email, password } = await seller();
    const { prisma } = await import("@/lib/db/client");
    vi.spyOn(prisma.user, "findUnique").mockRejectedValue(
      new Error('Invalid `prisma.user.findUnique()` invocation: relation "User" does not exist'),
    );
    const res = await signInPost(authOptions, email, password);
    const url = ((await res.json()) as { url: string }).url;
    expect(new URL(url).searchParams.get("error")).toBe("sign_in_failed");
    expect(url).not.toMatch(/prisma|relation/i);
    // And whatever next-auth itself would redirect with is reduced to our codes.
    const redirected = await route()(
      request("/api/auth/error?error=Invalid%20%60prisma.user%60%20invocation"),
      params("error"),
    );
    expect(redirected.headers.get("location")).toBe("/sign-in?error=sign_in_failed");
    const locked = await route()(request("/api/auth/error?error=account_locked%3A12"), params("error"));
    expect(new URL(locked.headers.get("location")!, "http://x").searchParams.get("error")).toBe("account_locked:12");
  });

  it("sets a Secure __Secure- session cookie under production settings, and reads only that one", async () => {
    const { email, password, user } = await seller();
    const secure = buildAuthOptions({ secureCookies: true, refreshTtlSeconds: 3600 });
    const res = await signInPost(secure, email, password);
    const session = res.headers.getSetCookie().find((c) => c.startsWith("__Secure-next-auth.session-token="));
    expect(session).toBeDefined();
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
    const value = session!.split(";")[0]!.split("=").slice(1).join("=");
    // APP_URL https turns secure cookies on outside production too (production itself needs the full checklist).
    setEnv({ APP_URL: "https://vitrine.example" });
    const withCookie = (cookie: string) => new Request("https://vitrine.example/api/v1/me", { headers: { cookie } });
    expect((await readSessionToken(withCookie(`__Secure-next-auth.session-token=${value}`)))?.sub).toBe(user.id);
    expect(await readSessionToken(withCookie(`next-auth.session-token=${value}`))).toBeNull();
    setEnv({ APP_URL: undefined });
    expect((await readSessionToken(withCookie(`next-auth.session-token=${value}`)))?.sub).toBe(user.id);
  });
});
