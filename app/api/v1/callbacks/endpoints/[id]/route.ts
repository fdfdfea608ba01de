// PATCH /api/v1/callbacks/endpoints/:id — change url, event filter or enabled; DELETE — remove it with its log
import { withApiKey } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { deleteEndpoint, updateEndpoint } from "@/lib/callbacks/endpoints";
import { UpdateEndpointInput } from "@/lib/callbacks/schemas";

export const PATCH = withApiKey(
  "PATCH /api/v1/callbacks/endpoints/:id",
  async ({ req, store, params, audit }) => {
    const input = await parseJsonBody(req, UpdateEndpointInput);
    return updateEndpoint(store.id, params.id!, input, audit);
  },
  { allowSession: true },
);

export const DELETE = withApiKey(
  "DELETE /api/v1/callbacks/endpoints/:id",
  async ({ store, params, audit }) => deleteEndpoint(store.id, params.id!, audit),
  { allowSession: true },
);
