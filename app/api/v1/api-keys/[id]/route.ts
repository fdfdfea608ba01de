// DELETE /api/v1/api-keys/:id — revoke an API key of the current store
import { withSeller } from "@/lib/http/handler";
import { revokeApiKey } from "@/lib/auth/api-keys";

export const DELETE = withSeller("DELETE /api/v1/api-keys/:id", async ({ store, params, audit }) =>
  revokeApiKey(store.id, params.id!, audit),
);
