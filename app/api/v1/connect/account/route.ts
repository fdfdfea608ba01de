// POST /api/v1/connect/account — create the store's Stripe Express account; GET — its status
import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { createConnectedAccount, CreateAccountInput, requireAccountStatus } from "@/lib/connect/accounts";

export const POST = withApiKey(
  "POST /api/v1/connect/account",
  async ({ req, store, audit }) => {
    const input = await parseJsonBody(req, CreateAccountInput);
    return NextResponse.json(await createConnectedAccount(store, input, audit), { status: 201 });
  },
  { allowSession: true },
);
export const GET = withApiKey("GET /api/v1/connect/account", ({ store }) => requireAccountStatus(store.id), {
  allowSession: true,
});
