// GET /api/health/ready — readiness: database reachable and every committed migration applied.
// Anyone gets ready / not_ready; the reason and pending migrations only go to an operator.
import { isOperator } from "@/lib/auth/operator";
import { getDatabase } from "@/lib/db/client";
import { databaseHealth } from "@/lib/db/health";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const health = await databaseHealth(getDatabase(), { migrations: true });
  const ready = health.ok && health.pendingMigrations.length === 0;
  const body: Record<string, unknown> = { status: ready ? "ready" : "not_ready" };
  if (await isOperator(req).catch(() => false)) {
    Object.assign(
      body,
      { database: health.database },
      health.ok
        ? { pendingMigrations: health.pendingMigrations, ...(ready ? {} : { reason: "migrations_pending" }) }
        : { reason: health.reason },
    );
  }
  return Response.json(body, { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
