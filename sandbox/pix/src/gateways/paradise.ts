import { header, num, sendJson } from "../http";
import { route, type GatewaySim } from "./types";

export const paradiseSim: GatewaySim = {
  id: "paradise",
  statusWord: { pending: "pending", paid: "paid", expired: "expired", refunded: "refunded" },
  async handle(req, res, ctx) {
    if (header(req, "x-api-key") !== ctx.state.credentials.paradise.api_key) {
      sendJson(res, 401, { status: "error", message: "API key inválida" });
      return true;
    }
    if (route(req, "POST", /^\/transaction\.php$/)) {
      const amount = num(req.body.amount);
      if (!Number.isInteger(amount) || amount <= 0 || req.body.productHash !== ctx.state.credentials.paradise.product_hash) {
        sendJson(res, 400, { status: "error", message: "amount ou productHash inválido" });
        return true;
      }
      const charge = ctx.state.addCharge({
        gateway: "paradise",
        id: String(100000 + ctx.state.list("paradise").length + 1),
        amountCentavos: amount,
        reference: typeof req.body.reference === "string" ? req.body.reference : undefined,
        webhookUrl: typeof req.body.postback_url === "string" ? req.body.postback_url : undefined,
        expiresInSeconds: 1800,
        received: { contentType: req.contentType, body: req.body, query: Object.fromEntries(req.query) },
      });
      charge.hash = `TX${charge.id}${charge.location.slice(-8)}`;
      sendJson(res, 200, {
        status: "success",
        transaction: {
          id: charge.id,
          hash: charge.hash,
          qr_code: charge.brCode,
          qr_code_base64: (await ctx.qrDataUrl(charge.brCode)).replace(/^data:image\/png;base64,/, ""),
          expires_at: new Date(charge.createdAt.getTime() + charge.expiresInSeconds * 1000).toISOString(),
          amount,
        },
      });
      return true;
    }
    if (route(req, "GET", /^\/check_status\.php$/)) {
      const charge = ctx.state.find("paradise", req.query.get("hash") ?? "");
      if (!charge) sendJson(res, 404, { status: "error", message: "Transação não encontrada" });
      else sendJson(res, 200, { payment_status: paradiseSim.statusWord[charge.state], amount: charge.amountCentavos, transaction_id: charge.id });
      return true;
    }
    return false;
  },
  notification(charge) {
    if (!charge.webhookUrl) return null;
    return {
      url: charge.webhookUrl,
      format: "json",
      body: { id: charge.id, hash: charge.hash, payment_status: paradiseSim.statusWord[charge.state], amount: charge.amountCentavos, amount_paid: charge.paidAt ? charge.amountCentavos : 0, reference: charge.reference },
    };
  },
};
