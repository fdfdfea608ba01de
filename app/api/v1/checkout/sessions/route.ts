// POST /api/v1/checkout/sessions — start a hosted checkout for a price (Idempotency-Key honoured)
import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { idempotencyKeyOf } from "@/lib/http/idempotency";
import { appUrl } from "@/lib/env/app-url";
import { createCheckoutSession, CreateCheckoutSessionInput } from "@/lib/checkout/create-checkout-session";
import { assertWithinSoftLimit } from "@/lib/usage/limits";

export const POST = withApiKey(
  "POST /api/v1/checkout/sessions",
  async ({ req, store, audit }) => {
    await assertWithinSoftLimit(store.id, "orders");
    const input = await parseJsonBody(req, CreateCheckoutSessionInput);
    const { order, url, sessionId } = await createCheckoutSession(store.id, input, {
      appUrl: appUrl(),
      idempotencyKey: idempotencyKeyOf(req),
      audit,
    });
    const summary = {
      id: order.id,
      status: order.status,
      amountTotal: order.amountTotal,
      currency: order.currency,
      applicationFeeAmount: order.applicationFeeAmount,
      orderId: order.externalOrderId,
    };
    return NextResponse.json({ id: sessionId, url, order: summary }, { status: 201 });
  },
  { allowSession: true, limit: "checkout" },
);
