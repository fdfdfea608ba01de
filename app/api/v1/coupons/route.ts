// GET /api/v1/coupons — the store's coupons with their codes (keyset: ?cursor=&limit=&status=); POST — create one on the connected account
import { NextResponse } from "next/server";
import { parseJsonBody, parseWith } from "@/lib/http/body";
import { withApiKey } from "@/lib/http/handler";
import { createStoreCoupon, listCoupons } from "@/lib/coupons/manage";
import { CreateStoreCouponInput, ListCouponsQuery } from "@/lib/coupons/schemas";

export const GET = withApiKey(
  "GET /api/v1/coupons",
  async ({ req, store }) =>
    listCoupons(
      { scope: "STORE", storeId: store.id },
      parseWith(ListCouponsQuery, Object.fromEntries(req.nextUrl.searchParams)),
    ),
  { allowSession: true },
);

export const POST = withApiKey(
  "POST /api/v1/coupons",
  async ({ req, store, audit }) => {
    const input = await parseJsonBody(req, CreateStoreCouponInput);
    return NextResponse.json({ coupon: await createStoreCoupon(store.id, input, audit) }, { status: 201 });
  },
  { allowSession: true },
);
