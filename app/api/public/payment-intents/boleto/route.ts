// POST /api/public/payment-intents/boleto — the buyer asks for a boleto (name, email, CPF/CNPJ, address): the voucher to pay
import { parseJsonBody } from "@/lib/http/body";
import { withPublic } from "@/lib/http/handler";
import { issueBoleto, BoletoInput } from "@/lib/checkout/elements-payment";

export const POST = withPublic(
  "POST /api/public/payment-intents/boleto",
  async ({ req, info }) => {
    const input = await parseJsonBody(req, BoletoInput);
    const audit = {
      actor: { type: "system" as const, id: "buyer" },
      ip: info.ip,
      userAgent: info.userAgent,
      requestId: info.requestId,
    };
    return { voucher: await issueBoleto(input, audit) };
  },
  { limit: "checkout" },
);
