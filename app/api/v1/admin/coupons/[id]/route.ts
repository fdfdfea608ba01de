// GET /api/v1/admin/coupons/:id — one platform coupon with its promotion codes
import { withAdmin } from "@/lib/http/handler";
import { getCoupon } from "@/lib/coupons/manage";

export const GET = withAdmin("GET /api/v1/admin/coupons/:id", async ({ params }) => ({
  coupon: await getCoupon({ scope: "PLATFORM" }, params.id!),
}));
