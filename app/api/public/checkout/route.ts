// POST /api/public/checkout — a buyer starts hosted Checkout for a price (from a buy link)
import { buyerAudit } from "@/lib/request/context";
import { withPublic } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { idempotencyKeyOf } from "@/lib/http/idempotency";
import { appUrl } from "@/lib/env/app-url";
import { createCheckoutSession, CreateCheckoutSessionInput } from "@/lib/checkout/create-checkout-session";
import { getPublicPrice } from "@/lib/checkout/public";
import { buyerLocaleOf } from "@/lib/i18n/buyer-locale";

const PublicCheckoutInput = CreateCheckoutSessionInput.pick({ priceId: true, quantity: true, customerEmail: true });

export const POST = withPublic(
  "POST /api/public/checkout",
  async ({ req, info }) => {
    const input = await parseJsonBody(req, PublicCheckoutInput);
    const price = await getPublicPrice(input.priceId);
    const audit = buyerAudit(info);
    const { url, order } = await createCheckoutSession(price.storeId, input, {
      appUrl: appUrl(),
      idempotencyKey: idempotencyKeyOf(req),
      audit,
      buyerLocale: buyerLocaleOf(req, price.currency),
    });
    return { url, orderId: order.id };
  },
  { limit: "checkout" },
);
