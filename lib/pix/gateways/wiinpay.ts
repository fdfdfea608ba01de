import { defineCredentials } from "../credentials";
import { PixGatewayError, isPixGatewayError } from "../errors";
import { asPngDataUrl, firstString, isObj, requireString, toCentavos, unwrap } from "../fields";
import { shareCentavos } from "../split";
import { createHttpClient } from "../http";
import { minorToMajorNumber } from "@/lib/money";
import { mapPixStatus } from "../status";
import type { PixGatewayDefinition } from "../types";
import { readWebhookBody } from "../webhook-body";

// WiinPay (third-party clients only, low confidence): api_key inside the JSON body; amounts in
// reais; minimum R$ 3,00; name and email in the create body; the status read may answer an ARRAY
// of payments; one split recipient, whose share must exceed R$ 0,10 and cannot be the account itself.
// The key does not tell us which account it belongs to, so the seller gives their own user id (the
// id a split names, `split.user_id`) for a split to be checked against it.
const credentials = defineCredentials({
  api_key: { label: "API key", secret: true },
  user_id: {
    label: "Your WiinPay user id",
    optional: true,
    help: "Needed for a split: WiinPay refuses a split to your own account, so Vitrine checks it first.",
  },
});

export const wiinpay: PixGatewayDefinition<{ api_key: string; user_id?: string }> = {
  id: "wiinpay",
  displayName: "WiinPay",
  capabilities: { refund: false, statusQuery: true, signedWebhooks: false, split: true, webhookRegistration: false },
  minimumCentavos: 300,
  amountUnit: "reais",
  defaultBaseUrl: "https://api-v2.wiinpay.com.br",
  statusReadIntervalMs: 10_000,
  customer: { name: true, email: true, phone: false, document: false },
  splitLimits: {
    maxRecipients: 1,
    maxTotalPercentage: 100,
    minShareExclusiveCentavos: 10,
    ownAccountCredential: "user_id",
  },
  credentials,
  create(creds, ctx) {
    const gateway = "wiinpay";
    const http = createHttpClient({
      gateway,
      baseUrl: ctx.baseUrl,
      fetch: ctx.fetch,
      timeoutMs: ctx.timeoutMs,
      log: ctx.log,
      secrets: [creds.api_key],
    });

    // Status reads are seen in one client only: GET /payment/list/{id} with the key as bearer.
    const readPayment = (id: string) =>
      http.request({
        method: "GET",
        path: `/payment/list/${encodeURIComponent(id)}`,
        headers: { authorization: `Bearer ${creds.api_key}` },
      });

    return {
      async createCharge(input) {
        const split = input.split?.[0];
        const c = input.customer ?? {};
        const res = await http.request({
          method: "POST",
          path: "/payment/create",
          json: {
            api_key: creds.api_key,
            value: minorToMajorNumber(input.amountCentavos, "BRL"),
            name: c.name,
            email: c.email,
            description: input.description,
            webhook_url: input.webhookUrl,
            metadata: { reference: input.reference },
            ...(split
              ? {
                  split: {
                    value: minorToMajorNumber(shareCentavos(input.amountCentavos, split.percentage), "BRL"),
                    percentage: split.percentage,
                    user_id: split.recipientId,
                  },
                }
              : {}),
          },
        });
        const body = unwrap(res.body);
        const rawStatus = firstString(body, "status");
        return {
          transactionId: requireString(body, "payment id", gateway, "gateway_rejected", "id", "paymentId"),
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
            transactionId: requireString(data, "id", gateway, "invalid_webhook", "id", "paymentId"),
            reference: firstString(data, "metadata.reference", "reference"),
            status: mapPixStatus(rawStatus, { gateway, log: ctx.log }),
            rawStatus,
            amountCentavos: toCentavos(data.value ?? data.amount, "reais", gateway, "invalid_webhook"),
            raw: data,
          },
        ];
      },
      async getStatus(ref) {
        const res = await readPayment(ref.transactionId);
        // Seen as an object, under `data`, or as an array of payments: take ours (or the only one).
        const inner = isObj(res.body) && Array.isArray(res.body.data) ? res.body.data : res.body;
        const list = Array.isArray(inner) ? inner.filter(isObj) : null;
        if (list && list.length === 0)
          throw new PixGatewayError("not_found", "wiinpay does not know this charge", {
            gateway,
            httpStatus: res.status,
          });
        const data = list
          ? (list.find((p) => firstString(p, "id", "paymentId") === ref.transactionId) ?? list[0]!)
          : unwrap(res.body);
        const rawStatus = firstString(data, "status");
        const value = data.value ?? data.amount;
        return {
          transactionId: ref.transactionId,
          status: mapPixStatus(rawStatus, { gateway, log: ctx.log }),
          rawStatus,
          ...(value !== undefined ? { amountCentavos: toCentavos(value, "reais", gateway, "gateway_rejected") } : {}),
          raw: res.body,
        };
      },
      async verifyCredentials() {
        try {
          await readPayment("vitrine-credential-check");
        } catch (err) {
          if (!isPixGatewayError(err, "not_found")) throw err;
        }
      },
    };
  },
};
