// GET /api/v1/coupons/:id/redemptions — the orders that used one of the store's coupons, newest first (keyset: ?cursor=&limit=)
import { parseWith } from "@/lib/http/body";
import { withApiKey } from "@/lib/http/handler";
import { listRedemptions } from "@/lib/coupons/manage";
import { ListRedemptionsQuery } from "@/lib/coupons/schemas";

export const GET = withApiKey(
  "GET /api/v1/coupons/:id/redemptions",
  async ({ req, params, store }) =>
    listRedemptions(
      { scope: "STORE", storeId: store.id },
      params.id!,
      parseWith(ListRedemptionsQuery, Object.fromEntries(req.nextUrl.searchParams)),
    ),
  { allowSession: true },
);
