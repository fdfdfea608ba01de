// GET /api/v1/payment-intents/:id — the order status behind a PaymentIntent of this store (re-read from Stripe)
import { withApiKey } from "@/lib/http/handler";
import { getOrderByPaymentIntent, refreshOrderFromStripe } from "@/lib/checkout/orders";
import { orderView } from "@/lib/checkout/views";

export const GET = withApiKey(
  "GET /api/v1/payment-intents/:id",
  async ({ store, params, audit }) => {
    const order = await getOrderByPaymentIntent(store.id, params.id!);
    return orderView(await refreshOrderFromStripe(order.id, audit));
  },
  { allowSession: true },
);
