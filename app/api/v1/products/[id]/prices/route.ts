// POST /api/v1/products/:id/prices — add a one-time or recurring price
import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/http/handler";
import { addPrice } from "@/lib/catalog/products";
import { PriceInput } from "@/lib/catalog/schemas";
import { parseJsonBody } from "@/lib/http/body";
import { idempotencyKeyOf } from "@/lib/http/idempotency";

export const POST = withApiKey(
  "POST /api/v1/products/:id/prices",
  async ({ req, store, params, audit }) =>
    NextResponse.json(
      await addPrice(store.id, params.id!, await parseJsonBody(req, PriceInput), audit, idempotencyKeyOf(req)),
      { status: 201 },
    ),
  { allowSession: true },
);
