// GET /api/admin/config/audit — every setting of the env schema (secrets masked) and live checks of
// Stripe, webhook secrets, database, queue, Redis, SMTP and encryption keys. Admins only.
import { withAdmin } from "@/lib/http/handler";
import { auditConfiguration } from "@/lib/admin/config-audit";

export const dynamic = "force-dynamic";

export const GET = withAdmin("GET /api/admin/config/audit", async () =>
  Response.json(await auditConfiguration(), { headers: { "Cache-Control": "no-store" } }),
);
