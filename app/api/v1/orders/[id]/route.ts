// GET /api/v1/orders/:id — one order, converged with Stripe when still pending
import { withApiKey } from "@/lib/http/handler";
import { getOrder, refreshOrderFromStripe } from "@/lib/checkout/orders";
import { orderView } from "@/lib/checkout/views";

export const GET = withApiKey(
  "GET /api/v1/orders/:id",
  async ({ store, params, audit }) => {
    const order = await getOrder(store.id, params.id!);
    return orderView(await refreshOrderFromStripe(order.id, audit));
  },
  { allowSession: true },
);
