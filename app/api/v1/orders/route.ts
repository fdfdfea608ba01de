// GET /api/v1/orders — the store's recent orders (?status=PAID|PENDING|…)
import { z } from "zod";
import { withApiKey } from "@/lib/http/handler";
import { listOrders } from "@/lib/checkout/orders";
import { orderView } from "@/lib/checkout/views";
import { parseWith } from "@/lib/http/body";

const Query = z.object({
  status: z
    .enum(["PENDING", "PAID", "FAILED", "EXPIRED", "REFUNDED", "PARTIALLY_REFUNDED", "DISPUTED", "CANCELED"])
    .optional(),
});

export const GET = withApiKey(
  "GET /api/v1/orders",
  async ({ req, store }) => {
    const { status } = parseWith(Query, Object.fromEntries(req.nextUrl.searchParams));
    return { data: (await listOrders(store.id, { status })).map(orderView) };
  },
  { allowSession: true },
);
