// POST /api/v1/coupons/:id/deactivate — deactivate one of the store's coupons and its codes (orders already discounted stay)
import { withApiKey } from "@/lib/http/handler";
import { deactivateCoupon } from "@/lib/coupons/manage";

export const POST = withApiKey(
  "POST /api/v1/coupons/:id/deactivate",
  async ({ params, store, audit }) => ({
    coupon: await deactivateCoupon({ scope: "STORE", storeId: store.id }, params.id!, audit),
  }),
  { allowSession: true },
);
