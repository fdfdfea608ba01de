// POST /api/v1/platform/subscription/cancel — cancel the plan at the end of the period
import { withApiKey } from "@/lib/http/handler";
import { setCancelAtPeriodEnd } from "@/lib/billing/plans";

export const POST = withApiKey(
  "POST /api/v1/platform/subscription/cancel",
  async ({ store, audit }) => ({ subscription: await setCancelAtPeriodEnd(store.id, true, audit) }),
  { allowSession: true },
);
