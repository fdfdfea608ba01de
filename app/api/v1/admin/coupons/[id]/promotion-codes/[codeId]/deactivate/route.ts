// POST /api/v1/admin/coupons/:id/promotion-codes/:codeId/deactivate — switch one platform code off (here and in Stripe)
import { withAdmin } from "@/lib/http/handler";
import { deactivatePromotionCode } from "@/lib/coupons/manage";

export const POST = withAdmin(
  "POST /api/v1/admin/coupons/:id/promotion-codes/:codeId/deactivate",
  async ({ params, audit }) => ({
    promotionCode: await deactivatePromotionCode({ scope: "PLATFORM" }, params.id!, params.codeId!, audit),
  }),
);
