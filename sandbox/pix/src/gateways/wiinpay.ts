import { minorToMajorNumber } from "@/lib/money";
import { reaisToCentavos } from "@/lib/pix/money";
import { header, num, sendJson } from "../http";
import { customerProblem, enforceReadRule, refuseCustomer } from "../rules";
import type { SimCharge } from "../state";
import { route, type GatewaySim } from "./types";

// Third-party clients only: value in reais (≥ 3,00); name and email in the create body; the status
// read GET /payment/list/{id} may answer an ARRAY of payments; a split must exceed R$ 0,10 and
// cannot go to the receiving account itself.

/** The simulated account's own user id (a split to it is refused). */
export const WIINPAY_SIM_SELF_USER_ID = "wiin_user_sim_self";

const row = (charge: SimCharge) => ({
  id: charge.id,
  status: wiinpaySim.statusWord[charge.state],
  value: minorToMajorNumber(charge.amountCentavos, "BRL"),
  metadata: { reference: charge.reference },
});

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
      const problem = customerProblem({ name: req.body.name, email: req.body.email }, { name: true, email: true });
      if (problem) return refuseCustomer(res, problem.replace("customer.", ""));
      const split = req.body.split as Record<string, unknown> | undefined;
      if (split !== undefined) {
        if (!(num(split.value) > 0.1)) {
          sendJson(res, 422, { error: "O valor do split deve ser maior que R$ 0,10" });
          return true;
        }
        if (split.user_id === WIINPAY_SIM_SELF_USER_ID || typeof split.user_id !== "string") {
          sendJson(res, 422, { error: "Não é possível fazer split para a própria conta" });
          return true;
        }
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
      sendJson(res, 201, {
        data: {
          paymentId: charge.id,
          qr_code: charge.brCode,
          qr_code_base64: await ctx.qrDataUrl(charge.brCode),
          status: "created",
        },
      });
      return true;
    }
    const m = route(req, "GET", /^\/payment\/list\/([^/]+)$/);
    if (m) {
      if (header(req, "authorization") !== `Bearer ${key}`) sendJson(res, 401, { error: "Unauthorized" });
      else {
        const charge = ctx.state.find("wiinpay", decodeURIComponent(m[1]));
        if (enforceReadRule(ctx.state, "wiinpay", charge?.id ?? "", !!charge, res)) return true;
        if (!charge) sendJson(res, 404, { error: "Pagamento não encontrado" });
        else sendJson(res, 200, [row(charge)]);
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
        ...row(charge),
        payer_name: charge.paidAt ? "Comprador Simulado" : null,
        payer_document: charge.paidAt ? "12345678909" : null,
      },
    };
  },
};
