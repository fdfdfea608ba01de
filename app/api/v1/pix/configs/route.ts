// GET /api/v1/pix/configs — the store's gateway configurations (credentials masked); POST — add one (inactive until activated)
import { withSeller } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { createGatewayConfig, listGatewayConfigs } from "@/lib/pix/service/configs";
import { CreateConfigInput } from "@/lib/pix/service/schemas";

export const GET = withSeller("GET /api/v1/pix/configs", async ({ store }) => ({
  data: await listGatewayConfigs(store.id),
}));

export const POST = withSeller("POST /api/v1/pix/configs", async ({ req, store, audit }) => {
  const input = await parseJsonBody(req, CreateConfigInput);
  return Response.json(
    { config: await createGatewayConfig(store.id, audit, input) },
    { status: 201, headers: { "cache-control": "no-store" } },
  );
});
