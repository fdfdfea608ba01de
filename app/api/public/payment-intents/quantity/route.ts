// POST /api/public/payment-intents/quantity — a buyer's quantity on their Elements payment (limit checked, priced by the server)
import { parseJsonBody } from "@/lib/http/body";
import { withPublic } from "@/lib/http/handler";
import { ElementsQuantityInput, setElementsQuantity } from "@/lib/checkout/quantity";

export const POST = withPublic(
  "POST /api/public/payment-intents/quantity",
  async ({ req, info }) => {
    const input = await parseJsonBody(req, ElementsQuantityInput);
    const audit = {
      actor: { type: "system" as const, id: "buyer" },
      ip: info.ip,
      userAgent: info.userAgent,
      requestId: info.requestId,
    };
    return { payment: await setElementsQuantity(input, audit) };
  },
  { limit: "checkout" },
);
