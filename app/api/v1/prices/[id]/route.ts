// PATCH /api/v1/prices/:id — archive ({"active":false}) or restore a price
import { withApiKey } from "@/lib/http/handler";
import { setPriceActive } from "@/lib/catalog/products";
import { parseJsonBody } from "@/lib/http/body";
import { SetPriceActiveInput } from "@/lib/catalog/schemas";

export const PATCH = withApiKey(
  "PATCH /api/v1/prices/:id",
  async ({ req, store, params, audit }) => {
    const { active } = await parseJsonBody(req, SetPriceActiveInput);
    return setPriceActive(store.id, params.id!, active, audit);
  },
  { allowSession: true },
);
