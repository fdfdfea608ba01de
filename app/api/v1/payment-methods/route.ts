// GET /api/v1/payment-methods — older credit-module alias of GET /api/v1/credits/payment-methods
import { withApiKey } from "@/lib/http/handler";
import { listPaymentMethods } from "@/lib/credits/payment-methods";

export const GET = withApiKey(
  "GET /api/v1/payment-methods",
  async ({ store }) => ({ paymentMethods: await listPaymentMethods(store) }),
  { allowSession: true },
);
