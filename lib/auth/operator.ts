// Who may read operational detail (metrics, readiness internals): the holder of METRICS_TOKEN
// (a monitoring system, as `Authorization: Bearer …`) or a signed-in admin.
import "server-only";
import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env/server";
import { getSessionUser } from "./session";

function tokenMatches(given: string | undefined, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function isOperator(req: Request): Promise<boolean> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "")?.[1];
  if (tokenMatches(bearer, env().METRICS_TOKEN)) return true;
  return (await getSessionUser(req))?.role === "ADMIN";
}
