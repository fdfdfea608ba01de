// GET /api/metrics — Prometheus metrics; needs METRICS_TOKEN as a bearer token or an admin session
import { metrics } from "@/lib/metrics/registry";
import { isOperator } from "@/lib/auth/operator";
import { AppError, errorBody } from "@/lib/errors";
import { requestInfo } from "@/lib/request/context";
import { env } from "@/lib/env/server";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const { METRICS_ENABLED } = env();
  const { requestId } = requestInfo(req);
  // METRICS_ENABLED=0: not exposed at all (production then needs no METRICS_TOKEN).
  if (!METRICS_ENABLED)
    return Response.json(errorBody(new AppError("not_found", "Not found."), requestId), { status: 404 });
  if (!(await isOperator(req))) {
    return Response.json(
      errorBody(new AppError("unauthenticated", "Metrics need METRICS_TOKEN or an admin session."), requestId),
      { status: 401 },
    );
  }
  return new Response(await metrics.registry.metrics(), {
    headers: { "Content-Type": metrics.registry.contentType, "Cache-Control": "no-store" },
  });
}
