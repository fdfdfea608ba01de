// POST /api/v1/pix/charges/:id/refunds — refund (devolução) part or all of a paid charge; optional Idempotency-Key
import { withApiKey } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { idempotencyKeyOf } from "@/lib/http/idempotency";
import { getPixCharge } from "@/lib/pix/service/charges";
import { refundPixCharge } from "@/lib/pix/service/refunds";
import { RefundInput } from "@/lib/pix/service/schemas";

export const POST = withApiKey(
  "POST /api/v1/pix/charges/:id/refunds",
  async ({ req, store, params, audit }) => {
    const input = await parseJsonBody(req, RefundInput);
    const refund = await refundPixCharge(store.id, audit, params.id!, {
      ...input,
      idempotencyKey: idempotencyKeyOf(req),
    });
    return Response.json({ refund, charge: await getPixCharge(store.id, params.id!) }, { status: 201 });
  },
  { allowSession: true },
);
