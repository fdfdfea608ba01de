// GET /api/v1/customer — the store's customer on the platform account (or null); POST — create it once and return it
import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/http/handler";
import { ensureCustomer, getCustomer } from "@/lib/credits/payment-methods";

export const GET = withApiKey("GET /api/v1/customer", async ({ store }) => ({ customer: await getCustomer(store) }), {
  allowSession: true,
});

export const POST = withApiKey(
  "POST /api/v1/customer",
  async ({ store }) => {
    const { customer, created } = await ensureCustomer(store);
    return NextResponse.json({ customer }, { status: created ? 201 : 200 });
  },
  { allowSession: true },
);
