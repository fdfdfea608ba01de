// GET /api/v1/callbacks/deliveries — the store's delivery log, newest first (?status=&endpointId=&limit=&cursor=), with nextCursor
import { withApiKey } from "@/lib/http/handler";
import { parseWith } from "@/lib/http/body";
import { pageDeliveries } from "@/lib/callbacks/deliveries";
import { ListDeliveriesQuery } from "@/lib/callbacks/schemas";

export const GET = withApiKey(
  "GET /api/v1/callbacks/deliveries",
  async ({ req, store }) => {
    const query = parseWith(ListDeliveriesQuery, Object.fromEntries(req.nextUrl.searchParams));
    return pageDeliveries(store.id, query);
  },
  { allowSession: true },
);
