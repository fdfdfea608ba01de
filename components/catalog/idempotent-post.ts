import { ApiError } from "@/components/api-client";

/** A key for one user intent (a form mount, a dialog opening); crypto.randomUUID needs a secure context. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function" && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** POST JSON with an Idempotency-Key, so a double click or a retry creates one object. Same errors as apiFetch. */
export async function postIdempotent<T>(url: string, body: unknown, key: string): Promise<T> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": key },
    body: JSON.stringify(body),
    credentials: "same-origin",
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string; param?: string; request_id?: string } } | null)?.error;
    throw new ApiError(res.status, e?.code ?? "internal_error", e?.message ?? `Request failed (${res.status})`, e?.param, e?.request_id);
  }
  return data as T;
}
