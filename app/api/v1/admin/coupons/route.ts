// GET /api/v1/admin/coupons — platform coupons with their codes (keyset: ?cursor=&limit=&status=); POST — create one (mirrored to Stripe)
import { NextResponse } from "next/server";
import { parseJsonBody, parseWith } from "@/lib/http/body";
import { withAdmin } from "@/lib/http/handler";
import { createPlatformCoupon, listCoupons } from "@/lib/coupons/manage";
import { CreatePlatformCouponInput, ListCouponsQuery } from "@/lib/coupons/schemas";

export const GET = withAdmin("GET /api/v1/admin/coupons", async ({ req }) =>
  listCoupons({ scope: "PLATFORM" }, parseWith(ListCouponsQuery, Object.fromEntries(req.nextUrl.searchParams))),
);

export const POST = withAdmin("POST /api/v1/admin/coupons", async ({ req, audit }) => {
  const input = await parseJsonBody(req, CreatePlatformCouponInput);
  return NextResponse.json({ coupon: await createPlatformCoupon(input, audit) }, { status: 201 });
});
