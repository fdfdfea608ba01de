import { num, sendJson } from "../http";
import { customerProblem, enforceReadRule, refuseCustomer } from "../rules";
import { alnum, type SimCharge } from "../state";
import { route, type GatewaySim } from "./types";

// Integrators' observations, variants included: create answers either `{success, data:{…, pix:{pix_qr_code}}}`
// or flat with a root `pix_code` and the producer at `offer.producer.hash`; postbacks come flat with
// `transaction_hash`, or wrapped in `transaction` or `payload`. Customer data is required. The
// simulator rotates through the variants charge by charge, so every suite run meets all of them.

const seq = (charge: SimCharge) => Number(charge.id) - 5000;

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

function createAnswer(charge: SimCharge, qr: string) {
  if (seq(charge) % 2 === 1) return { success: true, data: view(charge, qr) };
  return {
    id: Number(charge.id),
    hash: charge.hash,
    payment_status: atomopaySim.statusWord[charge.state],
    amount: charge.amountCentavos,
    pix_code: charge.brCode,
    offer: { hash: "offer_sim", producer: { hash: charge.producerHash } },
  };
}

function postback(charge: SimCharge) {
  const flat = {
    transaction_hash: charge.hash,
    status: atomopaySim.statusWord[charge.state],
    amount: charge.amountCentavos,
    reference: charge.reference,
    offer: { producer: { hash: charge.producerHash } },
  };
  switch (seq(charge) % 3) {
    case 0:
      return { event: "transaction.updated", transaction: view(charge) };
    case 1:
      return { payload: flat };
    default:
      return flat;
  }
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
      if (
        !Number.isInteger(amount) ||
        amount < 50 ||
        req.body.payment_method !== "pix" ||
        cart[0]?.product_hash !== creds.product_hash
      ) {
        sendJson(res, 422, { success: false, message: "Dados inválidos: amount (mínimo 50), payment_method ou cart" });
        return true;
      }
      const problem = customerProblem(req.body.customer as Record<string, unknown> | undefined, {
        name: true,
        email: true,
        document: "cpf_or_cnpj",
        phone: true,
        phoneKey: "phone_number",
      });
      if (problem) return refuseCustomer(res, problem);
      const charge = ctx.state.addCharge({
        gateway: "atomopay",
        id: String(5000 + ctx.state.list("atomopay").length + 1),
        hash: alnum(10).toLowerCase(),
        amountCentavos: amount,
        reference: typeof req.body.reference === "string" ? req.body.reference : undefined,
        webhookUrl: typeof req.body.postback_url === "string" ? req.body.postback_url : undefined,
        producerHash: creds.producer_hash,
        expiresInSeconds: 3600,
        received: {
          contentType: req.contentType,
          body: req.body,
          query: { ...Object.fromEntries(req.query), api_token: "[seen]" },
        },
      });
      sendJson(res, 201, createAnswer(charge, await ctx.qrDataUrl(charge.brCode)));
      return true;
    }
    const m = route(req, "GET", /^\/transactions\/([^/]+)$/);
    if (m) {
      const charge = ctx.state.find("atomopay", decodeURIComponent(m[1]));
      if (enforceReadRule(ctx.state, "atomopay", charge?.id ?? "", !!charge, res)) return true;
      if (!charge) sendJson(res, 404, { success: false, message: "Transação não encontrada" });
      else sendJson(res, 200, { success: true, data: view(charge) });
      return true;
    }
    return false;
  },
  notification(charge) {
    if (!charge.webhookUrl) return null;
    return { url: charge.webhookUrl, format: "json", body: postback(charge) };
  },
};
