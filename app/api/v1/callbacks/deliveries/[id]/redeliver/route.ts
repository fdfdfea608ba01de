// POST /api/v1/callbacks/deliveries/:id/redeliver — send a delivery again now, under the same event id
import { withApiKey } from "@/lib/http/handler";
import { redeliver } from "@/lib/callbacks/deliveries";
import { kickDeliveries } from "@/lib/callbacks/enqueue";

export const POST = withApiKey(
  "POST /api/v1/callbacks/deliveries/:id/redeliver",
  async ({ store, params, audit }) => {
    const delivery = await redeliver(store.id, params.id!, audit);
    await kickDeliveries();
    return Response.json(delivery, { status: 202 });
  },
  { allowSession: true },
);
