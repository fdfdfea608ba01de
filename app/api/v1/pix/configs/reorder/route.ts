// POST /api/v1/pix/configs/reorder — { ids } in the order the gateways should be tried
import { withSeller } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { reorderGatewayConfigs } from "@/lib/pix/service/configs";
import { ReorderConfigsInput } from "@/lib/pix/service/schemas";

export const POST = withSeller("POST /api/v1/pix/configs/reorder", async ({ req, store, audit }) => {
  const { ids } = await parseJsonBody(req, ReorderConfigsInput);
  return { data: await reorderGatewayConfigs(store.id, audit, ids) };
});
