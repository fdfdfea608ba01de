// POST /api/v1/credits/purchases/:id/cancel — cancels a purchase that has not settled (its PaymentIntent too)
import { withApiKey } from "@/lib/http/handler";
import { cancelPurchase } from "@/lib/credits/purchases";

export const POST = withApiKey(
  "POST /api/v1/credits/purchases/:id/cancel",
  async ({ store, params, audit }) => ({ purchase: await cancelPurchase(store.id, params.id!, audit) }),
  { allowSession: true },
);
