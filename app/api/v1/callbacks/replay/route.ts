// POST /api/v1/callbacks/replay — send again every delivery of the store created since a time ({ since, endpointId? })
import { withApiKey } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { replaySince } from "@/lib/callbacks/deliveries";
import { kickDeliveries } from "@/lib/callbacks/enqueue";
import { ReplayInput } from "@/lib/callbacks/schemas";

export const POST = withApiKey(
  "POST /api/v1/callbacks/replay",
  async ({ req, store, audit }) => {
    const { since, endpointId } = await parseJsonBody(req, ReplayInput);
    const result = await replaySince(store.id, since, audit, { endpointId });
    await kickDeliveries();
    return Response.json(result, { status: 202 });
  },
  { allowSession: true },
);
