// Budgets per route class through the real route handlers: a seller's dashboard polling never
// spends the budget of their saves or of their store's API keys, each API key counts on its own,
// and every limited answer says where the caller stands (RateLimit-*; Retry-After on a 429).
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { ctx, uniqueEmail, useTestDatabase } from "../support/db";
import { appRequest, noParams, sessionCookie } from "../support/session";
import { signUp, SignUpInput } from "@/lib/auth/sign-up";
import { createApiKey } from "@/lib/auth/api-keys";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";
import { GET as deliveries } from "@/app/api/v1/callbacks/deliveries/route";
import { GET as balance } from "@/app/api/v1/credits/balance/route";
import { GET as me } from "@/app/api/v1/me/route";
import { GET as listKeys, POST as createKey } from "@/app/api/v1/api-keys/route";
import { POST as signUpRoute } from "@/app/api/auth/sign-up/route";

const LIMIT_VARS = [
  "RATE_LIMIT_PUBLIC",
  "RATE_LIMIT_SESSION_READ",
  "RATE_LIMIT_SESSION_WRITE",
  "RATE_LIMIT_API_KEY",
] as const;

async function seller() {
  const { user, store } = await signUp(
    SignUpInput.parse({
      name: "Budget",
      email: uniqueEmail("budget"),
      password: "correct-horse-9",
      storeName: "Budget store",
    }),
    ctx,
  );
  const actor = { ...ctx, actor: { type: "user" as const, id: user.id } };
  const key = async (name: string) => (await createApiKey(store.id, user.id, { name }, actor)).secret;
  return { user, store, cookie: await sessionCookie(user.id), key };
}

describe("rate budgets per route class", () => {
  useTestDatabase();
  beforeAll(() => {
    for (const name of LIMIT_VARS) delete process.env[name];
  });
  beforeEach(() => resetRateLimiters());
  afterEach(() => {
    vi.useRealTimers();
    for (const name of LIMIT_VARS) delete process.env[name];
    resetRateLimiters();
  });

  it("lets a seller's dashboard poll for 10 minutes at the default budgets and still save", async () => {
    const s = await seller();
    const asSeller = { headers: { cookie: s.cookie } };
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    // Per minute, the worst case before polling backed off: the delivery log every 2 s, a credit
    // purchase's status every 1.5 s (here the balance read: same class), and a few page reads.
    const perMinute = [
      ...Array(30).fill(deliveries),
      ...Array(40).fill(balance),
      ...Array(5).fill(me),
    ] as (typeof me)[];
    let sent = 0;
    const statuses = new Map<number, number>();
    for (let minute = 0; minute < 10; minute++) {
      vi.setSystemTime(start + minute * 60_000);
      for (const route of perMinute) {
        const res = await route(appRequest("/api/v1/poll", asSeller), noParams);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        sent++;
      }
    }
    expect(sent).toBeGreaterThan(100 * 7); // the old shared budget was 100 per hour
    expect(Object.fromEntries(statuses)).toEqual({ 200: sent });
    const saved = await createKey(
      appRequest("/api/v1/api-keys", {
        method: "POST",
        body: { name: "after polling" },
        headers: { cookie: s.cookie },
      }),
      noParams,
    );
    expect(saved.status).toBe(201);
  });

  it("gives each API key its own budget, apart from the seller's session", async () => {
    process.env.RATE_LIMIT_API_KEY = "3/minute";
    const s = await seller();
    const [first, second] = [await s.key("store server"), await s.key("other server")];
    const withKey = (secret: string) => appRequest("/api/v1/me", { headers: { authorization: `Bearer ${secret}` } });
    for (let i = 0; i < 3; i++) expect((await me(withKey(first), noParams)).status).toBe(200);
    const limited = await me(withKey(first), noParams);
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(limited.headers.get("ratelimit-limit")).toBe("3");
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");
    expect((await me(withKey(second), noParams)).status).toBe(200);
    expect((await me(appRequest("/api/v1/me", { headers: { cookie: s.cookie } }), noParams)).status).toBe(200);
  });

  it("keeps a seller's saves going when their reads are spent", async () => {
    process.env.RATE_LIMIT_SESSION_READ = "2/minute";
    const s = await seller();
    const read = () => listKeys(appRequest("/api/v1/api-keys", { headers: { cookie: s.cookie } }), noParams);
    expect((await read()).status).toBe(200);
    expect((await read()).status).toBe(200);
    expect((await read()).status).toBe(429);
    const save = await createKey(
      appRequest("/api/v1/api-keys", { method: "POST", body: { name: "still works" }, headers: { cookie: s.cookie } }),
      noParams,
    );
    expect(save.status).toBe(201);
    expect(save.headers.get("ratelimit-limit")).toBe(String(120));
  });

  it("sends RateLimit-Limit, -Remaining and -Reset on successful answers", async () => {
    const s = await seller();
    const res = await me(
      appRequest("/api/v1/me", { headers: { authorization: `Bearer ${await s.key("headers")}` } }),
      noParams,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("ratelimit-limit")).toBe("1500");
    expect(res.headers.get("ratelimit-remaining")).toBe("1499");
    expect(Number(res.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
    expect(Number(res.headers.get("ratelimit-reset"))).toBeLessThanOrEqual(60);
    expect(res.headers.get("retry-after")).toBeNull();
  });

  it("limits anonymous callers too, with the same headers", async () => {
    process.env.RATE_LIMIT_PUBLIC = "1/minute";
    const malformed = () =>
      signUpRoute(
        new NextRequest(new URL("/api/auth/sign-up", "http://localhost:3000"), {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "{",
        }),
      );
    const first = await malformed();
    expect(first.status).toBe(400);
    expect(first.headers.get("ratelimit-remaining")).toBe("0");
    const limited = await malformed();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
