// GET /api/v1/payments/:id — one card or PIX payment with its timeline (attempts, refunds, disputes, callbacks)
import { withApiKey } from "@/lib/http/handler";
import { getPayment } from "@/lib/payments/detail";
import { paymentDetailView } from "@/lib/payments/views";

export const GET = withApiKey(
  "GET /api/v1/payments/:id",
  async ({ store, params }) => paymentDetailView(await getPayment(store.id, params.id!)),
  { allowSession: true },
);
