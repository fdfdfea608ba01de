// How the dashboard and buyer pages poll our API: steady at first (a payment or a delivery usually
// settles within seconds), then further apart, never sooner than a 429's Retry-After. react-query
// already pauses interval polling while the tab is hidden (refetchIntervalInBackground is false).
import { ApiError } from "./api-client";

export type Backoff = {
  /** Milliseconds between the first polls. */
  every: number;
  /** How many polls keep that pace before slowing down. */
  steady: number;
  /** The longest wait between two polls. */
  max: number;
};

/** The wait before poll number n+1 after n polls: `every` for the first `steady`, then 1.5× each time up to `max`. */
export function pollDelay(polls: number, b: Backoff): number {
  return Math.round(Math.min(b.max, b.every * 1.5 ** Math.max(0, polls - b.steady)));
}

/** Waits at least the Retry-After of a rate-limited answer. */
export function retryAfterMs(err: unknown): number {
  return err instanceof ApiError && err.retryAfterSeconds ? err.retryAfterSeconds * 1000 : 0;
}

/** The next refetchInterval for a query that is still waiting for something. */
export function nextPoll(
  query: { state: { dataUpdateCount: number; errorUpdateCount: number; error: unknown } },
  b: Backoff,
): number {
  const polls = query.state.dataUpdateCount + query.state.errorUpdateCount;
  return Math.max(pollDelay(polls, b), retryAfterMs(query.state.error));
}

/** react-query's retry of a failed request: never on a client error other than 429, and after Retry-After. */
export const retryPolicy = {
  retry: (failures: number, err: unknown) =>
    failures < 2 && !(err instanceof ApiError && err.status < 500 && err.status !== 429),
  retryDelay: (attempt: number, err: unknown) => Math.max(Math.min(1000 * 2 ** attempt, 30_000), retryAfterMs(err)),
};
