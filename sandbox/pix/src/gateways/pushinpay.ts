import { header, num, sendJson } from "../http";
import type { SimCharge } from "../state";
import { route, type GatewaySim } from "./types";

function view(charge: SimCharge, qr: string | null) {
  return {
    id: charge.id,
    qr_code: charge.brCode,
    status: pushinpaySim.statusWord[charge.state],
    value: charge.amountCentavos,
    webhook_url: charge.webhookUrl ?? null,
    ...(qr ? { qr_code_base64: qr } : {}),
    end_to_end_id: charge.state === "pending" ? null : (charge.endToEndId ?? null),
    payer_name: charge.paidAt ? "Comprador Simulado" : null,
    payer_national_registration: charge.paidAt ? "12345678909" : null,
  };
}

export const pushinpaySim: GatewaySim = {
  id: "pushinpay",
  statusWord: { pending: "created", paid: "paid", expired: "expired", refunded: "refunded" },
  async handle(req, res, ctx) {
    if (header(req, "authorization") !== `Bearer ${ctx.state.credentials.pushinpay.token}`) {
      sendJson(res, 401, { message: "Unauthenticated." });
      return true;
    }
    if (route(req, "POST", /^\/pix\/cashIn$/)) {
      const value = num(req.body.value);
      if (!Number.isInteger(value) || value < 50) {
        sendJson(res, 422, { message: "O campo value deve ser no mínimo 50.", errors: { value: ["O campo value deve ser no mínimo 50."] } });
        return true;
      }
      const charge = ctx.state.addCharge({
        gateway: "pushinpay",
        amountCentavos: value,
        webhookUrl: typeof req.body.webhook_url === "string" ? req.body.webhook_url : undefined,
        expiresInSeconds: 86400,
        received: { contentType: req.contentType, body: req.body, query: Object.fromEntries(req.query) },
      });
      sendJson(res, 200, view(charge, await ctx.qrDataUrl(charge.brCode)));
      return true;
    }
    const m = route(req, "GET", /^\/transactions\/([^/]+)$/);
    if (m) {
      const charge = ctx.state.find("pushinpay", decodeURIComponent(m[1]));
      // Documented quirk: unknown ids answer 404 with an empty array.
      if (!charge) sendJson(res, 404, []);
      else sendJson(res, 200, view(charge, null));
      return true;
    }
    return false;
  },
  // Sent form-encoded (see docs/pix.md, assumptions).
  notification(charge) {
    if (!charge.webhookUrl) return null;
    return { url: charge.webhookUrl, format: "form", body: view(charge, null) };
  },
};
