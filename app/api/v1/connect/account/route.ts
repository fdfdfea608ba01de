// POST /api/v1/connect/account — create the store's Stripe Express account; GET — its status
import { withApiKey } from "@/lib/http/handler";
import { accountStatusOp, createAccountOp } from "@/lib/http/v1-handlers";

export const POST = withApiKey("POST /api/v1/connect/account", createAccountOp, { allowSession: true });
export const GET = withApiKey("GET /api/v1/connect/account", (c) => accountStatusOp(c), { allowSession: true });
