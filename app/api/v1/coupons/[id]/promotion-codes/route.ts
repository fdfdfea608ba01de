// POST /api/v1/coupons/:id/promotion-codes — a code buyers type ("cupom de desconto") for one of the store's coupons
import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/http/body";
import { withApiKey } from "@/lib/http/handler";
import { addPromotionCode } from "@/lib/coupons/manage";
import { PromotionCodeInput } from "@/lib/coupons/schemas";

export const POST = withApiKey(
  "POST /api/v1/coupons/:id/promotion-codes",
  async ({ req, params, store, audit }) => {
    const input = await parseJsonBody(req, PromotionCodeInput);
    const promotionCode = await addPromotionCode({ scope: "STORE", storeId: store.id }, params.id!, input, audit);
    return NextResponse.json({ promotionCode }, { status: 201 });
  },
  { allowSession: true },
);
