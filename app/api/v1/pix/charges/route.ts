// POST /api/v1/pix/charges — create a PIX charge (QR code + copia e cola), failing over across active gateways; GET — recent charges
import { withApiKey } from "@/lib/http/handler";
import { parseJsonBody, parseWith } from "@/lib/http/body";
import { idempotencyKeyOf } from "@/lib/http/idempotency";
import { createPixCharge, listPixCharges } from "@/lib/pix/service/charges";
import { CreateChargeInput, ListChargesQuery } from "@/lib/pix/service/schemas";
import { assertWithinSoftLimit } from "@/lib/usage/limits";

export const POST = withApiKey(
  "POST /api/v1/pix/charges",
  async ({ req, store, audit }) => {
    await assertWithinSoftLimit(store.id, "pix_charges");
    const input = await parseJsonBody(req, CreateChargeInput);
    const charge = await createPixCharge(store.id, audit, { ...input, idempotencyKey: idempotencyKeyOf(req) });
    return Response.json({ charge }, { status: 201 });
  },
  { allowSession: true, limit: "checkout" },
);

export const GET = withApiKey(
  "GET /api/v1/pix/charges",
  async ({ req, store }) => {
    const query = parseWith(ListChargesQuery, Object.fromEntries(req.nextUrl.searchParams));
    return listPixCharges(store.id, query);
  },
  { allowSession: true },
);
