// POST /api/v1/admin/credits/adjust — add or remove a store's credits with a reason (Idempotency-Key required)
import { NextResponse } from "next/server";
import { withAdmin } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { idempotencyKeyOf } from "@/lib/http/idempotency";
import { adjustCredits, AdjustInput, requireIdempotencyKey } from "@/lib/credits/spend";

export const POST = withAdmin("POST /api/v1/admin/credits/adjust", async ({ req, audit }) => {
  const idempotencyKey = requireIdempotencyKey(idempotencyKeyOf(req));
  const input = await parseJsonBody(req, AdjustInput);
  const { replayed, ...body } = await adjustCredits(input, { idempotencyKey, audit });
  return NextResponse.json(body, { status: 201, headers: replayed ? { "idempotent-replayed": "true" } : undefined });
});
