import { defineCredentials } from "../credentials";
import { PixGatewayError, isPixGatewayError } from "../errors";
import { asPngDataUrl, firstString, requireString, toCentavos, unwrap } from "../fields";
import { NO_CUSTOMER_DATA } from "../customer";
import { createHttpClient } from "../http";
import { shareCentavos } from "../split";
import { mapPixStatus } from "../status";
import type { PixGatewayDefinition } from "../types";
import { readWebhookBody } from "../webhook-body";

// PushinPay (official docs): bearer token; amounts in centavos; minimum R$ 0,50; ONE status read
// per transaction per minute (faster may get the account blocked), so webhooks are the primary
// signal; a split may not exceed 50 % of the charge; `value` comes back as a string on reads.
const credentials = defineCredentials({
  token: { label: "API token", secret: true },
});

export const pushinpay: PixGatewayDefinition<{ token: string }> = {
  id: "pushinpay",
  displayName: "PushinPay",
  capabilities: { refund: false, statusQuery: true, signedWebhooks: false, split: true, webhookRegistration: false },
  minimumCentavos: 50,
  amountUnit: "centavos",
  defaultBaseUrl: "https://api.pushinpay.com.br/api",
  statusReadIntervalMs: 60_000,
  customer: NO_CUSTOMER_DATA,
  // The 50 % ceiling is documented; the recipient count is not (10 is our own cap).
  splitLimits: { maxRecipients: 10, maxTotalPercentage: 50 },
  credentials,
  create(creds, ctx) {
    const gateway = "pushinpay";
    const http = createHttpClient({
      gateway,
      baseUrl: ctx.baseUrl,
      fetch: ctx.fetch,
      timeoutMs: ctx.timeoutMs,
      log: ctx.log,
      secrets: [creds.token],
    });
    const auth = { authorization: `Bearer ${creds.token}` };

    const readTransaction = async (id: string) => {
      const res = await http.request({ method: "GET", path: `/transactions/${encodeURIComponent(id)}`, headers: auth });
      // Documented quirk: an unknown id can come back as an empty array.
      if (Array.isArray(res.body) && res.body.length === 0)
        throw new PixGatewayError("not_found", "pushinpay does not know this charge", {
          gateway,
          httpStatus: res.status,
        });
      return res;
    };

    return {
      async createCharge(input) {
        const res = await http.request({
          method: "POST",
          path: "/pix/cashIn",
          headers: auth,
          json: {
            value: input.amountCentavos,
            webhook_url: input.webhookUrl,
            ...(input.split?.length
              ? {
                  split_rules: input.split.map((s) => ({
                    value: shareCentavos(input.amountCentavos, s.percentage),
                    account_id: s.recipientId,
                  })),
                }
              : {}),
          },
        });
        const body = unwrap(res.body);
        const rawStatus = firstString(body, "status");
        return {
          transactionId: requireString(body, "id", gateway, "gateway_rejected", "id"),
          reference: input.reference,
          brCode: requireString(body, "qr_code", gateway, "gateway_rejected", "qr_code"),
          qrImage: asPngDataUrl(firstString(body, "qr_code_base64")),
          status: rawStatus ? mapPixStatus(rawStatus, { gateway, log: ctx.log }) : "pending",
          amountCentavos: input.amountCentavos,
          raw: res.body,
        };
      },
      parseWebhook(input) {
        const data = unwrap(readWebhookBody(input, gateway));
        const rawStatus = firstString(data, "status");
        return [
          {
            transactionId: requireString(data, "id", gateway, "invalid_webhook", "id"),
            hash: firstString(data, "end_to_end_id"),
            status: mapPixStatus(rawStatus, { gateway, log: ctx.log }),
            rawStatus,
            amountCentavos: toCentavos(data.value, "centavos", gateway, "invalid_webhook"),
            raw: data,
          },
        ];
      },
      async getStatus(ref) {
        const res = await readTransaction(ref.transactionId);
        const data = unwrap(res.body);
        const rawStatus = firstString(data, "status");
        return {
          transactionId: ref.transactionId,
          status: mapPixStatus(rawStatus, { gateway, log: ctx.log }),
          rawStatus,
          ...(data.value !== undefined
            ? { amountCentavos: toCentavos(data.value, "centavos", gateway, "gateway_rejected") }
            : {}),
          endToEndId: firstString(data, "end_to_end_id"),
          raw: res.body,
        };
      },
      async verifyCredentials() {
        // No documented "who am I" call: reading an unknown charge answers 401 for a bad token, 404 for a good one.
        try {
          await readTransaction("00000000-0000-0000-0000-000000000000");
        } catch (err) {
          if (!isPixGatewayError(err, "not_found")) throw err;
        }
      },
    };
  },
};
