// POST /api/public/payment-intents/confirm — the buyer's card, confirmed by the server with the installment plan they chose (checked against the card's plans and the store's caps)
import { parseJsonBody } from "@/lib/http/body";
import { withPublic } from "@/lib/http/handler";
import { confirmCardPayment, ConfirmCardInput } from "@/lib/checkout/elements-payment";

export const POST = withPublic(
  "POST /api/public/payment-intents/confirm",
  async ({ req, info }) => {
    const input = await parseJsonBody(req, ConfirmCardInput);
    const audit = {
      actor: { type: "system" as const, id: "buyer" },
      ip: info.ip,
      userAgent: info.userAgent,
      requestId: info.requestId,
    };
    return confirmCardPayment(input, audit);
  },
  { limit: "checkout" },
);
