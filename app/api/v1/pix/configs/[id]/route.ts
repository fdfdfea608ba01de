// PATCH /api/v1/pix/configs/:id — label, credentials (blank secrets kept), base URL, active, priority; DELETE — remove an unused one
import { withSeller } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { deleteGatewayConfig, getGatewayConfig, updateGatewayConfig } from "@/lib/pix/service/configs";
import { UpdateConfigInput } from "@/lib/pix/service/schemas";

export const GET = withSeller("GET /api/v1/pix/configs/:id", async ({ store, params }) => ({
  config: await getGatewayConfig(store.id, params.id!),
}));

export const PATCH = withSeller("PATCH /api/v1/pix/configs/:id", async ({ req, store, params, audit }) => {
  const patch = await parseJsonBody(req, UpdateConfigInput);
  return { config: await updateGatewayConfig(store.id, audit, params.id!, patch) };
});

export const DELETE = withSeller("DELETE /api/v1/pix/configs/:id", async ({ store, params, audit }) =>
  deleteGatewayConfig(store.id, audit, params.id!),
);
