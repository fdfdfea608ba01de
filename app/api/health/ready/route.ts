// GET /api/health/ready — readiness for a load balancer (docs/operations.md "Health"): 200 when this
// instance can serve (database reachable, every migration applied, job queue reachable), else 503.
// Anyone gets ready / not_ready; the checks (queue lag, callback outbox lag, Stripe) go to an operator.
import { withOperator } from "@/lib/http/handler";
import { readiness } from "@/lib/health/readiness";

export const dynamic = "force-dynamic";

export const GET = withOperator(
  "GET /api/health/ready",
  async ({ operator }) => {
    const r = await readiness();
    const body: Record<string, unknown> = { status: r.ready ? "ready" : "not_ready" };
    if (operator) {
      Object.assign(body, {
        ...(r.reason ? { reason: r.reason } : {}),
        database: r.database.database,
        ...(r.database.ok ? { pendingMigrations: r.database.pendingMigrations } : {}),
        queue: r.queue,
        callbacks: r.callbacks,
        stripe: r.stripe,
        warnings: r.warnings,
      });
    }
    return Response.json(body, { status: r.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
  },
  { token: "METRICS_TOKEN", optional: true },
);
