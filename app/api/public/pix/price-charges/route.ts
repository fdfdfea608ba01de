// POST /api/public/pix/price-charges — a buyer picks PIX on a price's buy link: the server-priced charge (unit × quantity − code) to pay
import { AppError } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/body";
import { withPublic } from "@/lib/http/handler";
import { idempotencyKeyOf } from "@/lib/http/idempotency";
import { buyerLocaleOf } from "@/lib/i18n/buyer-locale";
import { buyerAudit } from "@/lib/request/context";
import { createPixChargeForPrice, PriceChargeInput } from "@/lib/pix/service/charge-from-price";

export const POST = withPublic(
  "POST /api/public/pix/price-charges",
  async ({ req, info }) => {
    const input = await parseJsonBody(req, PriceChargeInput);
    // One charge per page view (and quantity and code): a double click or a reload answers with the same one.
    const viewKey = idempotencyKeyOf(req);
    if (!viewKey) throw new AppError("idempotency_key_required", "Send an Idempotency-Key header.");
    return {
      charge: await createPixChargeForPrice(input, {
        viewKey,
        audit: buyerAudit(info),
        buyerLocale: buyerLocaleOf(req, "BRL"),
      }),
    };
  },
  { limit: "checkout", sameOrigin: true },
);
