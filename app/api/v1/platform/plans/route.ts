// GET /api/v1/platform/plans — every plan with its monthly and yearly price in the store's currency, fee, limits, overage and features
import { withApiKey } from "@/lib/http/handler";
import { listPlanOffers } from "@/lib/billing/offers";

export const GET = withApiKey(
  "GET /api/v1/platform/plans",
  async ({ store }) => ({ data: await listPlanOffers(store.currency) }),
  { allowSession: true },
);
