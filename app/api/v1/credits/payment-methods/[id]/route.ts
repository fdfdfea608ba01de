// GET /api/v1/credits/payment-methods/:id — one saved card of the store's platform customer
import { withApiKey } from "@/lib/http/handler";
import { getPaymentMethod } from "@/lib/credits/payment-methods";

export const GET = withApiKey(
  "GET /api/v1/credits/payment-methods/:id",
  async ({ store, params }) => ({ paymentMethod: await getPaymentMethod(store, params.id!) }),
  { allowSession: true },
);
