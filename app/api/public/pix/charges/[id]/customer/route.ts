// POST /api/public/pix/charges/:id/customer — the buyer gives the data the store's PIX gateway needs (CPF, phone…); the charge is then created at the gateway
import { notFound } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/body";
import { withPublic } from "@/lib/http/handler";
import { buyerLocaleOf } from "@/lib/i18n/buyer-locale";
import { getPublicPixCharge } from "@/lib/pix/service/charges";
import { submitPixCustomer } from "@/lib/pix/service/collect-customer";
import { buyerAudit } from "@/lib/request/context";
import { BuyerCustomerInput, PixChargeId } from "@/lib/pix/service/schemas";

export const POST = withPublic(
  "POST /api/public/pix/charges/:id/customer",
  async ({ req, params, info }) => {
    const parsed = PixChargeId.safeParse(params.id);
    if (!parsed.success) throw notFound("PIX charge");
    const id = parsed.data;
    const input = await parseJsonBody(req, BuyerCustomerInput);
    await submitPixCustomer(id, input, buyerAudit(info), new Date(), buyerLocaleOf(req, "BRL"));
    return Response.json({ charge: await getPublicPixCharge(id) }, { headers: { "cache-control": "no-store" } });
  },
  // Starting a payment: the buyers' card-testing brake, per client address. The data is typed on
  // our own payment page, so a browser posting it from another site is refused.
  { limit: "checkout", sameOrigin: true },
);
