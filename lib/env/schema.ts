import { z } from "zod";

const rate = z
  .string()
  .regex(/^\d+\/(second|minute|hour|day)$/, "expected <count>/<second|minute|hour|day>, e.g. 100/hour");

const bool = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

/** A switch that is on unless set to 0/false. */
const boolOn = z
  .enum(["0", "1", "true", "false"])
  .default("1")
  .transform((v) => v === "1" || v === "true");

const port = z.coerce.number().int().min(1).max(65_535);
const positiveNumber = z.coerce.number().positive();

/** base64 of exactly 32 bytes (AES-256). */
const aesKey = z
  .string()
  .refine(
    (v) => /^[A-Za-z0-9+/_-]+=*$/.test(v.trim()) && Buffer.from(v.trim(), "base64").length === 32,
    "must be 32 bytes in base64 (openssl rand -base64 32)",
  );

/** Stripe webhook signing secrets, comma-separated for rotation. */
const webhookSecrets = z.string();

/**
 * Every server variable the code reads, documented in .env.example (tests/env/declared.test.ts
 * keeps the code, this schema and .env.example in step). Parsed by env() (lib/env/server.ts), by
 * instrumentation.ts when the app starts and by the launcher before it decides anything.
 */
export const ServerEnvShape = {
  // ── App ──
  APP_ENV: z.enum(["development", "test", "production"]).default("development"),
  APP_URL: z.url().default("http://localhost:3000"),
  PORT: port.default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** Directory the .env files are read from (default: the project directory). */
  VITRINE_ENV_DIR: z.string().optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(262_144),
  /** bcrypt cost; 12 unless lowered for tests (never below 10). */
  BCRYPT_COST: z.coerce.number().int().min(10).max(15).default(12),
  // ── Database ──
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional(),
  PGLITE_DIR: z.string().default(".data/pglite"),
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
  /**
   * Hot raw statements are prepared once per connection ("named"). Behind a pooler that does not
   * keep prepared statements per client (PgBouncer in transaction mode before 1.21, or without
   * max_prepared_statements) set "off".
   */
  DATABASE_PREPARED_STATEMENTS: z.enum(["on", "off"]).default("on"),
  /** Database Prisma diffs against when writing a new migration (npm run db:migrate:new). */
  MIGRATE_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional(),
  // ── Rate limits ──
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// URL")
    .optional(),
  /** Per route class (docs/API.md "Rate limits"): anonymous/buyer callers per IP, signed-in reads and writes per user, each API key on its own. */
  RATE_LIMIT_PUBLIC: rate.default("300/minute"),
  RATE_LIMIT_SESSION_READ: rate.default("600/minute"),
  RATE_LIMIT_SESSION_WRITE: rate.default("120/minute"),
  RATE_LIMIT_API_KEY: rate.default("1500/minute"),
  RATE_LIMIT_LOGIN: rate.default("10/minute"),
  RATE_LIMIT_CHECKOUT: rate.default("30/minute"),
  RATE_LIMIT_WEBHOOK: rate.default("500/minute"),
  // ── Observability ──
  /** GET /api/metrics is served unless METRICS_ENABLED=0; in production it then needs METRICS_TOKEN. */
  METRICS_ENABLED: boolOn,
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  // ── Jobs ──
  JOBS_ENABLED: boolOn,
  WEBHOOK_SYNC_ENABLED: boolOn,
  WEBHOOK_SYNC_INTERVAL_MINUTES: positiveNumber.default(15),
  WEBHOOK_SYNC_LOOKBACK_MINUTES: positiveNumber.default(120),
  WEBHOOK_SYNC_PENDING_ORDER_MINUTES: positiveNumber.default(10),
  INTERNAL_API_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  INTERNAL_API_ALLOW_REMOTE: bool,
  // ── Stripe ──
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_/, "must start with sk_test_, sk_live_, rk_test_ or rk_live_")
    .optional(),
  STRIPE_PUBLISHABLE_KEY: z
    .string()
    .regex(/^pk_(test|live)_/, "must start with pk_test_ or pk_live_")
    .optional(),
  STRIPE_WEBHOOK_SECRET: webhookSecrets.optional(),
  STRIPE_CONNECT_WEBHOOK_SECRET: webhookSecrets.optional(),
  STRIPE_EMULATOR: bool,
  STRIPE_EMULATOR_PORT: port.default(12111),
  STRIPE_EMULATOR_URL: z.url().default("http://127.0.0.1:12111"),
  STRIPE_EMULATOR_PUBLIC_URL: z.url().optional(),
  STRIPE_EMULATOR_SNAPSHOT: z.string().optional(),
  STRIPE_EMULATOR_WEBHOOK_URL: z.url().optional(),
  STRIPE_EMULATOR_CONNECT_WEBHOOK_URL: z.url().optional(),
  // ── Platform fee and plans ──
  PLATFORM_FEE_PERCENT: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,2})?$/, "must be a percentage with up to 2 decimals, e.g. 2.5")
    .refine((v) => Number(v) <= 100, "must be at most 100")
    .default("2.5"),
  PLATFORM_FEE_FIXED: z
    .string()
    .regex(/^\d+(\.\d+)?$/, "must be an amount in major units, e.g. 0.50")
    .default("0"),
  PLATFORM_PRICE_ID: z
    .string()
    .regex(/^price_/, "must be a Stripe price id (price_…)")
    .optional(),
  /** Where the Enterprise plan's "talk to us" writes (a mailto link on the plan cards and landing page). */
  PLATFORM_SALES_EMAIL: z.email().default("vendas@vitrine.local"),
  /** New stores: auto = approved on creation; manual = pending until an admin approves (docs/operations.md "Tenant review"). */
  TENANT_REVIEW: z.enum(["auto", "manual"]).default("auto"),
  /** The API reference (/docs/api, /api/v1/openapi.json): true = public, false = signed-in admins only. */
  DOCS_PUBLIC: boolOn,
  // ── Credits ──
  CREDITS_PER_UNIT: positiveNumber.default(10),
  CREDITS_PER_UNIT_BRL: positiveNumber.default(2),
  CREDITS_MIN_AMOUNT_USD: z.coerce.number().int().positive().default(500),
  CREDITS_MAX_AMOUNT_USD: z.coerce.number().int().positive().default(100_000),
  CREDITS_MIN_AMOUNT_BRL: z.coerce.number().int().positive().default(2_500),
  CREDITS_MAX_AMOUNT_BRL: z.coerce.number().int().positive().default(500_000),
  // ── Store callbacks ──
  CALLBACK_ALLOWED_HOSTS: z.string().optional(),
  CALLBACK_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(1).default(50),
  CALLBACK_DISABLE_AFTER_HOURS: z.coerce.number().min(0).max(720).default(72),
  CALLBACK_MAX_IN_FLIGHT_PER_ENDPOINT: z.coerce.number().int().min(1).max(64).default(4),
  // ── Secrets at rest ──
  ENCRYPTION_KEY: aesKey.optional(),
  ENCRYPTION_KEYS: z
    .string()
    .regex(
      /^\s*[A-Za-z0-9_-]{1,16}:[^,]+(,\s*[A-Za-z0-9_-]{1,16}:[^,]+)*\s*$/,
      'must look like "k2:<base64>,k1:<base64>"',
    )
    .optional(),
  // ── PIX ──
  /** Local PIX gateway simulator; gateway configs without a base URL use <PIX_SIMULATOR_URL>/<gateway>. Never in production. */
  PIX_SIMULATOR_URL: z.url().optional(),
  PIX_SIMULATOR_PORT: port.default(12120),
  // ── Email and Slack notifications (docs/billing.md) ──
  /** SMTP server for outgoing mail, e.g. smtps://user:pass@smtp.example.com:465. Unset outside production: the local mail catcher. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]/, "must be an smtp:// or smtps:// URL, e.g. smtps://user:pass@smtp.example.com:465")
    .optional(),
  /** The From header of outgoing mail. */
  MAIL_FROM: z.string().default("Vitrine <no-reply@vitrine.local>"),
  /** Port of the local mail catcher `npm start` runs in the demo (SMTP; its page is on MAIL_CATCHER_PORT + 1). Never in production. */
  MAIL_CATCHER_PORT: port.default(12130),
  /** Slack incoming-webhook URL for platform admins' alerts (optional). */
  SLACK_WEBHOOK_URL: z.url().optional(),
  // ── The platform as an invoice issuer (docs/billing.md) ──
  /** Legal name and tax id (CNPJ) printed on Vitrine's invoices to sellers. */
  PLATFORM_LEGAL_NAME: z.string().default("Vitrine Pagamentos Ltda."),
  PLATFORM_TAX_ID: z.string().optional(),
  /** One-line postal address printed on the platform's invoices. */
  PLATFORM_ADDRESS: z.string().optional(),
  /** PIX key, merchant name and city for the QR code on open BRL platform invoices (optional). */
  PLATFORM_PIX_KEY: z.string().optional(),
  PLATFORM_PIX_MERCHANT_NAME: z.string().default("VITRINE PAGAMENTOS"),
  PLATFORM_PIX_MERCHANT_CITY: z.string().default("SAO PAULO"),
  /**
   * The platform's own PIX gateway: open BRL platform invoices get a dynamic charge there, matched
   * back by its webhook and the reconciler (docs/invoices.md). Unset: the static PLATFORM_PIX_KEY code.
   */
  PLATFORM_PIX_GATEWAY: z.enum(["syncpay", "pushinpay", "paradise", "wiinpay", "atomopay", "bcb"]).optional(),
  /** That gateway's credentials as a JSON object, the fields a store's form asks for (e.g. {"token":"…"}). Secret. */
  PLATFORM_PIX_GATEWAY_CREDENTIALS: z
    .string()
    .refine((v) => {
      try {
        const o: unknown = JSON.parse(v);
        return typeof o === "object" && o !== null && !Array.isArray(o);
      } catch {
        return false;
      }
    }, "must be a JSON object of the gateway's credential fields")
    .optional(),
  /** The gateway's API base URL; unset: the gateway's own (or <PIX_SIMULATOR_URL>/<gateway> in the demo). */
  PLATFORM_PIX_GATEWAY_URL: z.url().optional(),
  /** Unguessable path segment of the platform's webhook URL /api/webhooks/pix/<gateway>/<token> (24–64 of A-Z a-z 0-9 _ -). */
  PLATFORM_PIX_WEBHOOK_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9_-]{24,64}$/, "must be 24 to 64 letters, digits, _ or -")
    .optional(),
  // ── Sign-in, sessions and the client address (docs/operations.md) ──
  /** Who may set X-Forwarded-For: unset (nobody: the socket is the client), a hop count, or IPs, CIDR ranges and loopback/linklocal/uniquelocal. */
  TRUSTED_PROXIES: z
    .string()
    .refine(
      (v) =>
        /^\s*\d+\s*$/.test(v)
          ? Number(v) <= 32
          : v
              .split(/[\s,]+/)
              .filter(Boolean)
              .every(
                (e) =>
                  ["loopback", "linklocal", "uniquelocal"].includes(e.toLowerCase()) ||
                  z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]).safeParse(e).success,
              ),
      "must be a hop count (at most 32) or comma-separated IP addresses, CIDR ranges, loopback, linklocal, uniquelocal",
    )
    .optional(),
  /** Sign-in attempts per email from any address; when spent the account is locked until the window ends (a correct login clears it). */
  RATE_LIMIT_LOGIN_ACCOUNT: rate.default("20/hour"),
  JWT_ACCESS_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  JWT_REFRESH_TTL_SECONDS: z.coerce.number().int().min(300).max(31_536_000).default(604_800),
};

export type Parsed = { [K in keyof typeof ServerEnvShape]: z.infer<(typeof ServerEnvShape)[K]> };

/** A URL whose host is this machine (the demo's mail catcher listens there). */
function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
    return host === "localhost" || host === "::1" || host === "0.0.0.0" || /^127\./.test(host);
  } catch {
    return false;
  }
}

/**
 * What production (APP_ENV=production) cannot run without. Every problem is reported, not just the
 * first: an operator fixes the whole list in one go.
 */
export function productionProblems(env: Parsed, given: Record<string, string>): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  const required = "is required when APP_ENV=production";
  if (!env.NEXTAUTH_SECRET) problems.push(["NEXTAUTH_SECRET", required]);
  if (!env.ENCRYPTION_KEY && !env.ENCRYPTION_KEYS)
    problems.push([
      "ENCRYPTION_KEY",
      `${required} (or ENCRYPTION_KEYS); the fixed demo key is never used in production`,
    ]);
  if (!given.APP_URL) problems.push(["APP_URL", `${required} (the public https:// URL)`]);
  else if (!env.APP_URL.startsWith("https://"))
    problems.push(["APP_URL", "must be an https:// URL when APP_ENV=production"]);
  if (!env.DATABASE_URL)
    problems.push(["DATABASE_URL", `${required}: the embedded database (PGlite) is for the demo and development only`]);
  if (!env.STRIPE_SECRET_KEY)
    problems.push(["STRIPE_SECRET_KEY", `${required}: the Stripe emulator is for the demo and tests only`]);
  if (!env.STRIPE_PUBLISHABLE_KEY) problems.push(["STRIPE_PUBLISHABLE_KEY", required]);
  const keyMode = env.STRIPE_SECRET_KEY?.match(/_(test|live)_/)?.[1];
  const pubMode = env.STRIPE_PUBLISHABLE_KEY?.match(/_(test|live)_/)?.[1];
  if (keyMode && pubMode && keyMode !== pubMode)
    problems.push(["STRIPE_PUBLISHABLE_KEY", `is a ${pubMode} key but STRIPE_SECRET_KEY is a ${keyMode} key`]);
  for (const name of ["STRIPE_WEBHOOK_SECRET", "STRIPE_CONNECT_WEBHOOK_SECRET"] as const) {
    const secrets =
      env[name]
        ?.split(",")
        .map((s) => s.trim())
        .filter(Boolean) ?? [];
    if (!secrets.length)
      problems.push([name, `${required} (the signing secret of the Stripe webhook endpoint, whsec_…)`]);
    else if (secrets.some((s) => !s.startsWith("whsec_")))
      problems.push([name, "must be Stripe signing secrets (whsec_…), comma-separated when rotating"]);
  }
  if (env.METRICS_ENABLED && !env.METRICS_TOKEN)
    problems.push(["METRICS_TOKEN", `${required} while metrics are exposed (or set METRICS_ENABLED=0)`]);
  if (env.STRIPE_EMULATOR)
    problems.push([
      "STRIPE_EMULATOR",
      "must not be set when APP_ENV=production (the emulator is for the demo and tests only)",
    ]);
  if (env.PIX_SIMULATOR_URL)
    problems.push([
      "PIX_SIMULATOR_URL",
      "must not be set when APP_ENV=production (the PIX simulator is for the demo and tests only)",
    ]);
  if (env.PLATFORM_PIX_GATEWAY) {
    const needs = "is required when PLATFORM_PIX_GATEWAY is set";
    if (!env.PLATFORM_PIX_GATEWAY_CREDENTIALS) problems.push(["PLATFORM_PIX_GATEWAY_CREDENTIALS", needs]);
    if (!env.PLATFORM_PIX_WEBHOOK_TOKEN) problems.push(["PLATFORM_PIX_WEBHOOK_TOKEN", needs]);
  }
  if (
    env.PLATFORM_PIX_GATEWAY_URL &&
    (isLoopbackUrl(env.PLATFORM_PIX_GATEWAY_URL) || !env.PLATFORM_PIX_GATEWAY_URL.startsWith("https://"))
  )
    problems.push([
      "PLATFORM_PIX_GATEWAY_URL",
      "must be the gateway's https:// URL when APP_ENV=production (the PIX simulator is for the demo and tests only)",
    ]);
  if (!env.SMTP_URL)
    problems.push(["SMTP_URL", `${required}: notifications are emailed (the local mail catcher is for the demo only)`]);
  else if (isLoopbackUrl(env.SMTP_URL))
    problems.push([
      "SMTP_URL",
      "must not point at this machine when APP_ENV=production (the local mail catcher is for the demo and tests only)",
    ]);
  return problems;
}

/** Every server variable, documented in .env.example. Parsed once per change of the environment. */
export const ServerEnv = z.object(ServerEnvShape);

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

/** Validates the server environment; throws one EnvError naming every missing or bad variable. */
export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== "")) as Record<
    string,
    string
  >;
  const result = ServerEnv.safeParse(cleaned);
  const issues = result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  // Production rules run on whatever did parse, so a bad value and a missing one are named together.
  if (cleaned.APP_ENV === "production") {
    const bad = new Set(result.success ? [] : result.error.issues.map((i) => String(i.path[0])));
    const parsed = Object.fromEntries(
      Object.entries(ServerEnvShape).map(([name, schema]) => {
        const one = (schema as z.ZodType).safeParse(cleaned[name]);
        return [name, one.success ? one.data : undefined];
      }),
    ) as Parsed;
    for (const [name, message] of productionProblems(parsed, cleaned))
      if (!bad.has(name)) issues.push(`${name}: ${message}`);
  }
  if (issues.length || !result.success) throw new EnvError(issues);
  return result.data;
}
