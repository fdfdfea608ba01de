// POST /api/v1/callbacks/endpoints/:id/rotate — new signing secret (shown once); the old one signs too during the overlap
import { withApiKey } from "@/lib/http/handler";
import { rotateEndpointSecret } from "@/lib/callbacks/endpoints";
import { RotateSecretInput } from "@/lib/callbacks/schemas";
import { NO_STORE, optionalJsonBody } from "@/lib/callbacks/http";

export const POST = withApiKey(
  "POST /api/v1/callbacks/endpoints/:id/rotate",
  async ({ req, store, params, audit }) => {
    const { overlapHours } = await optionalJsonBody(req, RotateSecretInput);
    const { endpoint, secret } = await rotateEndpointSecret(store.id, params.id!, overlapHours, audit);
    return Response.json({ ...endpoint, secret }, { headers: NO_STORE });
  },
  { allowSession: true },
);
