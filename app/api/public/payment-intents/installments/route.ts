// POST /api/public/payment-intents/installments — the installment plans the buyer's card may use here (Stripe's plans within the store's caps)
import { parseJsonBody } from "@/lib/http/body";
import { withPublic } from "@/lib/http/handler";
import { InstallmentPlansInput, installmentPlansFor } from "@/lib/checkout/elements-payment";

export const POST = withPublic(
  "POST /api/public/payment-intents/installments",
  async ({ req }) => installmentPlansFor(await parseJsonBody(req, InstallmentPlansInput)),
  { limit: "checkout" },
);
