import { minorToMajorNumber } from "@/lib/money";
import { reaisToCentavos } from "@/lib/pix/money";
import { header, num, sendJson } from "../http";
import { brasiliaTimestamp, customerProblem, enforceReadRule, refuseCustomer } from "../rules";
import { endToEndId, type SimCharge } from "../state";
import { route, type GatewaySim } from "./types";

// Integrators' observations (medium confidence): client.cpf exactly 11 digits (a CNPJ is refused),
// client.phone 10–11 digits, name and email present; at most 3 split recipients with whole
// percentages; timestamps without a zone (Brasília time).

/** SyncPay reports a MED in progress as `med` (S4); once it ends, the charge's own state again. */
const syncpayWord = (charge: SimCharge) =>
  charge.med?.status === "opened" ? "med" : syncpaySim.statusWord[charge.state];

export const syncpaySim: GatewaySim = {
  id: "syncpay",
  statusWord: { pending: "pending", paid: "completed", expired: "expired", refunded: "refunded" },
  async handle(req, res, { state }) {
    if (route(req, "POST", /^\/api\/partner\/v1\/auth-token$/)) {
      const creds = state.credentials.syncpay;
      if (req.body.client_id !== creds.client_id || req.body.client_secret !== creds.client_secret) {
        sendJson(res, 401, { message: "Credenciais inválidas" });
      } else {
        sendJson(res, 200, {
          access_token: state.issueToken("syncpay"),
          token_type: "Bearer",
          expires_in: 3600,
          expires_at: new Date(Date.now() + 3_600_000).toISOString(),
        });
      }
      return true;
    }
    if (!state.bearerValid("syncpay", header(req, "authorization"))) {
      sendJson(res, 401, { message: "Unauthenticated." });
      return true;
    }
    if (route(req, "POST", /^\/api\/partner\/v1\/cash-in$/)) {
      const amount = num(req.body.amount);
      if (!(amount > 0) || !Number.isFinite(amount)) {
        sendJson(res, 422, { message: "O campo amount é obrigatório e deve ser maior que zero" });
        return true;
      }
      const problem = customerProblem(req.body.client as Record<string, unknown> | undefined, {
        name: true,
        email: true,
        document: "cpf",
        phone: true,
      });
      if (problem) return refuseCustomer(res, problem.replace("customer.", "client."));
      const split = req.body.split;
      if (split !== undefined) {
        const rules = Array.isArray(split) ? (split as Array<Record<string, unknown>>) : [];
        if (
          rules.length === 0 ||
          rules.length > 3 ||
          rules.some(
            (r) =>
              !Number.isInteger(r.percentage) ||
              (r.percentage as number) < 1 ||
              (r.percentage as number) > 100 ||
              typeof r.user_id !== "string",
          )
        ) {
          sendJson(res, 422, {
            message: "split: no máximo 3 recebedores, com percentage inteiro de 1 a 100 e user_id.",
          });
          return true;
        }
      }
      const charge = state.addCharge({
        gateway: "syncpay",
        amountCentavos: reaisToCentavos(amount),
        reference: typeof req.body.external_reference === "string" ? req.body.external_reference : undefined,
        webhookUrl: typeof req.body.webhook_url === "string" ? req.body.webhook_url : undefined,
        description: String(req.body.description ?? ""),
        expiresInSeconds: 3600,
        hash: endToEndId(new Date()),
        received: { contentType: req.contentType, body: req.body, query: Object.fromEntries(req.query) },
      });
      sendJson(res, 200, {
        message: "Cobrança PIX criada com sucesso",
        pix_code: charge.brCode,
        identifier: charge.id,
      });
      return true;
    }
    const m = route(req, "GET", /^\/api\/partner\/v1\/transaction\/([^/]+)$/);
    if (m) {
      const charge = state.find("syncpay", decodeURIComponent(m[1]));
      if (enforceReadRule(state, "syncpay", charge?.id ?? "", !!charge, res)) return true;
      if (!charge) sendJson(res, 404, { message: "Transação não encontrada" });
      else
        sendJson(res, 200, {
          data: {
            identifier: charge.id,
            status: syncpayWord(charge),
            amount: minorToMajorNumber(charge.amountCentavos, "BRL"),
            external_reference: charge.reference,
            created_at: brasiliaTimestamp(charge.createdAt),
          },
        });
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
        data: {
          id: charge.id,
          idtransaction: charge.hash,
          status: syncpayWord(charge),
          amount: minorToMajorNumber(charge.amountCentavos, "BRL"),
          externalreference: charge.reference,
        },
      },
    };
  },
};
