// POST /api/v1/credits/spend — spend credits (store API key, Idempotency-Key required; a replay returns the first result)
import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { idempotencyKeyOf } from "@/lib/http/idempotency";
import { requireIdempotencyKey, spendCredits, SpendInput } from "@/lib/credits/spend";

export const POST = withApiKey("POST /api/v1/credits/spend", async ({ req, store, principal }) => {
  const idempotencyKey = requireIdempotencyKey(idempotencyKeyOf(req));
  const input = await parseJsonBody(req, SpendInput);
  const actor =
    principal.kind === "api_key"
      ? { type: "api_key" as const, id: principal.apiKeyId }
      : { type: "seller" as const, id: principal.user.id };
  const { replayed, ...body } = await spendCredits(store.id, input, { idempotencyKey, actor });
  return NextResponse.json(body, { status: 201, headers: replayed ? { "idempotent-replayed": "true" } : undefined });
});
