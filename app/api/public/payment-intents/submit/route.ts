// POST /api/public/payment-intents/submit — the buyer pays by card at once (Stripe.js confirms): the draft order becomes an attempt
import { buyerAudit } from "@/lib/request/context";
import { parseJsonBody } from "@/lib/http/body";
import { withPublic } from "@/lib/http/handler";
import { submitCardPayment, SubmitInput } from "@/lib/checkout/elements-payment";

export const POST = withPublic(
  "POST /api/public/payment-intents/submit",
  async ({ req, info }) => {
    const input = await parseJsonBody(req, SubmitInput);
    const audit = buyerAudit(info);
    return submitCardPayment(input, audit);
  },
  { limit: "checkout" },
);
