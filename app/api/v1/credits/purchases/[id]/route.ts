// GET /api/v1/credits/purchases/:id — one purchase; while not final it re-reads the PaymentIntent (throttled)
import { withApiKey } from "@/lib/http/handler";
import { pollPurchase, purchaseView } from "@/lib/credits/purchases";

export const GET = withApiKey(
  "GET /api/v1/credits/purchases/:id",
  async ({ store, params, audit }) => ({ purchase: purchaseView(await pollPurchase(store.id, params.id!, audit)) }),
  { allowSession: true },
);
