// GET /api/metrics — Prometheus metrics; needs METRICS_TOKEN as a bearer token or an admin session
import { timingSafeEqual } from "node:crypto";
import { metrics } from "@/lib/metrics/registry";
import { getSessionUser } from "@/lib/auth/session";
import { AppError, errorBody } from "@/lib/http/errors";
import { requestInfo } from "@/lib/http/context";

export const dynamic = "force-dynamic";

function tokenMatches(given: string | undefined, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function GET(req: Request) {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "")?.[1];
  const allowed = tokenMatches(bearer, process.env.METRICS_TOKEN) || (await getSessionUser(req))?.role === "ADMIN";
  if (!allowed) {
    const { requestId } = requestInfo(req);
    return Response.json(errorBody(new AppError("unauthenticated", "Metrics need METRICS_TOKEN or an admin session."), requestId), { status: 401 });
  }
  return new Response(await metrics.registry.metrics(), { headers: { "Content-Type": metrics.registry.contentType, "Cache-Control": "no-store" } });
}
