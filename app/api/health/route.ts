// GET /api/health — liveness: the process answers and its database holds the app's schema
import { databaseHealth } from "@/lib/health/database";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await databaseHealth({ migrations: false });
  return Response.json(
    health.ok ? { status: "ok", uptimeSeconds: Math.round(process.uptime()) } : { status: "unavailable" },
    { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
