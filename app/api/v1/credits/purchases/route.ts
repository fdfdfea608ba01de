// POST /api/v1/credits/purchases — start a credit purchase (package or custom amount) on the platform account
import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { idempotencyKeyOf } from "@/lib/http/idempotency";
import { createPurchase, PurchaseInput } from "@/lib/credits/purchases";

export const POST = withApiKey(
  "POST /api/v1/credits/purchases",
  async ({ req, store, audit }) => {
    const input = await parseJsonBody(req, PurchaseInput);
    return NextResponse.json(await createPurchase(store, input, { idempotencyKey: idempotencyKeyOf(req), audit }), {
      status: 201,
    });
  },
  { allowSession: true, limit: "checkout" },
);
