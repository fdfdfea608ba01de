// GET /api/v1/platform/plans — the plans a seller can subscribe to
import { withApiKey } from "@/lib/http/handler";
import { listPlans } from "@/lib/billing/plans";

export const GET = withApiKey("GET /api/v1/platform/plans", async () => ({ data: await listPlans() }), {
  allowSession: true,
});
