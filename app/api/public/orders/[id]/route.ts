// GET /api/public/orders/:id — a buyer's receipt status (converges with Stripe while pending)
import { buyerAudit } from "@/lib/request/context";
import { withPublic } from "@/lib/http/handler";
import { getPublicOrder } from "@/lib/checkout/public";

export const GET = withPublic(
  "GET /api/public/orders/:id",
  ({ params, info }) => getPublicOrder(params.id!, buyerAudit(info)),
  { limit: false },
);
