// GET /api/health/ready — readiness: database reachable and every committed migration applied.
// Anyone gets ready / not_ready; the reason and pending migrations only go to an operator.
import { withOperator } from "@/lib/http/handler";
import { databaseHealth } from "@/lib/health/database";

export const dynamic = "force-dynamic";

export const GET = withOperator(
  "GET /api/health/ready",
  async ({ operator }) => {
    const health = await databaseHealth({ migrations: true });
    const ready = health.ok && health.pendingMigrations.length === 0;
    const body: Record<string, unknown> = { status: ready ? "ready" : "not_ready" };
    if (operator) {
      Object.assign(
        body,
        { database: health.database },
        health.ok
          ? { pendingMigrations: health.pendingMigrations, ...(ready ? {} : { reason: "migrations_pending" }) }
          : { reason: health.reason },
      );
    }
    return Response.json(body, { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
  },
  { token: "METRICS_TOKEN", optional: true },
);
