// GET /api/v1/orders — the store's recent orders (?status=PAID|PENDING|…)
import { withApiKey } from "@/lib/http/handler";
import { listOrders } from "@/lib/checkout/orders";
import { orderView } from "@/lib/checkout/views";
import { parseWith } from "@/lib/http/body";
import { ListOrdersQuery } from "@/lib/orders/schemas";

export const GET = withApiKey(
  "GET /api/v1/orders",
  async ({ req, store }) => {
    const { status } = parseWith(ListOrdersQuery, Object.fromEntries(req.nextUrl.searchParams));
    return { data: (await listOrders(store.id, { status })).map(orderView) };
  },
  { allowSession: true },
);
