// GET /api/v1/api-keys — list the current store's API keys; POST — create one (secret shown once)
import { withSeller } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { createApiKey, CreateApiKeyInput, listApiKeys } from "@/lib/auth/api-keys";

export const GET = withSeller("GET /api/v1/api-keys", async ({ store }) => ({ data: await listApiKeys(store.id) }));

export const POST = withSeller("POST /api/v1/api-keys", async ({ req, store, user, audit }) => {
  const input = await parseJsonBody(req, CreateApiKeyInput);
  const { apiKey, secret } = await createApiKey(store.id, user.id, input, audit);
  return Response.json({ ...apiKey, secret }, { status: 201, headers: { "Cache-Control": "no-store" } });
});
