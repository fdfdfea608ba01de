// The same limits shared through Redis when REDIS_URL is set (skipped when no Redis answers).
import { afterAll, describe, expect, it } from "vitest";
import net from "node:net";
import { randomBytes } from "node:crypto";
import { consume, resetRateLimiters } from "@/lib/rate-limit/limiter";

const url = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const reachable = await new Promise<boolean>((resolve) => {
  const { hostname, port } = new URL(url);
  const socket = net.connect({ host: hostname, port: Number(port || 6379) });
  socket.setTimeout(500);
  socket.once("connect", () => {
    socket.destroy();
    resolve(true);
  });
  socket.once("error", () => resolve(false));
  socket.once("timeout", () => {
    socket.destroy();
    resolve(false);
  });
});

describe.skipIf(!reachable)(`rate limits on Redis (${url})`, () => {
  afterAll(() => {
    delete process.env.REDIS_URL;
    delete process.env.RATE_LIMIT_CHECKOUT;
    resetRateLimiters();
  });

  it("counts across limiter instances, as several app servers would", async () => {
    process.env.REDIS_URL = url;
    process.env.RATE_LIMIT_CHECKOUT = "3/minute";
    const key = `test-${randomBytes(6).toString("hex")}`;
    resetRateLimiters();
    await consume("checkout", key);
    await consume("checkout", key);
    resetRateLimiters(); // a second "server" with its own client, same Redis
    await consume("checkout", key);
    const err = await consume("checkout", key).catch((e) => e);
    expect(err).toMatchObject({ code: "rate_limited", status: 429 });
    expect(err.options.retryAfterSeconds).toBeGreaterThan(0);
  });
});
