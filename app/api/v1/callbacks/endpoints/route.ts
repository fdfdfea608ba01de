// GET /api/v1/callbacks/endpoints — the store's callback endpoints; POST — add one (secret shown once)
import { withApiKey } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { createEndpoint, listEndpoints } from "@/lib/callbacks/endpoints";
import { CreateEndpointInput } from "@/lib/callbacks/schemas";
import { NO_STORE } from "@/lib/callbacks/http";

export const GET = withApiKey(
  "GET /api/v1/callbacks/endpoints",
  async ({ store }) => ({ data: await listEndpoints(store.id) }),
  { allowSession: true },
);

export const POST = withApiKey(
  "POST /api/v1/callbacks/endpoints",
  async ({ req, store, audit }) => {
    const input = await parseJsonBody(req, CreateEndpointInput);
    const { endpoint, secret } = await createEndpoint(store, input, audit);
    return Response.json({ ...endpoint, secret }, { status: 201, headers: NO_STORE });
  },
  { allowSession: true },
);
