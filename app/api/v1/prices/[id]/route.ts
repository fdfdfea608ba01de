// PATCH /api/v1/prices/:id — archive ({"active":false}) or restore a price
import { z } from "zod";
import { withApiKey } from "@/lib/http/handler";
import { setPriceActive } from "@/lib/catalog/products";
import { parseJsonBody } from "@/lib/http/body";

export const PATCH = withApiKey(
  "PATCH /api/v1/prices/:id",
  async ({ req, store, params, audit }) => {
    const { active } = await parseJsonBody(req, z.strictObject({ active: z.boolean() }));
    return setPriceActive(store.id, params.id!, active, audit);
  },
  { allowSession: true },
);
