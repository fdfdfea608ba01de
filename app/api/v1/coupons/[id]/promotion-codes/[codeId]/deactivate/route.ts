// POST /api/v1/coupons/:id/promotion-codes/:codeId/deactivate — switch one of the store's codes off (here and in Stripe)
import { withApiKey } from "@/lib/http/handler";
import { deactivatePromotionCode } from "@/lib/coupons/manage";

export const POST = withApiKey(
  "POST /api/v1/coupons/:id/promotion-codes/:codeId/deactivate",
  async ({ params, store, audit }) => ({
    promotionCode: await deactivatePromotionCode(
      { scope: "STORE", storeId: store.id },
      params.id!,
      params.codeId!,
      audit,
    ),
  }),
  { allowSession: true },
);
