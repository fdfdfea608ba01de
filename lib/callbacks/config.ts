// Delivery tuning and the callback environment variables, parsed with zod at first use.
import { z } from "zod";

export const CALLBACKS_DELIVER_JOB = "callbacks.deliver";

/** Seconds to wait after attempt n fails (index n-1): ≈ immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, 24 h. */
export const RETRY_DELAYS_SECONDS = [5, 300, 1_800, 7_200, 18_000, 36_000, 36_000, 86_400] as const;
/** Attempts a delivery gets from the schedule (the first one plus one per delay). */
export const MAX_SCHEDULED_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;
export const REQUEST_TIMEOUT_MS = 10_000;
/** A claimed row becomes due again after this long if its worker died mid-attempt. */
export const LEASE_SECONDS = 60;
export const DEFAULT_BATCH = 20;
/** The pump (pump.ts): posts in flight per process, and rows per claim and per outcome write. */
export const PUMP_CONCURRENCY = 64;
export const PUMP_BATCH = 50;
export const RESPONSE_EXCERPT_CHARS = 500;
export const MAX_ENDPOINTS_PER_STORE = 5;
export const DEFAULT_ROTATION_OVERLAP_HOURS = 24;

const CallbackEnv = z.object({
  CALLBACK_ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform(
      (v) =>
        new Set(
          v
            .split(",")
            .map((h) =>
              h
                .trim()
                .toLowerCase()
                .replace(/^\[|\]$/g, ""),
            )
            .filter(Boolean),
        ),
    ),
  CALLBACK_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(1).default(50),
  /** ...and only when the streak is this old: a store down for an hour keeps its endpoint (0 = count only). */
  CALLBACK_DISABLE_AFTER_HOURS: z.coerce.number().min(0).max(720).default(72),
  CALLBACK_MAX_IN_FLIGHT_PER_ENDPOINT: z.coerce.number().int().min(1).max(64).default(4),
});

export type CallbackEnv = z.infer<typeof CallbackEnv>;

/** Read on every call (cheap) so tests and operators can change it without a restart of the module. */
export function callbackEnv(env: Record<string, string | undefined> = process.env): CallbackEnv {
  const result = CallbackEnv.safeParse({
    CALLBACK_ALLOWED_HOSTS: env.CALLBACK_ALLOWED_HOSTS || undefined,
    CALLBACK_DISABLE_AFTER_FAILURES: env.CALLBACK_DISABLE_AFTER_FAILURES || undefined,
    CALLBACK_DISABLE_AFTER_HOURS: env.CALLBACK_DISABLE_AFTER_HOURS || undefined,
    CALLBACK_MAX_IN_FLIGHT_PER_ENDPOINT: env.CALLBACK_MAX_IN_FLIGHT_PER_ENDPOINT || undefined,
  });
  if (!result.success)
    throw new Error(
      `Invalid callback environment: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  return result.data;
}
