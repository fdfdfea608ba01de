// GET /api/v1/balance — the store's Stripe balance (available, pending, next payout) and PIX received per gateway
import { balanceForApi } from "@/lib/balance";
import { withApiKey } from "@/lib/http/handler";

export const GET = withApiKey("GET /api/v1/balance", async ({ store }) => balanceForApi(store.id), {
  allowSession: true,
});
