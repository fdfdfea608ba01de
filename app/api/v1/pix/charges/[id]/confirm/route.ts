// POST /api/v1/pix/charges/:id/confirm — the seller confirms a direct-key payment they saw in their bank
import { withSeller } from "@/lib/http/handler";
import { confirmDirectKeyCharge } from "@/lib/pix/service/charges";

export const POST = withSeller("POST /api/v1/pix/charges/:id/confirm", async ({ store, params, audit }) => ({
  charge: await confirmDirectKeyCharge(store.id, audit, params.id!),
}));
