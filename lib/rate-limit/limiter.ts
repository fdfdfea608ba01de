// Request budgets per route class (docs/API.md "Rate limits"): the dashboard's own reads are not a
// public-API quota, a store server's API key has its own budget, buyers and anonymous callers are
// counted per client address. Each budget is a fixed window read from env (RATE_LIMIT_*).
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { once } from "node:events";
import Redis from "ioredis";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { env, resetEnvCache } from "@/lib/env/server";

/** The route classes and the variable that sets each budget. */
export const LIMITS = {
  /** Anonymous and buyer requests, per client IP (sign-up, receipts, public reads). */
  public: "RATE_LIMIT_PUBLIC",
  /** A signed-in user's GET/HEAD (dashboard pages and their polling), per user. */
  session_read: "RATE_LIMIT_SESSION_READ",
  /** A signed-in user's mutations, per user. */
  session_write: "RATE_LIMIT_SESSION_WRITE",
  /** Every call made with a store API key, per key. */
  api_key: "RATE_LIMIT_API_KEY",
  /** Sign-in attempts per client IP and email (a success clears it); password changes per user. */
  login: "RATE_LIMIT_LOGIN",
  /** Sign-in attempts per email from any address (a correct login clears it): rotating addresses cannot brute-force one account. */
  login_account: "RATE_LIMIT_LOGIN_ACCOUNT",
  /** Payments started by buyers (per IP) and from the dashboard (per user): card-testing brake. */
  checkout: "RATE_LIMIT_CHECKOUT",
  /** Inbound webhooks and the buyer's PIX status polling, per sender IP. */
  webhook: "RATE_LIMIT_WEBHOOK",
} as const;

export type LimitName = keyof typeof LIMITS;

const SECONDS = { second: 1, minute: 60, hour: 3600, day: 86400 } as const;

export function parseRate(spec: string): { points: number; duration: number } {
  const m = /^(\d+)\/(second|minute|hour|day)$/.exec(spec);
  if (!m) throw new Error(`Invalid rate "${spec}"`);
  return { points: Number(m[1]), duration: SECONDS[m[2] as keyof typeof SECONDS] };
}

/** Where a key stands in its budget after a request: what the RateLimit-* headers say. */
export type RateState = { ok: boolean; limit: number; remaining: number; resetSeconds: number; windowSeconds: number };

type Limiter = { limiter: RateLimiterAbstract; points: number; duration: number };
type Limiters = { byName: Partial<Record<LimitName, Limiter>>; redis?: Redis; signature: string; source: object };
type ServerEnv = ReturnType<typeof env>;

function specFor(name: LimitName, e: ServerEnv = env()): string {
  return String((e as Record<string, unknown>)[LIMITS[name]]);
}

function signature(e: ServerEnv): string {
  return `${(Object.keys(LIMITS) as LimitName[]).map((name) => specFor(name, e)).join("|")}|${e.REDIS_URL ?? ""}`;
}

function build(sig: string, source: ServerEnv): Limiters {
  const redisUrl = source.REDIS_URL;
  const redis = redisUrl
    ? new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false })
    : undefined;
  let warned = 0;
  redis?.on("error", (err) => {
    if (Date.now() - warned > 60_000)
      logger.warn({ err: err.message }, "rate-limit Redis unreachable; using in-memory limits meanwhile");
    warned = Date.now();
  });
  return { byName: {}, redis, signature: sig, source };
}

function limiterFor(all: Limiters, name: LimitName): Limiter {
  const existing = all.byName[name];
  if (existing) return existing;
  const { points, duration } = parseRate(specFor(name, all.source as ServerEnv));
  const keyPrefix = `vitrine:rl:${name}`;
  // With Redis, an in-memory limiter takes over while Redis is unreachable rather than failing open.
  const limiter = all.redis
    ? new RateLimiterRedis({
        storeClient: all.redis,
        points,
        duration,
        keyPrefix,
        insuranceLimiter: new RateLimiterMemory({ points, duration, keyPrefix }),
      })
    : new RateLimiterMemory({ points, duration, keyPrefix });
  return (all.byName[name] = { limiter, points, duration });
}

const g = globalThis as unknown as { __vitrineLimiters?: Limiters };
function limiters(): Limiters {
  // A changed budget (tests, a reloaded env) starts fresh counters; otherwise the same limiters.
  // env() returns the same object until a variable changes, so most requests skip the signature.
  const e = env();
  const current = g.__vitrineLimiters;
  if (current?.source === e) return current;
  const sig = signature(e);
  if (current?.signature === sig) {
    current.source = e;
    return current;
  }
  current?.redis?.disconnect();
  g.__vitrineLimiters = build(sig, e);
  return g.__vitrineLimiters;
}

/** Rebuilds the limiters from the current environment (tests change the limits). */
export function resetRateLimiters() {
  g.__vitrineLimiters?.redis?.disconnect();
  g.__vitrineLimiters = undefined;
  resetEnvCache();
}

function stateOf(res: RateLimiterRes, l: Limiter, ok: boolean): RateState {
  return {
    ok,
    limit: l.points,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
    windowSeconds: l.duration,
  };
}

/** Takes one point from key's budget and says where it stands; never throws for a spent budget. */
export async function take(name: LimitName, key: string): Promise<RateState> {
  const all = limiters();
  const l = limiterFor(all, name);
  // Commands fail fast while Redis is down (the insurance limiter answers), but a fresh client
  // gets a moment to connect so a just-started server shares the budget with its peers.
  if (all.redis && all.redis.status !== "ready")
    await Promise.race([once(all.redis, "ready"), new Promise((r) => setTimeout(r, 1000))]).catch(() => undefined);
  try {
    return stateOf(await l.limiter.consume(key), l, true);
  } catch (err) {
    if (err instanceof RateLimiterRes) return stateOf(err, l, false);
    throw err;
  }
}

export function rateLimitedError(state: RateState): AppError {
  return new AppError("rate_limited", "Too many requests. Try again later.", { retryAfterSeconds: state.resetSeconds });
}

/** Consumes one point for key; throws 429 with Retry-After when the budget is spent. */
export async function consume(name: LimitName, key: string): Promise<RateState> {
  const state = await take(name, key);
  if (!state.ok) throw rateLimitedError(state);
  return state;
}

/** Clears a key after a success (e.g. a correct login resets its failure budget). */
export async function release(name: LimitName, key: string): Promise<void> {
  await limiterFor(limiters(), name).limiter.delete(key);
}

/**
 * The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers): the budget, what is left
 * and the seconds until the window resets; Retry-After as well once the budget is spent.
 */
export function rateLimitHeaders(state: RateState): Record<string, string> {
  return {
    "RateLimit-Limit": String(state.limit),
    "RateLimit-Remaining": String(state.remaining),
    "RateLimit-Reset": String(state.resetSeconds),
    "RateLimit-Policy": `${state.limit};w=${state.windowSeconds}`,
    ...(state.ok ? {} : { "Retry-After": String(state.resetSeconds) }),
  };
}
