// POST /api/v1/usage — record usage your systems report (Idempotency-Key); GET — the records, newest first (keyset-paginated)
import { NextResponse } from "next/server";
import { parseJsonBody, parseWith } from "@/lib/http/body";
import { withApiKey } from "@/lib/http/handler";
import { idempotencyKeyOf } from "@/lib/http/idempotency";
import {
  ListUsageQuery,
  listUsageRecords,
  ReportUsageInput,
  reportUsage,
  resolveIdempotencyKey,
} from "@/lib/usage/records";

export const POST = withApiKey("POST /api/v1/usage", async ({ req, store }) => {
  const header = idempotencyKeyOf(req);
  const input = await parseJsonBody(req, ReportUsageInput);
  const key = resolveIdempotencyKey(header, input.idempotency_key);
  const { record, replayed } = await reportUsage(store.id, input, key);
  return NextResponse.json(record, {
    status: replayed ? 200 : 201,
    headers: replayed ? { "idempotent-replayed": "true" } : undefined,
  });
});

export const GET = withApiKey(
  "GET /api/v1/usage",
  async ({ req, store }) =>
    listUsageRecords(store.id, parseWith(ListUsageQuery, Object.fromEntries(req.nextUrl.searchParams))),
  { allowSession: true },
);
