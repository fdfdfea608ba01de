import pino from "pino";
import { env } from "@/lib/env/server";

/** Paths redacted wherever they appear in a log object. */
export const REDACT_PATHS = [
  "password",
  "*.password",
  "passwordHash",
  "*.passwordHash",
  "newPassword",
  "*.newPassword",
  "currentPassword",
  "*.currentPassword",
  "secret",
  "*.secret",
  "apiKey",
  "*.apiKey",
  "key",
  "*.key",
  "token",
  "*.token",
  "accessToken",
  "*.accessToken",
  "clientSecret",
  "*.clientSecret",
  "client_secret",
  "*.client_secret",
  "credentials",
  "*.credentials",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "req.headers.authorization",
  "headers.cookie",
  "req.headers.cookie",
  "cookie",
  "*.cookie",
  "stripeSecretKey",
  "*.api_token",
  "api_token",
  "*.api_key",
  "api_key",
];

// Card-like digit runs (13–19 digits, optionally spaced/dashed) and bearer/secret tokens in free text.
const CARD_RE = /\b(?:\d[ -]?){12,18}\d\b/g;
const TOKEN_RE =
  /\b(sk|rk|whsec|vt)_(live|test|emulator|[a-z0-9]{2,8})_[A-Za-z0-9]{6,}\b|Bearer\s+[A-Za-z0-9._~+/=-]{8,}/g;

export function scrubText(value: string): string {
  return value.replace(CARD_RE, "[card]").replace(TOKEN_RE, "[secret]");
}

function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  if (value instanceof Error) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v, depth + 1)]));
}

/** LOG_LEVEL; "info" when the environment is invalid, so the logger can still report that. */
function configuredLevel(): string {
  try {
    return env().LOG_LEVEL;
  } catch {
    return "info";
  }
}

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}) {
  return pino(
    {
      level: options.level ?? configuredLevel(),
      base: { service: "vitrine" },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      formatters: { log: (obj) => scrubDeep(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((a) => (typeof a === "string" ? scrubText(a) : a)) as Parameters<typeof method>;
          return method.apply(this, scrubbed);
        },
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}

const g = globalThis as unknown as { __vitrineLogger?: pino.Logger };
export const logger: pino.Logger = (g.__vitrineLogger ??= createLogger());
