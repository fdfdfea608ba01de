// GET /api/metrics — Prometheus metrics; needs METRICS_TOKEN as a bearer token or an admin session
import { metrics } from "@/lib/metrics/registry";
import { withOperator } from "@/lib/http/handler";
import { env } from "@/lib/env/server";

export const dynamic = "force-dynamic";

export const GET = withOperator(
  "GET /api/metrics",
  async () =>
    new Response(await metrics.registry.metrics(), {
      headers: { "Content-Type": metrics.registry.contentType, "Cache-Control": "no-store" },
    }),
  {
    token: "METRICS_TOKEN",
    // METRICS_ENABLED=0: not exposed at all (production then needs no METRICS_TOKEN).
    enabled: () => env().METRICS_ENABLED,
    unauthenticated: "Metrics need METRICS_TOKEN or an admin session.",
  },
);
