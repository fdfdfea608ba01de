// POST /api/v1/admin/coupons/:id/promotion-codes — a customer-facing code for a platform coupon
import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/http/body";
import { withAdmin } from "@/lib/http/handler";
import { addPromotionCode } from "@/lib/coupons/manage";
import { PromotionCodeInput } from "@/lib/coupons/schemas";

export const POST = withAdmin("POST /api/v1/admin/coupons/:id/promotion-codes", async ({ req, params, audit }) => {
  const input = await parseJsonBody(req, PromotionCodeInput);
  const promotionCode = await addPromotionCode({ scope: "PLATFORM" }, params.id!, input, audit);
  return NextResponse.json({ promotionCode }, { status: 201 });
});
