// POST /api/public/orders/:id/portal — customer portal for the buyer's subscription on the seller's account
import { withPublic } from "@/lib/http/handler";
import { appUrl } from "@/lib/env/app-url";
import { createBuyerPortalSession } from "@/lib/checkout/portal";

export const POST = withPublic(
  "POST /api/public/orders/:id/portal",
  ({ params }) => createBuyerPortalSession(params.id!, appUrl()),
  { limit: "checkout" },
);
