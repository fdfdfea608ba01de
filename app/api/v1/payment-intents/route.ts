// POST /api/v1/payment-intents — a PaymentIntent for an embedded (Elements) payment of a one-time price
import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/http/handler";
import { createPaymentIntent, CreatePaymentIntentInput } from "@/lib/checkout/create-payment-intent";
import { parseJsonBody } from "@/lib/http/body";
import { idempotencyKeyOf } from "@/lib/http/idempotency";
import { assertWithinSoftLimit } from "@/lib/usage/limits";

export const POST = withApiKey(
  "POST /api/v1/payment-intents",
  async ({ req, store, audit }) => {
    await assertWithinSoftLimit(store.id, "orders");
    const input = await parseJsonBody(req, CreatePaymentIntentInput);
    return NextResponse.json(
      await createPaymentIntent(store.id, input, { idempotencyKey: idempotencyKeyOf(req), audit }),
      { status: 201 },
    );
  },
  { allowSession: true, limit: "checkout" },
);
