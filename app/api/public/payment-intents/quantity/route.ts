// POST /api/public/payment-intents/quantity — a buyer's quantity on their Elements payment (limit checked, priced by the server)
import { buyerAudit } from "@/lib/request/context";
import { parseJsonBody } from "@/lib/http/body";
import { withPublic } from "@/lib/http/handler";
import { ElementsQuantityInput, setElementsQuantity } from "@/lib/checkout/quantity";

export const POST = withPublic(
  "POST /api/public/payment-intents/quantity",
  async ({ req, info }) => {
    const input = await parseJsonBody(req, ElementsQuantityInput);
    const audit = buyerAudit(info);
    return { payment: await setElementsQuantity(input, audit) };
  },
  { limit: "checkout" },
);
