import { defineCredentials } from "../credentials";
import { isPixGatewayError } from "../errors";
import { asPngDataUrl, firstString, requireString, toCentavos, unwrap } from "../fields";
import { createHttpClient } from "../http";
import { mapPixStatus } from "../status";
import type { PixGatewayDefinition } from "../types";
import { readWebhookBody } from "../webhook-body";

// Átomo Pay: api_token in the QUERY STRING of every call (so URLs are only logged redacted, see
// lib/pix/http.ts); amounts in centavos; minimum R$ 0,50; one account serves many producers.
// Integrators' observations (low-medium confidence): create answers under `{success, data}` or flat,
// the code at `pix.pix_qr_code` or a root `pix_code`, the producer at `producer.hash` or
// `offer.producer.hash`; postbacks flat (`transaction_hash`) or wrapped in `transaction`/`payload`.
// The hash is the id every read uses, so it is our transaction id. Customer data is required.
const credentials = defineCredentials({
  api_token: { label: "API token", secret: true },
  offer_hash: { label: "Offer hash" },
  product_hash: { label: "Product hash" },
});

type Creds = { api_token: string; offer_hash: string; product_hash: string };

const PRODUCER_PATHS = ["producer.hash", "offer.producer.hash", "producer_hash"];

export const atomopay: PixGatewayDefinition<Creds> = {
  id: "atomopay",
  displayName: "Átomo Pay",
  capabilities: { refund: false, statusQuery: true, signedWebhooks: false, split: false, webhookRegistration: false },
  minimumCentavos: 50,
  amountUnit: "centavos",
  defaultBaseUrl: "https://api.atomopay.com.br/api/public/v1",
  statusReadIntervalMs: 10_000,
  // 1,000 requests a minute per account (a documented limit one integrator cites). Reads get 100 per
  // 10 s — at most 600 in any minute — so creates and verifications always have room left.
  accountReadBudget: { reads: 100, windowMs: 10_000 },
  customer: { name: true, email: true, phone: true, document: "cpf_or_cnpj" },
  splitLimits: null,
  credentials,
  create(creds, ctx) {
    const gateway = "atomopay";
    const http = createHttpClient({
      gateway,
      baseUrl: ctx.baseUrl,
      fetch: ctx.fetch,
      timeoutMs: ctx.timeoutMs,
      log: ctx.log,
      secrets: [creds.api_token],
    });
    const query = { api_token: creds.api_token };

    const readTransaction = (hash: string) =>
      http.request({ method: "GET", path: `/transactions/${encodeURIComponent(hash)}`, query });

    return {
      async createCharge(input) {
        const c = input.customer ?? {};
        const res = await http.request({
          method: "POST",
          path: "/transactions",
          query,
          json: {
            amount: input.amountCentavos,
            payment_method: "pix",
            offer_hash: creds.offer_hash,
            cart: [
              {
                product_hash: creds.product_hash,
                offer_hash: creds.offer_hash,
                title: input.description,
                price: input.amountCentavos,
                quantity: 1,
                operation_type: 1,
                tangible: false,
              },
            ],
            customer: { name: c.name, email: c.email, phone_number: c.phone, document: c.document },
            postback_url: input.webhookUrl,
            reference: input.reference,
            installments: 1,
          },
        });
        const body = unwrap(res.body, "data", "transaction");
        const rawStatus = firstString(body, "payment_status", "status");
        return {
          transactionId: requireString(
            body,
            "transaction hash",
            gateway,
            "gateway_rejected",
            "hash",
            "transaction_hash",
            "id",
          ),
          hash: firstString(body, "hash", "transaction_hash"),
          reference: input.reference,
          brCode: requireString(
            body,
            "pix code",
            gateway,
            "gateway_rejected",
            "pix.pix_qr_code",
            "pix_qr_code",
            "pix_code",
            "pix.pix_code",
            "pix.qr_code",
          ),
          qrImage: asPngDataUrl(firstString(body, "pix.pix_base64", "pix_base64")),
          status: rawStatus ? mapPixStatus(rawStatus, { gateway, log: ctx.log }) : "pending",
          producerHash: firstString(body, ...PRODUCER_PATHS),
          amountCentavos: input.amountCentavos,
          raw: res.body,
        };
      },
      parseWebhook(input) {
        const data = unwrap(readWebhookBody(input, gateway), "transaction", "payload", "data");
        const rawStatus = firstString(data, "payment_status", "status");
        const hash = firstString(data, "transaction_hash", "hash");
        return [
          {
            transactionId: requireString(
              data,
              "transaction hash",
              gateway,
              "invalid_webhook",
              "transaction_hash",
              "hash",
              "id",
            ),
            hash,
            reference: firstString(data, "reference", "external_reference"),
            status: mapPixStatus(rawStatus, { gateway, log: ctx.log }),
            rawStatus,
            amountCentavos: toCentavos(data.amount, "centavos", gateway, "invalid_webhook"),
            producerHash: firstString(data, ...PRODUCER_PATHS),
            raw: data,
          },
        ];
      },
      async getStatus(ref) {
        // Reads go by hash; the numeric id is a fallback for charges stored before we kept the hash.
        const res = await readTransaction(ref.hash ?? ref.transactionId);
        const data = unwrap(res.body, "data", "transaction");
        const rawStatus = firstString(data, "payment_status", "status");
        return {
          transactionId: ref.transactionId,
          status: mapPixStatus(rawStatus, { gateway, log: ctx.log }),
          rawStatus,
          ...(data.amount !== undefined
            ? { amountCentavos: toCentavos(data.amount, "centavos", gateway, "gateway_rejected") }
            : {}),
          raw: res.body,
        };
      },
      async verifyCredentials() {
        try {
          await readTransaction("vitrine-credential-check");
        } catch (err) {
          if (!isPixGatewayError(err, "not_found")) throw err;
        }
      },
    };
  },
};
