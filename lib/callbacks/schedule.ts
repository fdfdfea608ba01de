// When a failed delivery is tried again: the fixed schedule with ±10 % jitter, or the receiver's Retry-After.
import { MAX_SCHEDULED_ATTEMPTS, RETRY_DELAYS_SECONDS } from "./config";

const MAX_RETRY_AFTER_SECONDS = 86_400;

/** Seconds until the next try after `attempt` (1-based) failed, or null when the schedule is spent. */
export function retryDelaySeconds(attempt: number, random: () => number = Math.random): number | null {
  if (attempt >= MAX_SCHEDULED_ATTEMPTS) return null;
  const base = RETRY_DELAYS_SECONDS[Math.max(0, attempt - 1)]!;
  // Jitter spreads a burst of failures (one store down, many events) so retries do not arrive in lockstep.
  return Math.max(1, Math.round(base * (0.9 + 0.2 * random())));
}

/** `Retry-After: <seconds>` or `Retry-After: <HTTP date>`, clamped to [1 s, 24 h]; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  let seconds: number;
  if (/^\d+$/.test(trimmed)) seconds = Number(trimmed);
  else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return null;
    seconds = Math.ceil((at - now.getTime()) / 1000);
  }
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, seconds));
}

export type AttemptClass = "success" | "gone" | "retryable" | "refused";

/** 2xx delivered; 410 means the store removed the endpoint; everything else (network, 3xx, 4xx, 5xx) retries per the schedule. */
export function classifyStatus(status: number | null): AttemptClass {
  if (status !== null && status >= 200 && status < 300) return "success";
  if (status === 410) return "gone";
  return "retryable";
}
