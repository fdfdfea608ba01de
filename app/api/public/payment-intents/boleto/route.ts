// POST /api/public/payment-intents/boleto — the buyer asks for a boleto (name, email, CPF/CNPJ, address): the voucher to pay
import { buyerAudit } from "@/lib/request/context";
import { parseJsonBody } from "@/lib/http/body";
import { withPublic } from "@/lib/http/handler";
import { issueBoleto, BoletoInput } from "@/lib/checkout/elements-payment";

export const POST = withPublic(
  "POST /api/public/payment-intents/boleto",
  async ({ req, info }) => {
    const input = await parseJsonBody(req, BoletoInput);
    const audit = buyerAudit(info);
    return { voucher: await issueBoleto(input, audit) };
  },
  { limit: "checkout" },
);
