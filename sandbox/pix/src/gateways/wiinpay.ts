import { centavosToReais, reaisToCentavos } from "@/lib/pix/money";
import { header, num, sendJson } from "../http";
import { route, type GatewaySim } from "./types";

export const wiinpaySim: GatewaySim = {
  id: "wiinpay",
  statusWord: { pending: "created", paid: "paid", expired: "expired", refunded: "refunded" },
  async handle(req, res, ctx) {
    const key = ctx.state.credentials.wiinpay.api_key;
    if (route(req, "POST", /^\/payment\/create$/)) {
      if (req.body.api_key !== key) {
        sendJson(res, 401, { error: "api_key inválida" });
        return true;
      }
      const value = num(req.body.value);
      if (!Number.isFinite(value) || value < 3) {
        sendJson(res, 422, { error: "O valor mínimo é R$ 3,00" });
        return true;
      }
      const metadata = (req.body.metadata ?? {}) as Record<string, unknown>;
      const charge = ctx.state.addCharge({
        gateway: "wiinpay",
        amountCentavos: reaisToCentavos(value),
        reference: typeof metadata.reference === "string" ? metadata.reference : undefined,
        webhookUrl: typeof req.body.webhook_url === "string" ? req.body.webhook_url : undefined,
        expiresInSeconds: 3600,
        received: { contentType: req.contentType, body: req.body, query: Object.fromEntries(req.query) },
      });
      sendJson(res, 201, { data: { paymentId: charge.id, qr_code: charge.brCode, qr_code_base64: await ctx.qrDataUrl(charge.brCode), status: "created" } });
      return true;
    }
    const m = route(req, "GET", /^\/payment\/list\/([^/]+)$/);
    if (m) {
      if (header(req, "authorization") !== `Bearer ${key}`) sendJson(res, 401, { error: "Unauthorized" });
      else {
        const charge = ctx.state.find("wiinpay", decodeURIComponent(m[1]));
        if (!charge) sendJson(res, 404, { error: "Pagamento não encontrado" });
        else sendJson(res, 200, { data: { id: charge.id, status: wiinpaySim.statusWord[charge.state], value: centavosToReais(charge.amountCentavos) } });
      }
      return true;
    }
    return false;
  },
  notification(charge) {
    if (!charge.webhookUrl) return null;
    return {
      url: charge.webhookUrl,
      format: "json",
      body: {
        id: charge.id,
        status: wiinpaySim.statusWord[charge.state],
        value: centavosToReais(charge.amountCentavos),
        payer_name: charge.paidAt ? "Comprador Simulado" : null,
        payer_document: charge.paidAt ? "12345678909" : null,
        metadata: { reference: charge.reference },
      },
    };
  },
};
