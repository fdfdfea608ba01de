// POST /api/v1/orders/:id/refunds — refund part or all of a paid card order (Idempotency-Key required); GET lists its refunds
import { withApiKey } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { idempotencyKeyOf } from "@/lib/http/idempotency";
import { refundOrder, RefundOrderInput, requireRefundKey } from "@/lib/orders/refunds";
import { listOrderRefunds } from "@/lib/orders/refund-totals";

export const POST = withApiKey(
  "POST /api/v1/orders/:id/refunds",
  async ({ req, store, params, audit }) => {
    // The key is checked before the body, so a client without one learns that first.
    const idempotencyKey = requireRefundKey(idempotencyKeyOf(req));
    const input = await parseJsonBody(req, RefundOrderInput);
    const { refund, replayed, order } = await refundOrder(store.id, params.id!, input, { idempotencyKey, audit });
    return Response.json(
      { refund, order },
      { status: replayed ? 200 : 201, headers: replayed ? { "Idempotent-Replayed": "true" } : undefined },
    );
  },
  { allowSession: true },
);

export const GET = withApiKey(
  "GET /api/v1/orders/:id/refunds",
  async ({ store, params }) => listOrderRefunds(store.id, params.id!),
  { allowSession: true },
);
