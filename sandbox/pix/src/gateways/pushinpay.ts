import { header, num, sendJson } from "../http";
import { enforceReadRule } from "../rules";
import type { SimCharge } from "../state";
import { route, type GatewaySim } from "./types";

// Official docs: value in centavos (≥ 50); on GET /transactions/{id} the value comes back as a
// string; one status read per transaction per minute (faster may get the account blocked); a
// split may not exceed 50 % of the charge; the webhook carries {id, value, status, end_to_end_id}.

function view(charge: SimCharge, qr: string | null, valueAsString: boolean) {
  return {
    id: charge.id,
    qr_code: charge.brCode,
    status: pushinpaySim.statusWord[charge.state],
    value: valueAsString ? String(charge.amountCentavos) : charge.amountCentavos,
    webhook_url: charge.webhookUrl ?? null,
    ...(qr ? { qr_code_base64: qr } : {}),
    end_to_end_id: charge.state === "pending" ? null : (charge.endToEndId ?? null),
    payer_name: charge.paidAt ? "Comprador Simulado" : null,
    payer_national_registration: charge.paidAt ? "12345678909" : null,
    pix_details: {
      expiration_date: new Date(charge.createdAt.getTime() + charge.expiresInSeconds * 1000).toISOString(),
    },
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
    if (ctx.state.blocked.has("pushinpay")) {
      sendJson(res, 403, { message: "Conta bloqueada por excesso de consultas de status. Fale com o suporte." });
      return true;
    }
    if (route(req, "POST", /^\/pix\/cashIn$/)) {
      const value = num(req.body.value);
      if (!Number.isInteger(value) || value < 50) {
        sendJson(res, 422, {
          message: "O campo value deve ser no mínimo 50.",
          errors: { value: ["O campo value deve ser no mínimo 50."] },
        });
        return true;
      }
      const rules = Array.isArray(req.body.split_rules) ? (req.body.split_rules as Array<Record<string, unknown>>) : [];
      const splitTotal = rules.reduce((s, r) => s + num(r.value), 0);
      if (
        rules.some((r) => !Number.isInteger(num(r.value)) || num(r.value) <= 0 || typeof r.account_id !== "string") ||
        splitTotal * 2 > value
      ) {
        sendJson(res, 422, {
          message: "O valor do split não pode ultrapassar 50% do valor da transação.",
          errors: { split_rules: ["O valor do split não pode ultrapassar 50% do valor da transação."] },
        });
        return true;
      }
      const charge = ctx.state.addCharge({
        gateway: "pushinpay",
        amountCentavos: value,
        webhookUrl: typeof req.body.webhook_url === "string" ? req.body.webhook_url : undefined,
        expiresInSeconds: 86400,
        received: { contentType: req.contentType, body: req.body, query: Object.fromEntries(req.query) },
      });
      sendJson(res, 200, view(charge, await ctx.qrDataUrl(charge.brCode), false));
      return true;
    }
    const m = route(req, "GET", /^\/transactions\/([^/]+)$/);
    if (m) {
      const id = decodeURIComponent(m[1]);
      const charge = ctx.state.find("pushinpay", id);
      if (enforceReadRule(ctx.state, "pushinpay", charge?.id ?? id, !!charge, res)) return true;
      // Documented quirk: unknown ids answer 404 with an empty array.
      if (!charge) sendJson(res, 404, []);
      else sendJson(res, 200, view(charge, null, true));
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
        value: charge.amountCentavos,
        status: pushinpaySim.statusWord[charge.state],
        end_to_end_id: charge.state === "pending" ? null : (charge.endToEndId ?? null),
      },
    };
  },
};
