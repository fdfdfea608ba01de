// POST /api/v1/confirm-payment — older credit-module alias of POST /api/v1/credits/confirm
import { withApiKey } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { ConfirmInput, confirmPurchase } from "@/lib/credits/purchases";

export const POST = withApiKey(
  "POST /api/v1/confirm-payment",
  async ({ req, store, audit }) => {
    const { paymentIntentId } = await parseJsonBody(req, ConfirmInput);
    return confirmPurchase(store.id, paymentIntentId, audit);
  },
  { allowSession: true },
);
