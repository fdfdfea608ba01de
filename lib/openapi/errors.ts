// Which error codes an operation can answer: the ones its auth, body, query, path and
// Idempotency-Key imply (lib/http/handler.ts, lib/http/body.ts), plus the ones it lists itself.
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import type { Operation } from "./types";

const BY_AUTH: Record<Operation["auth"], ErrorCode[]> = {
  api_key: ["invalid_api_key", "store_suspended", "store_pending_review", "usage_limit_reached", "rate_limited"],
  api_key_or_session: [
    "invalid_api_key",
    "unauthenticated",
    "store_suspended",
    "store_pending_review",
    "usage_limit_reached",
    "rate_limited",
  ],
  session: ["unauthenticated", "cross_site_request", "rate_limited"],
  admin: ["unauthenticated", "forbidden", "cross_site_request", "rate_limited"],
  public: ["rate_limited"],
};

export function errorCodesOf(op: Operation): ErrorCode[] {
  const codes: ErrorCode[] = [...BY_AUTH[op.auth]];
  if (op.body) codes.push("malformed_json", "unsupported_media_type", "payload_too_large", "validation_failed");
  if (op.query || op.path.includes("{")) codes.push("validation_failed");
  if (op.path.includes("{")) codes.push("not_found");
  if (op.idempotency === "required") codes.push("idempotency_key_required");
  if (op.idempotency) codes.push("idempotency_conflict", "request_in_progress");
  codes.push(...(op.errors ?? []), "internal_error");
  return [...new Set(codes)];
}

/** The codes grouped by their HTTP status, in status order. */
export function errorsByStatus(codes: ErrorCode[]): Array<[number, ErrorCode[]]> {
  const groups = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = ERROR_STATUS[code];
    groups.set(status, [...(groups.get(status) ?? []), code]);
  }
  return [...groups].sort(([a], [b]) => a - b);
}
