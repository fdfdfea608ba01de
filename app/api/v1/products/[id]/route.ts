// GET /api/v1/products/:id — one product with prices; PATCH — edit name/description/image or archive (active:false)
import { withApiKey } from "@/lib/http/handler";
import { getProduct, updateProduct } from "@/lib/catalog/products";
import { UpdateProductInput } from "@/lib/catalog/schemas";
import { parseJsonBody } from "@/lib/http/body";

export const GET = withApiKey("GET /api/v1/products/:id", ({ store, params }) => getProduct(store.id, params.id!), {
  allowSession: true,
});
export const PATCH = withApiKey(
  "PATCH /api/v1/products/:id",
  async ({ req, store, params, audit }) =>
    updateProduct(store.id, params.id!, await parseJsonBody(req, UpdateProductInput), audit),
  { allowSession: true },
);
