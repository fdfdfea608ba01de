// GET /api/v1/payment-status/:paymentIntentId — a credit purchase by its PaymentIntent (re-read from Stripe while not final)
import { withApiKey } from "@/lib/http/handler";
import { getOwnPurchaseByIntent, pollPurchase, purchaseView } from "@/lib/credits/purchases";

export const GET = withApiKey(
  "GET /api/v1/payment-status/:paymentIntentId",
  async ({ store, params, audit }) => {
    const found = await getOwnPurchaseByIntent(store.id, params.paymentIntentId!);
    const purchase = purchaseView(await pollPurchase(store.id, found.id, audit));
    return {
      paymentIntentId: purchase.paymentIntentId,
      status: purchase.status,
      credited: purchase.creditedAt !== null,
      purchase,
    };
  },
  { allowSession: true },
);
