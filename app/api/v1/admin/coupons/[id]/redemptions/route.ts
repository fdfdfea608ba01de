// GET /api/v1/admin/coupons/:id/redemptions — who redeemed a platform coupon, newest first (keyset: ?cursor=&limit=)
import { parseWith } from "@/lib/http/body";
import { withAdmin } from "@/lib/http/handler";
import { listRedemptions } from "@/lib/coupons/manage";
import { ListRedemptionsQuery } from "@/lib/coupons/schemas";

export const GET = withAdmin("GET /api/v1/admin/coupons/:id/redemptions", async ({ req, params }) =>
  listRedemptions(
    { scope: "PLATFORM" },
    params.id!,
    parseWith(ListRedemptionsQuery, Object.fromEntries(req.nextUrl.searchParams)),
  ),
);
