// POST /api/v1/create-payment-intent — older credit-module alias of POST /api/v1/credits/purchases
import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { idempotencyKeyOf } from "@/lib/http/idempotency";
import { createPurchase, PurchaseInput } from "@/lib/credits/purchases";

export const POST = withApiKey(
  "POST /api/v1/create-payment-intent",
  async ({ req, store, audit }) => {
    const input = await parseJsonBody(req, PurchaseInput);
    const created = await createPurchase(store, input, { idempotencyKey: idempotencyKeyOf(req), audit });
    return NextResponse.json({ ...created, paymentIntentId: created.purchase.paymentIntentId }, { status: 201 });
  },
  { allowSession: true, limit: "checkout" },
);
