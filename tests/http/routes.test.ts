// Drives the real route handlers with Request objects: error shapes, limits, auth and tenancy.
import { describe, expect, it, beforeEach } from "vitest";
import { NextRequest } from "next/server";
import { ctx, uniqueEmail, useTestDatabase } from "../support/db";
import { POST as signUpRoute } from "@/app/api/auth/sign-up/route";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { GET as listKeysRoute } from "@/app/api/v1/api-keys/route";
import { GET as readyRoute } from "@/app/api/health/ready/route";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { signUp, SignUpInput } from "@/lib/auth/sign-up";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";
import { startJobRunner, stopJobRunner } from "@/lib/jobs/runner";

function req(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest(new URL(url, "http://localhost:3000"), {
    method: init.method ?? "GET",
    body: init.body,
    headers: init.headers,
  });
}
const jsonHeaders = { "content-type": "application/json", "x-forwarded-for": "198.51.100.7" };
const validBody = () =>
  JSON.stringify({ name: "Route", email: uniqueEmail("route"), password: "correct-horse-9", storeName: "Route store" });

describe("route handlers", () => {
  const { db } = useTestDatabase();
  beforeEach(() => {
    process.env.RATE_LIMIT_PUBLIC = "1000/minute";
    resetRateLimiters();
  });

  it("creates an account (202) and sends a request id header", async () => {
    const body = validBody();
    const res = await signUpRoute(req("/api/auth/sign-up", { method: "POST", body, headers: jsonHeaders }));
    expect(res.status).toBe(202);
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
    expect(await res.json()).toEqual({ ok: true });
    const user = await db().prisma.user.findUniqueOrThrow({
      where: { email: JSON.parse(body).email },
      include: { stores: true },
    });
    expect(user.stores.map((s) => s.name)).toEqual(["Route store"]);
  });

  it("keeps a well-formed caller request id", async () => {
    const res = await signUpRoute(
      req("/api/auth/sign-up", {
        method: "POST",
        body: "{",
        headers: { ...jsonHeaders, "x-request-id": "trace-12345678" },
      }),
    );
    expect(res.headers.get("x-request-id")).toBe("trace-12345678");
    expect((await res.json()).error.request_id).toBe("trace-12345678");
  });

  it.each([
    ["malformed JSON", "{nope", jsonHeaders, 400, "malformed_json"],
    ["wrong content type", "{}", { "content-type": "text/plain" }, 415, "unsupported_media_type"],
    [
      "unknown field",
      JSON.stringify({ name: "A", email: "a@example.com", password: "correct-horse-9", storeName: "S", isAdmin: true }),
      jsonHeaders,
      422,
      "validation_failed",
    ],
    [
      "weak password",
      JSON.stringify({ name: "A", email: "a@example.com", password: "abc", storeName: "S" }),
      jsonHeaders,
      422,
      "validation_failed",
    ],
    ["oversized body", JSON.stringify({ name: "x".repeat(300_000) }), jsonHeaders, 413, "payload_too_large"],
  ])("answers %s with a stable code and writes nothing", async (_label, body, headers, status, code) => {
    const users = await db().prisma.user.count();
    const res = await signUpRoute(req("/api/auth/sign-up", { method: "POST", body, headers }));
    expect(res.status).toBe(status);
    const json = await res.json();
    expect(json.error.code).toBe(code);
    expect(json.error.request_id).toBe(res.headers.get("x-request-id"));
    expect(await db().prisma.user.count()).toBe(users);
  });

  it("names the offending field in a 422", async () => {
    const res = await signUpRoute(
      req("/api/auth/sign-up", {
        method: "POST",
        body: JSON.stringify({ name: "A", email: "bad", password: "correct-horse-9", storeName: "S" }),
        headers: jsonHeaders,
      }),
    );
    expect(await res.json()).toMatchObject({ error: { code: "validation_failed", param: "email" } });
  });

  it("answers 429 with Retry-After once the limit is spent", async () => {
    process.env.RATE_LIMIT_PUBLIC = "2/minute";
    resetRateLimiters();
    const h = { ...jsonHeaders, "x-forwarded-for": "192.0.2.200" };
    for (let i = 0; i < 2; i++)
      expect((await signUpRoute(req("/api/auth/sign-up", { method: "POST", body: "{", headers: h }))).status).toBe(400);
    const limited = await signUpRoute(req("/api/auth/sign-up", { method: "POST", body: validBody(), headers: h }));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe("rate_limited");
  });

  it("authenticates store API keys on /api/v1 and refuses revoked or missing ones", async () => {
    const { user, store } = await signUp(
      SignUpInput.parse({ name: "K", email: uniqueEmail("key"), password: "correct-horse-9", storeName: "Key store" }),
      ctx,
    );
    const actor = { ...ctx, actor: { type: "user" as const, id: user.id } };
    const { apiKey, secret } = await createApiKey(store.id, user.id, { name: "k" }, actor);
    const ok = await meRoute(req("/api/v1/me", { headers: { authorization: `Bearer ${secret}` } }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ store: { id: store.id }, authenticatedWith: "api_key" });
    expect((await meRoute(req("/api/v1/me"))).status).toBe(401);
    await revokeApiKey(store.id, apiKey.id, actor);
    const revoked = await meRoute(req("/api/v1/me", { headers: { authorization: `Bearer ${secret}` } }));
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).error.code).toBe("invalid_api_key");
  });

  it("requires a session for seller routes", async () => {
    const res = await listKeysRoute(req("/api/v1/api-keys"));
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthenticated");
  });

  it("reports readiness (details only to an operator: tests/http/health.test.ts)", async () => {
    // Readiness needs the job queue a running instance creates when its runner starts.
    await startJobRunner([], { db: db() });
    try {
      const res = await readyRoute(req("/api/health/ready"));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "ready" });
    } finally {
      await stopJobRunner();
    }
  });

  it("serves Prometheus metrics only with the metrics token", async () => {
    process.env.METRICS_TOKEN = "metrics-token-for-tests-0123";
    expect((await metricsRoute(req("/api/metrics"))).status).toBe(401);
    expect(
      (await metricsRoute(req("/api/metrics", { headers: { authorization: "Bearer wrong-token-wrong-token" } })))
        .status,
    ).toBe(401);
    const res = await metricsRoute(
      req("/api/metrics", { headers: { authorization: "Bearer metrics-token-for-tests-0123" } }),
    );
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(
      /vitrine_http_requests_total\{method="POST",route="POST \/api\/auth\/sign-up",status="202"\} \d+/,
    );
    expect(text).toContain("vitrine_http_request_duration_seconds_bucket");
  });
});
