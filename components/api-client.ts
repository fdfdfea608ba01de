// Browser-side JSON client for our own API: same error shape everywhere.
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly param?: string, readonly requestId?: string) {
    super(message);
  }
}

export async function apiFetch<T = unknown>(url: string, opts: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(url, {
    method: opts.method ?? "GET",
    headers: opts.body !== undefined ? { "Content-Type": "application/json" } : undefined,
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
    credentials: "same-origin",
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string; param?: string; request_id?: string } } | null)?.error;
    throw new ApiError(res.status, e?.code ?? "internal_error", e?.message ?? `Request failed (${res.status})`, e?.param, e?.request_id);
  }
  return data as T;
}
