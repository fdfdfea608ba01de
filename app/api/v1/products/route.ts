// GET /api/v1/products — list (?q=&status=active|archived|all); POST — create with prices on the connected account
import { withApiKey } from "@/lib/http/handler";
import { NextResponse } from "next/server";
import { createProduct, listProducts } from "@/lib/catalog/products";
import { CreateProductInput, ListProductsQuery } from "@/lib/catalog/schemas";
import { parseJsonBody, parseWith } from "@/lib/http/body";
import { idempotencyKeyOf } from "@/lib/http/idempotency";

export const GET = withApiKey(
  "GET /api/v1/products",
  async ({ req, store }) => {
    const query = parseWith(ListProductsQuery, Object.fromEntries(req.nextUrl.searchParams));
    return { data: await listProducts(store.id, query) };
  },
  { allowSession: true },
);
export const POST = withApiKey(
  "POST /api/v1/products",
  async ({ req, store, audit }) => {
    const input = await parseJsonBody(req, CreateProductInput);
    return NextResponse.json(await createProduct(store.id, input, audit, idempotencyKeyOf(req)), { status: 201 });
  },
  { allowSession: true },
);
