// POST /api/v1/callbacks/endpoints/:id/rotate — new signing secret (shown once); the old one signs too during the overlap
import { withApiKey } from "@/lib/http/handler";
import { rotateEndpointSecret } from "@/lib/notifications/endpoints";
import { RotateSecretInput } from "@/lib/notifications/schemas";
import { NO_STORE, optionalJsonBody } from "@/lib/notifications/http";

export const POST = withApiKey("POST /api/v1/callbacks/endpoints/:id/rotate", async ({ req, store, params, audit }) => {
  const { overlapHours } = await optionalJsonBody(req, RotateSecretInput);
  const { endpoint, secret } = await rotateEndpointSecret(store.id, params.id!, overlapHours, audit);
  return Response.json({ ...endpoint, secret }, { headers: NO_STORE });
}, { allowSession: true });
