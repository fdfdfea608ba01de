// POST /api/v1/callbacks/test — queue a test payment.succeeded (data.test: true) to one or every enabled endpoint
import { withApiKey } from "@/lib/http/handler";
import { idempotencyKeyOf } from "@/lib/http/idempotency";
import { sendTestEvent } from "@/lib/callbacks/deliveries";
import { kickDeliveries } from "@/lib/callbacks/enqueue";
import { TestEventInput } from "@/lib/callbacks/schemas";
import { optionalJsonBody } from "@/lib/callbacks/http";

export const POST = withApiKey(
  "POST /api/v1/callbacks/test",
  async ({ req, store, audit }) => {
    const { endpointId } = await optionalJsonBody(req, TestEventInput);
    // The Idempotency-Key becomes the event's source: a double click queues one test event.
    const result = await sendTestEvent(store, audit, { endpointId, sourceKey: idempotencyKeyOf(req) });
    await kickDeliveries();
    return Response.json(result, { status: 202 });
  },
  { allowSession: true },
);
