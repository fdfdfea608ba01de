import type { Logger } from "pino";
import { PixGatewayError } from "./errors";
import { AddressRefusedError, createNodeFetch, type AddressGuard } from "./transport";

export type { AddressGuard } from "./transport";

/** A fetch that runs the guard on every request and connection (and, like every gateway call here, follows no redirect). */
export const createGuardedFetch = (guard: AddressGuard): FetchLike => createNodeFetch({ guard });

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export const DEFAULT_TIMEOUT_MS = 15_000;

const SECRET_PARAM = /token|key|secret|password|signature/i;

/** The URL with secret-looking query values replaced — the only form a gateway URL may be logged in. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    for (const name of [...u.searchParams.keys()]) if (SECRET_PARAM.test(name)) u.searchParams.set(name, "[redacted]");
    return u.toString();
  } catch {
    return "[unparseable url]";
  }
}

export type HttpRequest = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  query?: Record<string, string | undefined>;
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
};

export type HttpResponse = { status: number; body: unknown };

export type HttpClient = {
  request(req: HttpRequest): Promise<HttpResponse>;
};

export type HttpClientConfig = {
  gateway: string;
  baseUrl: string;
  fetch: FetchLike;
  timeoutMs: number;
  log: Logger;
  /** Credential values that must never appear in an error message. */
  secrets: Array<string | undefined>;
};

/** Replaces every known secret value in a text. */
export function scrubSecrets(text: string, secrets: Array<string | undefined>): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join("[redacted]");
  return out;
}

function gatewayMessage(body: unknown): string {
  if (typeof body === "string") return body.slice(0, 200);
  if (body && typeof body === "object") {
    const b = body as Record<string, unknown>;
    for (const k of ["message", "error", "detail", "title", "mensagem", "error_description"]) {
      const v = b[k];
      if (typeof v === "string" && v) return v.slice(0, 200);
      if (v && typeof v === "object" && typeof (v as { message?: unknown }).message === "string")
        return String((v as { message: string }).message).slice(0, 200);
    }
  }
  return "";
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * JSON/form HTTP with a timeout, redacted logging and gateway errors mapped to PixGatewayError codes.
 * Redirects are never followed: a gateway API has no business redirecting, and following one would
 * let an allowed base URL send the server to an address the base URL check refused (SSRF).
 */
export function createHttpClient(cfg: HttpClientConfig): HttpClient {
  const base = cfg.baseUrl.replace(/\/+$/, "");
  return {
    async request(req) {
      const url = new URL(base + req.path);
      for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
      const headers: Record<string, string> = { accept: "application/json", ...req.headers };
      let body: string | undefined;
      if (req.json !== undefined) {
        headers["content-type"] = "application/json";
        body = JSON.stringify(req.json);
      } else if (req.form) {
        headers["content-type"] = "application/x-www-form-urlencoded";
        body = new URLSearchParams(req.form).toString();
      }
      const started = Date.now();
      const safeUrl = redactUrl(url.toString());
      let res: Response;
      try {
        res = await cfg.fetch(url.toString(), {
          method: req.method,
          headers,
          body,
          redirect: "manual",
          signal: AbortSignal.timeout(cfg.timeoutMs),
        });
      } catch (err) {
        if (
          err instanceof AddressRefusedError ||
          (err as { cause?: { code?: string } })?.cause?.code === "ENOTPUBLIC" ||
          (err as { code?: string })?.code === "ENOTPUBLIC"
        ) {
          cfg.log.warn({ gateway: cfg.gateway, method: req.method, url: safeUrl }, "pix: gateway address refused");
          throw new PixGatewayError(
            "gateway_rejected",
            `${cfg.gateway}: the base URL must be a public address (${err instanceof Error ? err.message.slice(0, 120) : "refused"})`,
            { gateway: cfg.gateway },
          );
        }
        const timeout = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
        cfg.log.warn(
          { gateway: cfg.gateway, method: req.method, url: safeUrl, ms: Date.now() - started, timeout },
          "pix: gateway unreachable",
        );
        throw new PixGatewayError(
          "gateway_unavailable",
          `${cfg.gateway} ${timeout ? "timed out" : "could not be reached"}`,
          { gateway: cfg.gateway },
        );
      }
      // fetch's "manual" mode answers an opaque redirect (status 0); node:http hands back the 3xx itself.
      if (res.type === "opaqueredirect" || (res.status >= 300 && res.status < 400)) {
        cfg.log.warn(
          { gateway: cfg.gateway, method: req.method, url: safeUrl, status: res.status },
          "pix: gateway answered a redirect; not followed",
        );
        throw new PixGatewayError(
          "gateway_rejected",
          `${cfg.gateway} answered a redirect (${res.status || "3xx"}), which is not followed`,
          { gateway: cfg.gateway, httpStatus: res.status },
        );
      }
      const parsed = await readBody(res).catch(() => null);
      cfg.log.debug(
        { gateway: cfg.gateway, method: req.method, url: safeUrl, status: res.status, ms: Date.now() - started },
        "pix: gateway request",
      );
      if (res.ok) return { status: res.status, body: parsed };
      const detail = scrubSecrets(gatewayMessage(parsed), cfg.secrets);
      const suffix = detail ? `: ${detail}` : "";
      const details = { gateway: cfg.gateway, httpStatus: res.status, ...(detail ? { detail } : {}) };
      if (res.status === 401 || res.status === 403)
        throw new PixGatewayError("invalid_credentials", `${cfg.gateway} rejected the credentials`, details);
      if (res.status === 404)
        throw new PixGatewayError("not_found", `${cfg.gateway} does not know this charge`, details);
      if (res.status === 429 || res.status >= 500)
        throw new PixGatewayError("gateway_unavailable", `${cfg.gateway} answered ${res.status}${suffix}`, details);
      throw new PixGatewayError(
        "gateway_rejected",
        `${cfg.gateway} refused the request (${res.status})${suffix}`,
        details,
      );
    },
  };
}
