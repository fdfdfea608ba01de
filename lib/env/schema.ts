import { z } from "zod";

const rate = z
  .string()
  .regex(/^\d+\/(second|minute|hour|day)$/, "expected <count>/<second|minute|hour|day>, e.g. 100/hour");

const bool = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

/** Every server variable, documented in .env.example. Parsed once, at first use. */
export const ServerEnv = z
  .object({
    APP_ENV: z.enum(["development", "test", "production"]).default("development"),
    APP_URL: z.url().default("http://localhost:3000"),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL").optional(),
    PGLITE_DIR: z.string().default(".data/pglite"),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// URL").optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    METRICS_TOKEN: z.string().min(16).optional(),
    MAX_BODY_BYTES: z.coerce.number().int().positive().default(262_144),
    /** Per route class (docs/API.md "Rate limits"): anonymous/buyer callers per IP, signed-in reads and writes per user, each API key on its own. */
    RATE_LIMIT_PUBLIC: rate.default("300/minute"),
    RATE_LIMIT_SESSION_READ: rate.default("600/minute"),
    RATE_LIMIT_SESSION_WRITE: rate.default("120/minute"),
    RATE_LIMIT_API_KEY: rate.default("1500/minute"),
    RATE_LIMIT_LOGIN: rate.default("10/minute"),
    RATE_LIMIT_CHECKOUT: rate.default("30/minute"),
    RATE_LIMIT_WEBHOOK: rate.default("500/minute"),
    JOBS_ENABLED: z.enum(["0", "1", "true", "false"]).default("1").transform((v) => v === "1" || v === "true"),
    STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_/, "must start with sk_test_, sk_live_, rk_test_ or rk_live_").optional(),
    STRIPE_PUBLISHABLE_KEY: z.string().regex(/^pk_(test|live)_/, "must start with pk_test_ or pk_live_").optional(),
    STRIPE_EMULATOR: bool,
    STRIPE_EMULATOR_URL: z.url().default("http://127.0.0.1:12111"),
    STRIPE_WEBHOOK_SECRET: z.string().optional(),
    STRIPE_CONNECT_WEBHOOK_SECRET: z.string().optional(),
    /** Local PIX gateway simulator; gateway configs without a base URL use <PIX_SIMULATOR_URL>/<gateway>. Never in production. */
    PIX_SIMULATOR_URL: z.url().optional(),
    CREDITS_PER_UNIT: z.coerce.number().positive().default(10),
    CREDITS_PER_UNIT_BRL: z.coerce.number().positive().default(2),
    CREDITS_MIN_AMOUNT_USD: z.coerce.number().int().positive().default(500),
    CREDITS_MAX_AMOUNT_USD: z.coerce.number().int().positive().default(100_000),
    CREDITS_MIN_AMOUNT_BRL: z.coerce.number().int().positive().default(2_500),
    CREDITS_MAX_AMOUNT_BRL: z.coerce.number().int().positive().default(500_000),
  })
  .superRefine((env, ctx) => {
    if (env.APP_ENV === "production" && !env.NEXTAUTH_SECRET)
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "is required when APP_ENV=production" });
  });

export type ServerEnv = z.infer<typeof ServerEnv>;

/** Only NEXT_PUBLIC_* variables may reach the browser. */
export const ClientEnv = z.object({
  NEXT_PUBLIC_APP_NAME: z.string().default("Vitrine"),
});
export type ClientEnv = z.infer<typeof ClientEnv>;

export class EnvError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid environment:\n${issues.map((i) => `  - ${i}`).join("\n")}\nSee .env.example for every variable.`);
    this.name = "EnvError";
  }
}

export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = ServerEnv.safeParse(cleaned);
  if (!result.success) throw new EnvError(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  return result.data;
}
