import { header, num, sendJson } from "../http";
import { brasiliaTimestamp, customerProblem, enforceReadRule, refuseCustomer } from "../rules";
import { route, type GatewaySim } from "./types";

// As three independent clients observe it: create answers flat {status, transaction_id (numeric),
// id (our reference echoed), qr_code, qr_code_base64, expires_at "YYYY-MM-DD HH:MM:SS" Brasília};
// the postback is {transaction_id, external_id (our reference), status, amount, customer};
// customer name, email, CPF and phone are required.

const postbackWord = { pending: "pending", paid: "approved", expired: "expired", refunded: "refunded" } as const;

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
      if (
        !Number.isInteger(amount) ||
        amount <= 0 ||
        req.body.productHash !== ctx.state.credentials.paradise.product_hash
      ) {
        sendJson(res, 400, { status: "error", message: "amount ou productHash inválido" });
        return true;
      }
      const problem = customerProblem(req.body.customer as Record<string, unknown> | undefined, {
        name: true,
        email: true,
        document: "cpf",
        phone: true,
      });
      if (problem) return refuseCustomer(res, problem, 400);
      const charge = ctx.state.addCharge({
        gateway: "paradise",
        id: String(100000 + ctx.state.list("paradise").length + 1),
        amountCentavos: amount,
        reference: typeof req.body.reference === "string" ? req.body.reference : undefined,
        webhookUrl: typeof req.body.postback_url === "string" ? req.body.postback_url : undefined,
        expiresInSeconds: 1800,
        received: { contentType: req.contentType, body: req.body, query: Object.fromEntries(req.query) },
      });
      sendJson(res, 200, {
        status: "success",
        transaction_id: Number(charge.id),
        id: charge.reference,
        qr_code: charge.brCode,
        qr_code_base64: (await ctx.qrDataUrl(charge.brCode)).replace(/^data:image\/png;base64,/, ""),
        expires_at: brasiliaTimestamp(new Date(charge.createdAt.getTime() + charge.expiresInSeconds * 1000)),
        amount,
      });
      return true;
    }
    if (route(req, "GET", /^\/check_status\.php$/)) {
      const charge = ctx.state.find("paradise", req.query.get("hash") ?? "");
      if (enforceReadRule(ctx.state, "paradise", charge?.id ?? "", !!charge, res)) return true;
      if (!charge) sendJson(res, 404, { status: "error", message: "Transação não encontrada" });
      else
        sendJson(res, 200, {
          payment_status: paradiseSim.statusWord[charge.state],
          amount: charge.amountCentavos,
          transaction_id: Number(charge.id),
        });
      return true;
    }
    return false;
  },
  notification(charge) {
    if (!charge.webhookUrl) return null;
    const customer = (charge.received.body as { customer?: unknown }).customer;
    return {
      url: charge.webhookUrl,
      format: "json",
      body: {
        transaction_id: Number(charge.id),
        external_id: charge.reference,
        status: postbackWord[charge.state],
        amount: charge.amountCentavos,
        customer,
      },
    };
  },
};
