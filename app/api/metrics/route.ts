// GET /api/metrics — Prometheus metrics; needs METRICS_TOKEN as a bearer token or an admin session
import { timingSafeEqual } from "node:crypto";
import { metrics } from "@/lib/metrics/registry";
import { getSessionUser } from "@/lib/auth/session";
import { AppError, errorBody } from "@/lib/http/errors";
import { requestInfo } from "@/lib/http/context";
import { env } from "@/lib/env/server";

export const dynamic = "force-dynamic";

function tokenMatches(given: string | undefined, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function GET(req: Request) {
  const { METRICS_ENABLED, METRICS_TOKEN } = env();
  const { requestId } = requestInfo(req);
  // METRICS_ENABLED=0: not exposed at all (production then needs no METRICS_TOKEN).
  if (!METRICS_ENABLED) return Response.json(errorBody(new AppError("not_found", "Not found."), requestId), { status: 404 });
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "")?.[1];
  const allowed = tokenMatches(bearer, METRICS_TOKEN) || (await getSessionUser(req))?.role === "ADMIN";
  if (!allowed) {
    return Response.json(errorBody(new AppError("unauthenticated", "Metrics need METRICS_TOKEN or an admin session."), requestId), { status: 401 });
  }
  return new Response(await metrics.registry.metrics(), { headers: { "Content-Type": metrics.registry.contentType, "Cache-Control": "no-store" } });
}
