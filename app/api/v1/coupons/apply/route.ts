// POST /api/v1/coupons/apply — a platform promotion code on the store's running plan subscription
import { parseJsonBody } from "@/lib/http/body";
import { withApiKey } from "@/lib/http/handler";
import { applyCouponToSubscription } from "@/lib/coupons/apply-to-subscription";
import { ApplyCouponInput } from "@/lib/coupons/schemas";

export const POST = withApiKey(
  "POST /api/v1/coupons/apply",
  async ({ req, store, audit }) => {
    const { code } = await parseJsonBody(req, ApplyCouponInput);
    return { applied: await applyCouponToSubscription(store.id, code, audit) };
  },
  { allowSession: true },
);
