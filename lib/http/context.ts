import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";

export type RequestInfo = { requestId: string; ip: string; userAgent: string | null };

const REQUEST_ID_RE = /^[A-Za-z0-9._-]{8,64}$/;

/** A caller-supplied X-Request-Id is kept when well-formed, so traces join across services. */
export function requestInfo(req: Request | NextRequest): RequestInfo {
  const given = req.headers.get("x-request-id");
  const requestId = given && REQUEST_ID_RE.test(given) ? given : `req_${randomUUID().replace(/-/g, "")}`;
  const forwarded = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || req.headers.get("x-real-ip") || "127.0.0.1";
  return { requestId, ip, userAgent: req.headers.get("user-agent") };
}
