import { num, sendJson } from "../http";
import { alnum, type SimCharge } from "../state";
import { route, type GatewaySim } from "./types";

function view(charge: SimCharge, qr?: string) {
  return {
    id: Number(charge.id),
    hash: charge.hash,
    payment_status: atomopaySim.statusWord[charge.state],
    payment_method: "pix",
    amount: charge.amountCentavos,
    reference: charge.reference,
    pix: { pix_qr_code: charge.brCode, pix_url: `http://${charge.location}`, ...(qr ? { pix_base64: qr } : {}) },
    producer: { hash: charge.producerHash },
  };
}

export const atomopaySim: GatewaySim = {
  id: "atomopay",
  statusWord: { pending: "pending", paid: "paid", expired: "refused", refunded: "refunded" },
  async handle(req, res, ctx) {
    const creds = ctx.state.credentials.atomopay;
    if (req.query.get("api_token") !== creds.api_token) {
      sendJson(res, 401, { success: false, message: "Token inválido" });
      return true;
    }
    if (route(req, "POST", /^\/transactions$/)) {
      const amount = num(req.body.amount);
      const cart = Array.isArray(req.body.cart) ? (req.body.cart as Array<Record<string, unknown>>) : [];
      if (!Number.isInteger(amount) || amount < 50 || req.body.payment_method !== "pix" || cart[0]?.product_hash !== creds.product_hash) {
        sendJson(res, 422, { success: false, message: "Dados inválidos: amount (mínimo 50), payment_method ou cart" });
        return true;
      }
      const charge = ctx.state.addCharge({
        gateway: "atomopay",
        id: String(5000 + ctx.state.list("atomopay").length + 1),
        hash: alnum(10).toLowerCase(),
        amountCentavos: amount,
        reference: typeof req.body.reference === "string" ? req.body.reference : undefined,
        webhookUrl: typeof req.body.postback_url === "string" ? req.body.postback_url : undefined,
        producerHash: creds.producer_hash,
        expiresInSeconds: 3600,
        received: { contentType: req.contentType, body: req.body, query: { ...Object.fromEntries(req.query), api_token: "[seen]" } },
      });
      sendJson(res, 201, { success: true, data: view(charge, await ctx.qrDataUrl(charge.brCode)) });
      return true;
    }
    const m = route(req, "GET", /^\/transactions\/([^/]+)$/);
    if (m) {
      const charge = ctx.state.find("atomopay", decodeURIComponent(m[1]));
      if (!charge) sendJson(res, 404, { success: false, message: "Transação não encontrada" });
      else sendJson(res, 200, { success: true, data: view(charge) });
      return true;
    }
    return false;
  },
  notification(charge) {
    if (!charge.webhookUrl) return null;
    return { url: charge.webhookUrl, format: "json", body: view(charge) };
  },
};
