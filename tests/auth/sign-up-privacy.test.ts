// POST /api/auth/sign-up must not tell whether an email already has an account: same status, body
// and headers, comparable time (bcrypt runs either way), and nothing is created or changed.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { ctx, uniqueEmail, useTestDatabase } from "../support/db";
import { POST as signUpRoute } from "@/app/api/auth/sign-up/route";
import { signUp, SignUpInput } from "@/lib/auth/sign-up";
import { emailRef } from "@/lib/auth/email-ref";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";
import { resetEnvCache } from "@/lib/env/server";
import { logger } from "@/lib/log/logger";

const post = (email: string, password = "another-pass-77") =>
  signUpRoute(
    new NextRequest(new URL("/api/auth/sign-up", "http://localhost:3000"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Someone", email, password, storeName: "Their store" }),
    }),
  );

const VARYING = new Set(["x-request-id", "ratelimit-remaining", "ratelimit-reset", "date"]);
const shape = async (res: Response) => ({
  status: res.status,
  body: await res.text(),
  headers: [...res.headers.entries()].filter(([k]) => !VARYING.has(k)),
});

async function median(run: () => Promise<unknown>, times = 3): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

describe("sign-up does not reveal existing accounts", () => {
  const { db } = useTestDatabase();
  beforeEach(() => {
    process.env.RATE_LIMIT_PUBLIC = "1000/minute";
    resetEnvCache();
    resetRateLimiters();
  });
  afterEach(() => {
    delete process.env.RATE_LIMIT_PUBLIC;
    resetEnvCache();
    resetRateLimiters();
    vi.restoreAllMocks();
  });

  it("answers a new and an existing email alike and leaves the existing account untouched", async () => {
    const existing = uniqueEmail("owner");
    const { user } = await signUp(
      SignUpInput.parse({ name: "Owner", email: existing, password: "owners-pass-42", storeName: "Owner shop" }),
      ctx,
    );
    const before = await db().prisma.user.findUniqueOrThrow({ where: { id: user.id }, include: { stores: true } });
    const info = vi.spyOn(logger, "info");

    const fresh = await shape(await post(uniqueEmail("new")));
    const taken = await shape(await post(existing));
    expect(fresh.status).toBe(202);
    expect(taken).toEqual(fresh);

    const after = await db().prisma.user.findUniqueOrThrow({ where: { id: user.id }, include: { stores: true } });
    expect(after).toEqual(before);
    expect(await db().prisma.user.count({ where: { email: existing } })).toBe(1);
    // The operator sees the attempt under a pseudonym, not the address.
    const logged = JSON.stringify(info.mock.calls);
    expect(logged).toContain(emailRef(existing));
    expect(logged).not.toContain(existing);
  });

  it("spends the password hash on an existing email too", async () => {
    const existing = uniqueEmail("owner");
    await signUp(
      SignUpInput.parse({ name: "Owner", email: existing, password: "owners-pass-42", storeName: "Owner shop" }),
      ctx,
    );
    const fresh = await median(() => post(uniqueEmail("new")));
    const taken = await median(() => post(existing));
    // An early "already registered" exit would answer in a few milliseconds against bcrypt's tens.
    expect(taken).toBeGreaterThan(fresh * 0.4);
  });
});
