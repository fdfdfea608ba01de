// POST /api/public/payment-intents/confirm — the buyer's card, confirmed by the server with the installment plan they chose (checked against the card's plans and the store's caps)
import { buyerAudit } from "@/lib/request/context";
import { parseJsonBody } from "@/lib/http/body";
import { withPublic } from "@/lib/http/handler";
import { confirmCardPayment, ConfirmCardInput } from "@/lib/checkout/elements-payment";

export const POST = withPublic(
  "POST /api/public/payment-intents/confirm",
  async ({ req, info }) => {
    const input = await parseJsonBody(req, ConfirmCardInput);
    const audit = buyerAudit(info);
    return confirmCardPayment(input, audit);
  },
  { limit: "checkout" },
);
