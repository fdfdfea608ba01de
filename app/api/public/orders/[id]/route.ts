// GET /api/public/orders/:id — a buyer's receipt status (converges with Stripe while pending)
import { withPublic } from "@/lib/http/handler";
import { getPublicOrder } from "@/lib/checkout/public";

export const GET = withPublic(
  "GET /api/public/orders/:id",
  ({ params, info }) =>
    getPublicOrder(params.id!, {
      actor: { type: "system", id: "buyer" },
      ip: info.ip,
      userAgent: info.userAgent,
      requestId: info.requestId,
    }),
  { limit: false },
);
