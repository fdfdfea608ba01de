// GET /api/v1/coupons/:id — one of the store's coupons with its promotion codes
import { withApiKey } from "@/lib/http/handler";
import { getCoupon } from "@/lib/coupons/manage";

export const GET = withApiKey(
  "GET /api/v1/coupons/:id",
  async ({ params, store }) => ({ coupon: await getCoupon({ scope: "STORE", storeId: store.id }, params.id!) }),
  { allowSession: true },
);
