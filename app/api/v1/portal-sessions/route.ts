// POST /api/v1/portal-sessions — a billing-portal session for the seller's platform subscription
import { withApiKey } from "@/lib/http/handler";
import { portalOp } from "@/lib/http/v1-handlers";

export const POST = withApiKey("POST /api/v1/portal-sessions", portalOp, { allowSession: true });
