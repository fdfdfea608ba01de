// GET /api/v1/credits/payment-methods — cards saved on the store's platform customer
import { withApiKey } from "@/lib/http/handler";
import { listPaymentMethods } from "@/lib/credits/payment-methods";

export const GET = withApiKey(
  "GET /api/v1/credits/payment-methods",
  async ({ store }) => ({ paymentMethods: await listPaymentMethods(store) }),
  { allowSession: true },
);
