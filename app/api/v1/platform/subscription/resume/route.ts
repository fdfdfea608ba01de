// POST /api/v1/platform/subscription/resume — undo a cancellation before the period ends
import { withApiKey } from "@/lib/http/handler";
import { setCancelAtPeriodEnd } from "@/lib/billing/plans";

export const POST = withApiKey(
  "POST /api/v1/platform/subscription/resume",
  async ({ store, audit }) => ({ subscription: await setCancelAtPeriodEnd(store.id, false, audit) }),
  { allowSession: true },
);
