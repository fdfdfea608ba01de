import { minorToDecimal } from "@/lib/money";
import { reaisToCentavos } from "@/lib/pix/money";
import { header, sendJson, sendProblem } from "../http";
import { enforceReadRule } from "../rules";
import { alnum, type SimCharge } from "../state";
import { route, type GatewaySim } from "./types";

// BCB API Pix v2 over plain HTTP: the client certificate (mTLS) is not checked here; see docs/pix.md.

function pixItems(charge: SimCharge) {
  if (!charge.paidAt || !charge.endToEndId) return undefined;
  return [
    {
      endToEndId: charge.endToEndId,
      txid: charge.id,
      valor: minorToDecimal(charge.amountCentavos, "BRL"),
      horario: charge.paidAt.toISOString(),
      ...(charge.refunds.length
        ? {
            devolucoes: charge.refunds.map((r) => ({
              id: r.id,
              rtrId: r.rtrId,
              valor: minorToDecimal(r.amountCentavos, "BRL"),
              horario: { solicitacao: r.at.toISOString() },
              status: r.status,
              ...(r.natureza ? { natureza: r.natureza } : {}),
            })),
          }
        : {}),
    },
  ];
}

function cobView(charge: SimCharge) {
  const status = { pending: "ATIVA", paid: "CONCLUIDA", refunded: "CONCLUIDA", expired: "REMOVIDA_PELO_PSP" }[
    charge.state
  ];
  return {
    calendario: { criacao: charge.createdAt.toISOString(), expiracao: charge.expiresInSeconds },
    txid: charge.id,
    revisao: 0,
    loc: { id: 1000 + charge.location.length, location: charge.location, tipoCob: "cob" },
    location: charge.location,
    status,
    valor: { original: minorToDecimal(charge.amountCentavos, "BRL") },
    chave: charge.pixKey,
    solicitacaoPagador: charge.description,
    pixCopiaECola: charge.brCode,
    ...(pixItems(charge) ? { pix: pixItems(charge) } : {}),
  };
}

export const bcbSim: GatewaySim = {
  id: "bcb",
  statusWord: { pending: "ATIVA", paid: "CONCLUIDA", expired: "REMOVIDA_PELO_PSP", refunded: "DEVOLVIDO" },
  async handle(req, res, { state, notify }) {
    const creds = state.credentials.bcb;
    if (route(req, "POST", /^\/oauth\/token$/)) {
      const basic = Buffer.from(`${creds.client_id}:${creds.client_secret}`).toString("base64");
      if (header(req, "authorization") !== `Basic ${basic}`) sendJson(res, 401, { error: "invalid_client" });
      else if (req.body.grant_type !== "client_credentials") sendJson(res, 400, { error: "unsupported_grant_type" });
      else
        sendJson(res, 200, {
          access_token: state.issueToken("bcb"),
          token_type: "Bearer",
          expires_in: 3600,
          scope: "cob.write cob.read pix.write pix.read webhook.write webhook.read",
        });
      return true;
    }
    if (!state.bearerValid("bcb", header(req, "authorization"))) {
      sendProblem(
        res,
        403,
        "AcessoNegado",
        "Requisição de participante autenticado que viola alguma regra de autorização.",
      );
      return true;
    }
    let m = route(req, "PUT", /^\/cob\/([^/]+)$/);
    if (m) {
      const txid = decodeURIComponent(m[1]);
      const valor = (req.body.valor ?? {}) as Record<string, unknown>;
      const original = typeof valor.original === "string" ? valor.original : "";
      if (
        !/^[a-zA-Z0-9]{26,35}$/.test(txid) ||
        !/^\d{1,10}\.\d{2}$/.test(original) ||
        original === "0.00" ||
        typeof req.body.chave !== "string"
      ) {
        sendProblem(res, 400, "CobrancaInvalida", "txid, valor.original ou chave inválidos.");
        return true;
      }
      if (state.find("bcb", txid)) {
        sendProblem(res, 400, "CobrancaInvalida", "Já existe uma cobrança com este txid.");
        return true;
      }
      const calendario = (req.body.calendario ?? {}) as Record<string, unknown>;
      const charge = state.addCharge({
        gateway: "bcb",
        id: txid,
        reference: txid,
        amountCentavos: reaisToCentavos(original),
        pixKey: req.body.chave,
        description: typeof req.body.solicitacaoPagador === "string" ? req.body.solicitacaoPagador : undefined,
        expiresInSeconds: typeof calendario.expiracao === "number" ? calendario.expiracao : 86400,
        received: { contentType: req.contentType, body: req.body, query: Object.fromEntries(req.query) },
      });
      sendJson(res, 201, cobView(charge));
      return true;
    }
    m = route(req, "GET", /^\/cob\/([^/]+)$/);
    if (m) {
      const charge = state.find("bcb", decodeURIComponent(m[1]));
      if (enforceReadRule(state, "bcb", charge?.id ?? "", !!charge, res)) return true;
      if (!charge) sendProblem(res, 404, "NaoEncontrado", "Cobrança não encontrada.");
      else sendJson(res, 200, cobView(charge));
      return true;
    }
    m = route(req, "PUT", /^\/webhook\/([^/]+)$/);
    if (m) {
      const url = req.body.webhookUrl;
      if (typeof url !== "string" || !/^https?:\/\//.test(url))
        sendProblem(res, 400, "WebhookInvalido", "webhookUrl inválida.");
      else {
        state.bcbWebhooks.set(decodeURIComponent(m[1]), { url, at: new Date() });
        res.writeHead(200).end();
      }
      return true;
    }
    m = route(req, "PUT", /^\/pix\/([^/]+)\/devolucao\/([^/]+)$/);
    if (m) {
      const charge = state.find("bcb", decodeURIComponent(m[1]));
      const id = decodeURIComponent(m[2]);
      const valor = typeof req.body.valor === "string" ? req.body.valor : "";
      if (!charge || !charge.paidAt) return (sendProblem(res, 404, "NaoEncontrado", "Pix não encontrado."), true);
      if (!/^[a-zA-Z0-9]{1,35}$/.test(id) || !/^\d{1,10}\.\d{2}$/.test(valor) || valor === "0.00")
        return (sendProblem(res, 400, "DevolucaoInvalida", "id ou valor inválido."), true);
      const amount = reaisToCentavos(valor);
      const existing = charge.refunds.find((r) => r.id === id);
      if (existing) {
        if (existing.amountCentavos !== amount)
          return (sendProblem(res, 409, "DevolucaoConflito", "Devolução com este id e outro valor."), true);
      } else {
        if (state.refundedCentavos(charge) + amount > charge.amountCentavos)
          return (sendProblem(res, 400, "DevolucaoInvalida", "O valor das devoluções excede o valor do Pix."), true);
        // Settles at once; the response still says EM_PROCESSAMENTO as a real PSP's would.
        charge.refunds.push({
          id,
          rtrId: `D12345678${alnum(23)}`,
          amountCentavos: amount,
          status: "DEVOLVIDO",
          at: new Date(),
        });
        if (state.refundedCentavos(charge) >= charge.amountCentavos) charge.state = "refunded";
        notify(charge);
      }
      const r = existing ?? charge.refunds[charge.refunds.length - 1];
      sendJson(res, 201, {
        id: r.id,
        rtrId: r.rtrId,
        valor: minorToDecimal(r.amountCentavos, "BRL"),
        horario: { solicitacao: r.at.toISOString() },
        status: existing ? r.status : "EM_PROCESSAMENTO",
      });
      return true;
    }
    return false;
  },
  notification(charge, { state }) {
    // Only Pix received (and devoluções that settle) are notified; expiry never is.
    const hook = charge.pixKey ? state.bcbWebhooks.get(charge.pixKey) : undefined;
    const pix = pixItems(charge);
    if (!hook || !pix) return null;
    return { url: `${hook.url}/pix`, format: "json", body: { pix } };
  },
};
