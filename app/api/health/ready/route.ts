// GET /api/health/ready — readiness: database reachable and every committed migration applied
import { getDatabase } from "@/lib/db/client";
import { pendingMigrations } from "@/lib/db/migrations";

export const dynamic = "force-dynamic";

export async function GET() {
  const db = getDatabase();
  try {
    await db.ready;
    await db.sql.query("SELECT 1");
    const pending = await pendingMigrations(db.sql);
    const ok = pending.length === 0;
    return Response.json({ status: ok ? "ready" : "migrations_pending", database: db.kind, pendingMigrations: pending }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "database_unreachable", database: db.kind }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
