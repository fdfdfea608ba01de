// Browser-side JSON client for our own API: same error shape everywhere.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly param?: string,
    readonly requestId?: string,
    readonly retryAfterSeconds?: number,
    /** The error's `details` (e.g. plan_limit_reached: resource, limit, used, plan, upgrade_url). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Retry-After in seconds (our 429s send a number of seconds), if the answer has one. */
function retryAfterOf(res: Response): number | undefined {
  const value = Number(res.headers.get("retry-after"));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** A key for one user intent (a form mount, a payment attempt); crypto.randomUUID needs a secure context. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function" && (typeof window === "undefined" || window.isSecureContext))
    return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Calls our JSON API and throws ApiError with the stable code on failure. With `idempotencyKey`,
 * a double click or a retry creates one object.
 */
export async function apiFetch<T = unknown>(
  url: string,
  opts: { method?: string; body?: unknown; idempotencyKey?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (opts.body !== undefined) headers["Content-Type"] = "application/json";
  if (opts.idempotencyKey) headers["Idempotency-Key"] = opts.idempotencyKey;
  const res = await fetch(url, {
    method: opts.method ?? "GET",
    headers,
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
    credentials: "same-origin",
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (
      data as {
        error?: {
          code?: string;
          message?: string;
          param?: string;
          request_id?: string;
          details?: Record<string, unknown>;
        };
      } | null
    )?.error;
    throw new ApiError(
      res.status,
      e?.code ?? "internal_error",
      e?.message ?? `Request failed (${res.status})`,
      e?.param,
      e?.request_id,
      retryAfterOf(res),
      e?.details,
    );
  }
  return data as T;
}
