// POST /api/public/payment-intents/coupon — a buyer's store code on their Elements payment (priced by the server; code null removes it)
import { buyerAudit } from "@/lib/request/context";
import { parseJsonBody } from "@/lib/http/body";
import { withPublic } from "@/lib/http/handler";
import { applyCouponToElementsPayment } from "@/lib/checkout/coupons";
import { ElementsCouponInput } from "@/lib/coupons/schemas";

export const POST = withPublic(
  "POST /api/public/payment-intents/coupon",
  async ({ req, info }) => {
    const input = await parseJsonBody(req, ElementsCouponInput);
    const audit = buyerAudit(info);
    return { payment: await applyCouponToElementsPayment(input, audit) };
  },
  { limit: "checkout" },
);
