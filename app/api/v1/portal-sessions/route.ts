// POST /api/v1/portal-sessions — a billing-portal session for the seller's platform subscription
import { withApiKey } from "@/lib/http/handler";
import { appUrl } from "@/lib/env/app-url";
import { createBillingPortalSession } from "@/lib/billing/plans";

export const POST = withApiKey(
  "POST /api/v1/portal-sessions",
  ({ store }) => createBillingPortalSession(store.id, appUrl()),
  { allowSession: true },
);
