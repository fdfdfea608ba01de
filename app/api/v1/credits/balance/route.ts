// GET /api/v1/credits/balance — the store's credit balance and credits held by open disputes
import { withApiKey } from "@/lib/http/handler";
import { getBalance } from "@/lib/credits/views";

export const GET = withApiKey("GET /api/v1/credits/balance", async ({ store }) => getBalance(store.id), {
  allowSession: true,
});
