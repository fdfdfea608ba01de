import { defineCredentials } from "../credentials";
import { PixGatewayError, isPixGatewayError } from "../errors";
import { firstString, requireString, toCentavos, unwrap } from "../fields";
import { createHttpClient, type HttpRequest } from "../http";
import { minorToMajorNumber } from "@/lib/money";
import { mapPixStatus } from "../status";
import { cachedToken, dropToken, tokenCacheKey } from "../token-cache";
import type { PixGatewayDefinition } from "../types";
import { readWebhookBody } from "../webhook-body";

// SyncPay partner API (integrators' observations, medium confidence): client id/secret → bearer
// token (≈1 h); amounts in reais (float); client.cpf exactly 11 digits (no CNPJ), client.phone
// 10–11 digits; at most 3 split recipients; `external_reference` is probably ignored, so
// webhooks are matched on `identifier`.
const credentials = defineCredentials({
  client_id: { label: "Client ID" },
  client_secret: { label: "Client secret", secret: true },
});

type Creds = { client_id: string; client_secret: string };

export const syncpay: PixGatewayDefinition<Creds> = {
  id: "syncpay",
  displayName: "SyncPay",
  capabilities: { refund: false, statusQuery: true, signedWebhooks: false, split: true, webhookRegistration: false },
  minimumCentavos: 1,
  amountUnit: "reais",
  defaultBaseUrl: "https://api.syncpayments.com.br",
  statusReadIntervalMs: 10_000,
  customer: { name: true, email: true, phone: true, document: "cpf" },
  splitLimits: { maxRecipients: 3, maxTotalPercentage: 100 },
  credentials,
  create(creds, ctx) {
    const gateway = "syncpay";
    const http = createHttpClient({
      gateway,
      baseUrl: ctx.baseUrl,
      fetch: ctx.fetch,
      timeoutMs: ctx.timeoutMs,
      log: ctx.log,
      secrets: [creds.client_secret],
    });
    const cacheKey = tokenCacheKey(gateway, ctx.baseUrl, creds.client_id, creds.client_secret);

    const fetchToken = async () => {
      const res = await http.request({
        method: "POST",
        path: "/api/partner/v1/auth-token",
        json: { client_id: creds.client_id, client_secret: creds.client_secret },
      });
      const token = requireString(res.body, "access token", gateway, "gateway_rejected", "access_token");
      const expires = Number(firstString(res.body, "expires_in") ?? 3600);
      return { token, expiresInSeconds: Number.isFinite(expires) ? expires : 3600 };
    };

    // One retry with a fresh token when a cached one is refused (revoked or clock skew).
    const authed = async (req: HttpRequest) => {
      for (let attempt = 0; ; attempt++) {
        const token = await cachedToken(cacheKey, ctx.now, fetchToken, { force: attempt > 0 });
        try {
          return await http.request({ ...req, headers: { ...req.headers, authorization: `Bearer ${token}` } });
        } catch (err) {
          if (attempt > 0 || !isPixGatewayError(err, "invalid_credentials")) throw err;
          dropToken(cacheKey);
        }
      }
    };

    return {
      async createCharge(input) {
        const c = input.customer ?? {};
        const res = await authed({
          method: "POST",
          path: "/api/partner/v1/cash-in",
          json: {
            amount: minorToMajorNumber(input.amountCentavos, "BRL"),
            description: input.description,
            webhook_url: input.webhookUrl,
            external_reference: input.reference,
            client: { name: c.name, cpf: c.document, email: c.email, phone: c.phone },
            ...(input.split?.length
              ? { split: input.split.map((s) => ({ percentage: s.percentage, user_id: s.recipientId })) }
              : {}),
          },
        });
        const body = unwrap(res.body);
        return {
          transactionId: requireString(body, "identifier", gateway, "gateway_rejected", "identifier", "id"),
          reference: input.reference,
          brCode: requireString(body, "pix code", gateway, "gateway_rejected", "pix_code", "paymentCode", "qr_code"),
          status: "pending",
          amountCentavos: input.amountCentavos,
          raw: res.body,
        };
      },
      parseWebhook(input) {
        const data = unwrap(readWebhookBody(input, gateway));
        const rawStatus = firstString(data, "status");
        return [
          {
            transactionId: requireString(data, "id", gateway, "invalid_webhook", "id", "identifier", "idtransaction"),
            hash: firstString(data, "idtransaction"),
            reference: firstString(data, "externalreference", "external_reference"),
            status: mapPixStatus(rawStatus, { gateway, log: ctx.log }),
            rawStatus,
            amountCentavos: toCentavos(data.amount, "reais", gateway, "invalid_webhook"),
            raw: data,
          },
        ];
      },
      async getStatus(ref) {
        const res = await authed({
          method: "GET",
          path: `/api/partner/v1/transaction/${encodeURIComponent(ref.transactionId)}`,
        });
        const data = unwrap(res.body);
        const rawStatus = firstString(data, "status");
        if (!rawStatus)
          throw new PixGatewayError("gateway_rejected", "syncpay status response has no status", { gateway });
        return {
          transactionId: ref.transactionId,
          status: mapPixStatus(rawStatus, { gateway, log: ctx.log }),
          rawStatus,
          ...(data.amount !== undefined
            ? { amountCentavos: toCentavos(data.amount, "reais", gateway, "gateway_rejected") }
            : {}),
          raw: res.body,
        };
      },
      async verifyCredentials() {
        await cachedToken(cacheKey, ctx.now, fetchToken, { force: true });
      },
    };
  },
};
