// GET /api/v1/products — list (?q=&status=active|archived|all); POST — create with prices on the connected account
import { withApiKey } from "@/lib/http/handler";
import { createProductOp } from "@/lib/http/v1-handlers";
import { listProducts } from "@/lib/catalog/products";
import { ListProductsQuery } from "@/lib/catalog/schemas";
import { parseWith } from "@/lib/http/body";

export const GET = withApiKey("GET /api/v1/products", async ({ req, store }) => {
  const query = parseWith(ListProductsQuery, Object.fromEntries(req.nextUrl.searchParams));
  return { data: await listProducts(store.id, query) };
}, { allowSession: true });
export const POST = withApiKey("POST /api/v1/products", createProductOp, { allowSession: true });
