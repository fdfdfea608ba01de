import { z } from "zod";
import { defineCredentials } from "../credentials";
import { PixGatewayError, isPixGatewayError } from "../errors";
import { firstString, get, isObj, requireString, toCentavos, toDate, unwrap } from "../fields";
import { createHttpClient, type HttpRequest } from "../http";
import { minorToDecimal } from "@/lib/money";
import { isBcbTxid } from "../reference";
import { mapPixStatus, type PixStatus } from "../status";
import { cachedToken, dropToken, tokenCacheKey } from "../token-cache";
import type { PixGatewayDefinition, PixRefundResult } from "../types";
import { NO_CUSTOMER_DATA, isCnpj, isCpf } from "../customer";
import { createMtlsFetch } from "./bcb-transport";
import { openMedNatureza, parseBcbWebhook, refundedCentavos } from "./bcb-webhook";

// BCB API Pix v2 at the seller's own PSP: OAuth2 client credentials over mTLS.
const pem = (kind: string) =>
  z.string().regex(new RegExp(`-----BEGIN [A-Z ]*${kind}-----`), `must be a PEM ${kind.toLowerCase()}`);

const credentials = defineCredentials({
  client_id: { label: "Client ID" },
  client_secret: { label: "Client secret", secret: true },
  certificate: { label: "Client certificate (PEM)", multiline: true, schema: pem("CERTIFICATE") },
  private_key: { label: "Certificate private key (PEM)", secret: true, multiline: true, schema: pem("PRIVATE KEY") },
  ca_certificate: { label: "PSP CA certificate (PEM)", multiline: true, optional: true, schema: pem("CERTIFICATE") },
  pix_key: { label: "Pix key (chave)" },
  token_url: {
    label: "OAuth token URL",
    optional: true,
    help: "Defaults to {base URL}/oauth/token",
    schema: z.string().url(),
  },
});

type Creds = z.infer<typeof credentials.schema>;

const DEFAULT_EXPIRY_SECONDS = 3600;

function refundStatus(raw: string | undefined): PixRefundResult["status"] {
  const s = (raw ?? "").toUpperCase();
  return s === "DEVOLVIDO" ? "refunded" : s === "NAO_REALIZADO" ? "failed" : "pending";
}

function devedor(customer: { name?: string; document?: string } | undefined) {
  const doc = customer?.document?.replace(/\D/g, "") ?? "";
  // The spec allows `nome` only together with a CPF or CNPJ.
  if (!customer?.name || !(isCpf(doc) || isCnpj(doc))) return undefined;
  return doc.length === 11
    ? { cpf: doc, nome: customer.name.slice(0, 200) }
    : { cnpj: doc, nome: customer.name.slice(0, 200) };
}

export const bcb: PixGatewayDefinition<Creds> = {
  id: "bcb",
  displayName: "Pix direto (API Pix do BCB)",
  capabilities: { refund: true, statusQuery: true, signedWebhooks: false, split: false, webhookRegistration: true },
  minimumCentavos: 1,
  amountUnit: "reais",
  defaultBaseUrl: "https://pix.example.com/api/v2",
  // No documented read limit (BCB API Pix spec; PSPs serve it at scale): a short courtesy interval,
  // so a devolução's follow-up read is not held up.
  statusReadIntervalMs: 2_000,
  // `devedor` is optional in the spec: sent when the buyer gave a name and a valid CPF/CNPJ.
  customer: NO_CUSTOMER_DATA,
  splitLimits: null,
  credentials,
  create(creds, ctx) {
    const gateway = "bcb";
    // An injected fetch (tests) replaces the mTLS transport; in production the certificate is always presented.
    const fetch = ctx.customFetch
      ? ctx.fetch
      : createMtlsFetch(
          { cert: creds.certificate, key: creds.private_key, ca: creds.ca_certificate },
          ctx.addressGuard,
        );
    const secrets = [creds.client_secret, creds.private_key];
    const api = createHttpClient({
      gateway,
      baseUrl: ctx.baseUrl,
      fetch,
      timeoutMs: ctx.timeoutMs,
      log: ctx.log,
      secrets,
    });
    const tokenUrl = new URL(creds.token_url ?? `${ctx.baseUrl}/oauth/token`);
    const oauth = createHttpClient({
      gateway,
      baseUrl: tokenUrl.origin,
      fetch,
      timeoutMs: ctx.timeoutMs,
      log: ctx.log,
      secrets,
    });
    const cacheKey = tokenCacheKey(gateway, tokenUrl.toString(), creds.client_id, creds.client_secret);

    const fetchToken = async () => {
      const basic = Buffer.from(`${creds.client_id}:${creds.client_secret}`).toString("base64");
      const res = await oauth.request({
        method: "POST",
        path: tokenUrl.pathname,
        headers: { authorization: `Basic ${basic}` },
        form: { grant_type: "client_credentials" },
      });
      const token = requireString(res.body, "access_token", gateway, "gateway_rejected", "access_token");
      return { token, expiresInSeconds: Number(firstString(res.body, "expires_in") ?? 3600) || 3600 };
    };

    const authed = async (req: HttpRequest) => {
      for (let attempt = 0; ; attempt++) {
        const token = await cachedToken(cacheKey, ctx.now, fetchToken, { force: attempt > 0 });
        try {
          return await api.request({ ...req, headers: { ...req.headers, authorization: `Bearer ${token}` } });
        } catch (err) {
          if (attempt > 0 || !isPixGatewayError(err, "invalid_credentials")) throw err;
          dropToken(cacheKey);
        }
      }
    };

    const getStatus = async (ref: { transactionId: string }) => {
      const res = await authed({ method: "GET", path: `/cob/${encodeURIComponent(ref.transactionId)}` });
      const cob = unwrap(res.body);
      const rawStatus = requireString(cob, "status", gateway, "gateway_rejected", "status");
      const pix = Array.isArray(cob.pix) ? cob.pix.filter(isObj) : [];
      const paid = pix.reduce((sum, p) => sum + toCentavos(p.valor, "reais", gateway, "gateway_rejected"), 0);
      const refunded = pix.reduce((sum, p) => sum + refundedCentavos(p.devolucoes), 0);
      let status: PixStatus = mapPixStatus(rawStatus, { gateway, log: ctx.log });
      // No expiry callback exists: an ATIVA charge past criacao + expiracao is expired.
      const created = toDate(get(cob, "calendario.criacao"));
      const expiresIn = Number(get(cob, "calendario.expiracao") ?? DEFAULT_EXPIRY_SECONDS);
      if (status === "pending" && created && created.getTime() + expiresIn * 1000 < ctx.now().getTime())
        status = "failed";
      if (status === "paid" && refunded > 0 && refunded >= paid) status = "refunded";
      const med = status === "paid" ? pix.map((p) => openMedNatureza(p.devolucoes)).find(Boolean) : undefined;
      if (med) status = "disputed";
      return {
        transactionId: ref.transactionId,
        status,
        rawStatus: med ?? rawStatus,
        amountCentavos: paid > 0 ? paid : toCentavos(get(cob, "valor.original"), "reais", gateway, "gateway_rejected"),
        endToEndId: firstString(pix[0], "endToEndId"),
        ...(refunded > 0 ? { refundedCentavos: refunded } : {}),
        raw: res.body,
      };
    };

    return {
      async createCharge(input) {
        if (!isBcbTxid(input.reference))
          throw new PixGatewayError("gateway_rejected", "reference is not a valid txid ([a-zA-Z0-9]{26,35})", {
            gateway,
          });
        const debtor = devedor(input.customer);
        const res = await authed({
          method: "PUT",
          path: `/cob/${input.reference}`,
          json: {
            calendario: { expiracao: input.expiresInSeconds ?? DEFAULT_EXPIRY_SECONDS },
            ...(debtor ? { devedor: debtor } : {}),
            valor: { original: minorToDecimal(input.amountCentavos, "BRL") },
            chave: creds.pix_key,
            solicitacaoPagador: input.description.slice(0, 140),
          },
        });
        const cob = unwrap(res.body);
        const created = toDate(get(cob, "calendario.criacao")) ?? ctx.now();
        const expiresIn = Number(get(cob, "calendario.expiracao") ?? input.expiresInSeconds ?? DEFAULT_EXPIRY_SECONDS);
        return {
          transactionId: firstString(cob, "txid") ?? input.reference,
          reference: input.reference,
          brCode: requireString(cob, "pixCopiaECola", gateway, "gateway_rejected", "pixCopiaECola"),
          expiresAt: new Date(created.getTime() + expiresIn * 1000),
          status: mapPixStatus(firstString(cob, "status") ?? "ATIVA", { gateway, log: ctx.log }),
          amountCentavos: input.amountCentavos,
          raw: res.body,
        };
      },
      parseWebhook: parseBcbWebhook,
      getStatus,
      async refund(input) {
        const e2eid = input.endToEndId ?? (await getStatus(input)).endToEndId;
        if (!e2eid)
          throw new PixGatewayError("gateway_rejected", "this charge has no received Pix to refund", { gateway });
        const refundId = input.refundId as string;
        const res = await authed({
          method: "PUT",
          path: `/pix/${encodeURIComponent(e2eid)}/devolucao/${encodeURIComponent(refundId)}`,
          json: {
            valor: minorToDecimal(input.amountCentavos, "BRL"),
            ...(input.reason ? { descricao: input.reason.slice(0, 140) } : {}),
          },
        });
        const body = unwrap(res.body);
        return {
          refundId: firstString(body, "id") ?? refundId,
          status: refundStatus(firstString(body, "status")),
          amountCentavos:
            body.valor !== undefined
              ? toCentavos(body.valor, "reais", gateway, "gateway_rejected")
              : input.amountCentavos,
          raw: res.body,
        };
      },
      async registerWebhook(webhookUrl) {
        await authed({ method: "PUT", path: `/webhook/${encodeURIComponent(creds.pix_key)}`, json: { webhookUrl } });
      },
      async verifyCredentials() {
        await cachedToken(cacheKey, ctx.now, fetchToken, { force: true });
      },
    };
  },
};
