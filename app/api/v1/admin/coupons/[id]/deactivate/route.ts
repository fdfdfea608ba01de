// POST /api/v1/admin/coupons/:id/deactivate — deactivate a platform coupon and its codes (discounts already granted stay)
import { withAdmin } from "@/lib/http/handler";
import { deactivateCoupon } from "@/lib/coupons/manage";

export const POST = withAdmin("POST /api/v1/admin/coupons/:id/deactivate", async ({ params, audit }) => ({
  coupon: await deactivateCoupon({ scope: "PLATFORM" }, params.id!, audit),
}));
