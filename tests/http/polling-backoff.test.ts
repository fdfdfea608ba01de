// The dashboard's polling slows down while it waits and never retries sooner than a 429 allows.
import { describe, expect, it } from "vitest";
import { ApiError } from "@/components/api-client";
import { nextPoll, pollDelay, retryPolicy, type Backoff } from "@/components/polling";

const DELIVERIES: Backoff = { every: 2_000, steady: 10, max: 30_000 };

/** How many polls fit in `ms` of waiting. */
function pollsWithin(ms: number, b: Backoff): number {
  let n = 0;
  for (let t = 0; t < ms; t += pollDelay(n, b)) n++;
  return n;
}

describe("polling backoff", () => {
  it("keeps the first polls steady, then slows to the cap", () => {
    expect([0, 9, 10, 11, 12, 13].map((n) => pollDelay(n, DELIVERIES))).toEqual([2000, 2000, 2000, 3000, 4500, 6750]);
    expect(pollDelay(40, DELIVERIES)).toBe(30_000);
  });

  it("polls a stuck delivery log ~30 times in 10 minutes instead of 300", () => {
    const polls = pollsWithin(10 * 60_000, DELIVERIES);
    expect(polls).toBeLessThan(40);
    expect(polls).toBeGreaterThan(15);
  });

  it("waits at least Retry-After after a 429", () => {
    const limited = new ApiError(429, "rate_limited", "Too many requests.", undefined, "req_1", 45);
    expect(nextPoll({ state: { dataUpdateCount: 1, errorUpdateCount: 1, error: limited } }, DELIVERIES)).toBe(45_000);
    expect(retryPolicy.retryDelay(1, limited)).toBe(45_000);
    expect(retryPolicy.retry(0, limited)).toBe(true);
    expect(retryPolicy.retry(0, new ApiError(404, "not_found", "Not found."))).toBe(false);
    expect(retryPolicy.retry(0, new ApiError(503, "service_unavailable", "Down."))).toBe(true);
  });
});
