import { randomUUID } from "node:crypto";
import { requestAddresses } from "./client-address";

/** ip: the client (rate limits, audit trail); peer: the socket address (loopback-only routes). */
export type RequestInfo = { requestId: string; ip: string; peer: string; userAgent: string | null };

const REQUEST_ID_RE = /^[A-Za-z0-9._-]{8,64}$/;

/** A caller-supplied X-Request-Id is kept when well-formed, so traces join across services. */
export function requestInfo(req: Request): RequestInfo {
  const given = req.headers.get("x-request-id");
  const requestId = given && REQUEST_ID_RE.test(given) ? given : `req_${randomUUID().replace(/-/g, "")}`;
  const { client, peer } = requestAddresses(req.headers);
  return { requestId, ip: client, peer, userAgent: req.headers.get("user-agent") };
}

/** Who did it, for the audit trail, when a buyer acts on a public page (no account): the request's own facts. */
export function buyerAudit(info: Pick<RequestInfo, "ip" | "userAgent" | "requestId">) {
  return {
    actor: { type: "system" as const, id: "buyer" },
    ip: info.ip,
    userAgent: info.userAgent,
    requestId: info.requestId,
  };
}
