// GET /api/v1/payment-methods/:id — older credit-module alias of GET /api/v1/credits/payment-methods/:id
import { withApiKey } from "@/lib/http/handler";
import { getPaymentMethod } from "@/lib/credits/payment-methods";

export const GET = withApiKey(
  "GET /api/v1/payment-methods/:id",
  async ({ store, params }) => ({ paymentMethod: await getPaymentMethod(store, params.id!) }),
  { allowSession: true },
);
