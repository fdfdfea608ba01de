// GET /api/v1/callbacks/deliveries/:id — one delivery: the body sent, its headers (signatures described), every attempt, and the payment it is about
import { withApiKey } from "@/lib/http/handler";
import { getDeliveryDetail } from "@/lib/callbacks/delivery-detail";

export const GET = withApiKey(
  "GET /api/v1/callbacks/deliveries/:id",
  async ({ store, params }) => getDeliveryDetail(store.id, params.id!),
  { allowSession: true },
);
