import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { once } from "node:events";
import Redis from "ioredis";
import { AppError } from "@/lib/http/errors";
import { logger } from "@/lib/log/logger";

export type LimitName = "default" | "login" | "checkout" | "webhook";

const SECONDS = { second: 1, minute: 60, hour: 3600, day: 86400 } as const;

export function parseRate(spec: string): { points: number; duration: number } {
  const m = /^(\d+)\/(second|minute|hour|day)$/.exec(spec);
  if (!m) throw new Error(`Invalid rate "${spec}"`);
  return { points: Number(m[1]), duration: SECONDS[m[2] as keyof typeof SECONDS] };
}

type Limiters = Record<LimitName, RateLimiterAbstract> & { redis?: Redis };

const ENV_NAMES: Record<LimitName, [string, string]> = {
  default: ["RATE_LIMIT_DEFAULT", "100/hour"],
  login: ["RATE_LIMIT_LOGIN", "10/minute"],
  checkout: ["RATE_LIMIT_CHECKOUT", "30/minute"],
  webhook: ["RATE_LIMIT_WEBHOOK", "500/minute"],
};

function build(): Limiters {
  const redisUrl = process.env.REDIS_URL;
  const redis = redisUrl ? new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false }) : undefined;
  let warned = 0;
  redis?.on("error", (err) => {
    if (Date.now() - warned > 60_000) logger.warn({ err: err.message }, "rate-limit Redis unreachable; using in-memory limits meanwhile");
    warned = Date.now();
  });
  const out = { redis } as Limiters;
  for (const name of Object.keys(ENV_NAMES) as LimitName[]) {
    const [envName, fallback] = ENV_NAMES[name];
    const { points, duration } = parseRate(process.env[envName] || fallback);
    const keyPrefix = `vitrine:rl:${name}`;
    // With Redis, an in-memory limiter takes over while Redis is unreachable rather than failing open.
    out[name] = redis
      ? new RateLimiterRedis({ storeClient: redis, points, duration, keyPrefix, insuranceLimiter: new RateLimiterMemory({ points, duration, keyPrefix }) })
      : new RateLimiterMemory({ points, duration, keyPrefix });
  }
  return out;
}

const g = globalThis as unknown as { __vitrineLimiters?: Limiters };
function limiters(): Limiters {
  return (g.__vitrineLimiters ??= build());
}

/** Rebuilds the limiters from the current environment (tests change the limits). */
export function resetRateLimiters() {
  g.__vitrineLimiters?.redis?.disconnect();
  g.__vitrineLimiters = undefined;
}

/** Consumes one point for key; throws 429 with Retry-After when the budget is spent. */
export async function consume(name: LimitName, key: string): Promise<void> {
  const all = limiters();
  // Commands fail fast while Redis is down (the insurance limiter answers), but a fresh client
  // gets a moment to connect so a just-started server shares the budget with its peers.
  if (all.redis && all.redis.status !== "ready") await Promise.race([once(all.redis, "ready"), new Promise((r) => setTimeout(r, 1000))]).catch(() => undefined);
  try {
    await all[name].consume(key);
  } catch (err) {
    if (err instanceof RateLimiterRes) {
      const retryAfterSeconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      throw new AppError("rate_limited", "Too many requests. Try again later.", { retryAfterSeconds });
    }
    throw err;
  }
}

/** Clears a key after a success (e.g. a correct login resets its failure budget). */
export async function release(name: LimitName, key: string): Promise<void> {
  await limiters()[name].delete(key);
}
