// Who may reach operator-only routes (metrics, readiness internals, the internal sync): the holder
// of the route's bearer token (a monitoring system or a cron on the host) or a signed-in admin.
// lib/http/handler.ts withOperator applies these rules to a route.
import "server-only";
import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env/server";

/** The environment variable holding a route's operator token. */
export type OperatorToken = "METRICS_TOKEN" | "INTERNAL_API_TOKEN";

function tokenMatches(given: string | undefined, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** True when the request carries the configured token as `Authorization: Bearer …` (never when it is unset). */
export function hasOperatorToken(req: Request, token: OperatorToken): boolean {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "")?.[1];
  return tokenMatches(bearer, env()[token]);
}
