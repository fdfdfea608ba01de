// POST /api/v1/credits/confirm — re-read a purchase's PaymentIntent from Stripe and credit it once if it succeeded
import { withApiKey } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { ConfirmInput, confirmPurchase } from "@/lib/credits/purchases";

export const POST = withApiKey(
  "POST /api/v1/credits/confirm",
  async ({ req, store, audit }) => {
    const { paymentIntentId } = await parseJsonBody(req, ConfirmInput);
    return confirmPurchase(store.id, paymentIntentId, audit);
  },
  { allowSession: true },
);
