// POST /api/v1/pix/configs/:id/verify — a live call to the gateway with the stored credentials; the result is kept on the config
import { withSeller } from "@/lib/http/handler";
import { getGatewayConfig, verifyGatewayConfig } from "@/lib/pix/service/configs";

export const POST = withSeller("POST /api/v1/pix/configs/:id/verify", async ({ store, params, audit }) => {
  const result = await verifyGatewayConfig(store.id, audit, params.id!);
  return { ...result, config: await getGatewayConfig(store.id, params.id!) };
});
