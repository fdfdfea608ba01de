// The configuration audit an operator reads before (and after) going live: every setting of the one
// env schema (lib/env/schema.ts) by group — required or not, set or default, ok or not, with a
// message — secrets masked, plus live checks of what can be checked from here (Stripe, webhook
// secrets, database, queue, Redis, SMTP, encryption keys). Admin only; never cached, never logged.
import "server-only";
import Redis from "ioredis";
import nodemailer from "nodemailer";
import type { z } from "zod";
import { loadKeyring } from "@/lib/crypto/encryption";
import { databaseHealth } from "@/lib/health/database";
import { queueHealth, stripeHealth } from "@/lib/health/checks";
import { smtpUrl } from "@/lib/notifications/transport";
import { resolveStripeMode } from "@/lib/stripe/client";
import { productionProblems, ServerEnvShape, type Parsed } from "@/lib/env/schema";

export type SettingRow = {
  group: string;
  key: string;
  /** Required when APP_ENV=production (derived from the production rules, not a second list). */
  required: boolean;
  /** set: from the environment; default: the schema's default; unset: neither. */
  source: "set" | "default" | "unset";
  secret: boolean;
  /** Masked when secret (sk_test_…1234); null when unset. */
  value: string | null;
  ok: boolean;
  /** Why not ok, or a note ("required in production"); English, as in .env.example. */
  message: string | null;
};

export type LiveCheck = {
  key: "database" | "queue" | "stripe" | "webhook_secrets" | "redis" | "smtp" | "encryption_keys";
  /** ok | problem | skipped (not configured here, with the consequence in message). */
  status: "ok" | "problem" | "skipped";
  message: string;
};

export type ConfigAudit = {
  environment: string;
  checkedAt: string;
  settings: SettingRow[];
  checks: LiveCheck[];
  problems: number;
};

/** The first key of each section of ServerEnvShape; later keys belong to the last section started. */
const GROUP_STARTS: Record<string, string> = {
  APP_ENV: "App",
  DATABASE_URL: "Database",
  REDIS_URL: "Rate limits",
  METRICS_ENABLED: "Observability",
  JOBS_ENABLED: "Jobs",
  STRIPE_SECRET_KEY: "Stripe",
  PLATFORM_FEE_PERCENT: "Platform fee and plans",
  CREDITS_PER_UNIT: "Credits",
  CALLBACK_ALLOWED_HOSTS: "Store callbacks",
  ENCRYPTION_KEY: "Secrets at rest",
  PIX_SIMULATOR_URL: "PIX",
  SMTP_URL: "Email and Slack",
  PLATFORM_LEGAL_NAME: "Platform as invoice issuer",
  TRUSTED_PROXIES: "Sign-in and sessions",
};

/** Not secret although the name says key: a publishable key goes to browsers, a PIX key is printed on invoices. */
const PUBLIC_KEYS = new Set(["STRIPE_PUBLISHABLE_KEY", "PLATFORM_PIX_KEY"]);

export function isSecretSetting(key: string): boolean {
  if (PUBLIC_KEYS.has(key)) return false;
  return /SECRET|TOKEN|PASSWORD|CREDENTIAL|_KEY$|_KEYS$|WEBHOOK_URL$/.test(key);
}

/** URLs whose user-info may hold a password (postgresql://u:p@h, smtps://u:p@h, redis://:p@h). */
function maskUrlPassword(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = "****";
    return url.toString().replace(/\/$/, value.endsWith("/") ? "/" : "");
  } catch {
    return value;
  }
}

/** sk_test_…1234, whsec_…abcd; short values are fully hidden; several (rotation) masked one by one. */
export function maskSecret(key: string, value: string): string {
  if (key === "ENCRYPTION_KEYS")
    return value
      .split(",")
      .map((e) => `${e.trim().split(":")[0]}:…`)
      .join(", ");
  if (/WEBHOOK_URL$/.test(key)) {
    try {
      const url = new URL(value);
      return `${url.protocol}//${url.host}/…${value.slice(-4)}`;
    } catch {
      return "…";
    }
  }
  return value
    .split(",")
    .map((part) => {
      const v = part.trim();
      if (v.length < 12) return "••••";
      const prefix = v.match(/^[a-z]{2,6}_(?:(?:test|live)_)?/)?.[0] ?? "";
      return `${prefix}…${v.slice(-4)}`;
    })
    .join(", ");
}

function displayValue(key: string, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (isSecretSetting(key)) return maskSecret(key, text);
  if (/_URL$/.test(key)) return maskUrlPassword(text);
  return text;
}

/** Every setting, from the environment given (process.env by default). */
export function auditSettings(source: Record<string, string | undefined> = process.env): SettingRow[] {
  const given = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== "")) as Record<
    string,
    string
  >;
  const production = given.APP_ENV === "production";
  const parsed = {} as Record<string, unknown>;
  const parseErrors = new Map<string, string>();
  for (const [key, schema] of Object.entries(ServerEnvShape)) {
    const one = (schema as z.ZodType).safeParse(given[key]);
    if (one.success) parsed[key] = one.data;
    else parseErrors.set(key, one.error.issues[0]?.message ?? "invalid value");
  }
  // What production needs is what the production rules name over an empty environment (plus the
  // rules that depend on values, evaluated on the real one).
  const requiredKeys = new Set(productionProblems({} as Parsed, {}).map(([k]) => k));
  const problems = new Map<string, string>();
  if (production)
    for (const [k, message] of productionProblems(parsed as Parsed, given))
      if (!problems.has(k)) problems.set(k, message);
  let group = "App";
  return Object.keys(ServerEnvShape).map((key) => {
    group = GROUP_STARTS[key] ?? group;
    const isSet = key in given;
    const value = parseErrors.has(key) ? given[key] : parsed[key];
    const source: SettingRow["source"] = isSet ? "set" : value === undefined ? "unset" : "default";
    const error = parseErrors.get(key) ?? problems.get(key) ?? null;
    const required = requiredKeys.has(key);
    const note =
      !error && required && !isSet && !production && !(key === "ENCRYPTION_KEY" && given.ENCRYPTION_KEYS)
        ? "required in production"
        : null;
    return {
      group,
      key,
      required,
      source,
      secret: isSecretSetting(key),
      value: displayValue(key, value),
      ok: !error,
      message: error ?? note,
    };
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, label: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${label} timed out after ${ms} ms`)), ms).unref()),
  ]);
}

async function checkRedis(url: string | undefined): Promise<LiveCheck> {
  if (!url)
    return {
      key: "redis",
      status: "skipped",
      message: "REDIS_URL not set: rate limits are counted per instance, in memory",
    };
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: 2_000,
  });
  client.on("error", () => {});
  try {
    await withTimeout(client.connect(), 2_500, "Redis");
    const pong = await withTimeout(client.ping(), 2_000, "Redis");
    return { key: "redis", status: pong === "PONG" ? "ok" : "problem", message: `reachable (${pong})` };
  } catch (err) {
    return {
      key: "redis",
      status: "problem",
      message: `unreachable: ${(err as Error).message.replace(url, "[REDIS_URL]")}`,
    };
  } finally {
    client.disconnect();
  }
}

async function checkSmtp(configured: string | undefined): Promise<LiveCheck> {
  let url: string;
  try {
    url = configured || smtpUrl();
  } catch {
    return { key: "smtp", status: "problem", message: "SMTP_URL is not set" };
  }
  const transport = nodemailer.createTransport({ url, connectionTimeout: 4_000, greetingTimeout: 4_000 } as Parameters<
    typeof nodemailer.createTransport
  >[0]);
  try {
    await withTimeout(transport.verify(), 5_000, "SMTP");
    const host = new URL(url).host;
    return { key: "smtp", status: "ok", message: `reachable at ${host}` };
  } catch (err) {
    const raw = (err as Error).message ?? "error";
    return {
      key: "smtp",
      status: "problem",
      message: `unreachable: ${raw.split(url).join("[SMTP_URL]").slice(0, 200)}`,
    };
  } finally {
    transport.close();
  }
}

function checkWebhookSecrets(source: Record<string, string | undefined>): LiveCheck {
  const mode = (() => {
    try {
      return resolveStripeMode(source).kind;
    } catch {
      return "stripe" as const;
    }
  })();
  const missing = ["STRIPE_WEBHOOK_SECRET", "STRIPE_CONNECT_WEBHOOK_SECRET"].filter((k) => !source[k]?.trim());
  const malformed = ["STRIPE_WEBHOOK_SECRET", "STRIPE_CONNECT_WEBHOOK_SECRET"].filter((k) =>
    source[k]
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .some((s) => !s.startsWith("whsec_")),
  );
  if (malformed.length)
    return { key: "webhook_secrets", status: "problem", message: `not whsec_… secrets: ${malformed.join(", ")}` };
  if (!missing.length)
    return { key: "webhook_secrets", status: "ok", message: "platform and Connect signing secrets present" };
  if (mode === "emulator")
    return { key: "webhook_secrets", status: "skipped", message: "the Stripe emulator signs with the demo secret" };
  return { key: "webhook_secrets", status: "problem", message: `missing: ${missing.join(", ")}` };
}

function checkEncryptionKeys(source: Record<string, string | undefined>): LiveCheck {
  try {
    const ring = loadKeyring(source);
    const ids = [...ring.keys.keys()];
    const demo = !source.ENCRYPTION_KEY && !source.ENCRYPTION_KEYS;
    return {
      key: "encryption_keys",
      status: demo && source.APP_ENV === "production" ? "problem" : "ok",
      message: demo
        ? "the fixed demo key (set ENCRYPTION_KEY or ENCRYPTION_KEYS before production)"
        : `current key id ${ring.current}; ${ids.length} key(s): ${ids.join(", ")}`,
    };
  } catch (err) {
    return { key: "encryption_keys", status: "problem", message: (err as Error).message };
  }
}

/** The full audit: settings and live checks, run concurrently, each bounded in time. */
export async function auditConfiguration(
  source: Record<string, string | undefined> = process.env,
): Promise<ConfigAudit> {
  const settings = auditSettings(source);
  const [database, queue, stripe, redis, smtp] = await Promise.all([
    databaseHealth({ migrations: true }),
    queueHealth(),
    stripeHealth({ fresh: true }),
    checkRedis(source.REDIS_URL),
    checkSmtp(source.SMTP_URL),
  ]);
  const checks: LiveCheck[] = [
    database.ok
      ? database.pendingMigrations.length
        ? {
            key: "database",
            status: "problem",
            message: `${database.database}: migrations pending: ${database.pendingMigrations.join(", ")}`,
          }
        : { key: "database", status: "ok", message: `${database.database} reachable, every migration applied` }
      : { key: "database", status: "problem", message: `${database.database}: ${database.reason}` },
    queue.ok
      ? {
          key: "queue",
          status: "ok",
          message: `pg-boss reachable; ${queue.waiting} job(s) due${queue.oldestWaitingSeconds !== null ? `, oldest waiting ${queue.oldestWaitingSeconds} s` : ""}`,
        }
      : { key: "queue", status: "problem", message: queue.reason },
    stripe.ok
      ? { key: "stripe", status: "ok", message: `reachable in ${stripe.mode} mode (${stripe.latencyMs} ms)` }
      : { key: "stripe", status: "problem", message: `${stripe.reason ?? "stripe_error"} (${stripe.mode} mode)` },
    checkWebhookSecrets(source),
    redis,
    smtp,
    checkEncryptionKeys(source),
  ];
  return {
    environment: source.APP_ENV || "development",
    checkedAt: new Date().toISOString(),
    settings,
    checks,
    problems: settings.filter((s) => !s.ok).length + checks.filter((c) => c.status === "problem").length,
  };
}
