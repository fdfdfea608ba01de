import { defineCredentials } from "../credentials";
import { PixGatewayError, isPixGatewayError } from "../errors";
import { asPngDataUrl, firstString, requireString, toCentavos, toDate, unwrap } from "../fields";
import { createHttpClient } from "../http";
import { mapPixStatus } from "../status";
import type { PixGatewayDefinition } from "../types";
import { readWebhookBody } from "../webhook-body";

// Paradise Pags (integrators' observations, no official docs found): X-API-Key (sk_…) + the seller's
// product hash; amounts in centavos. Create answers `transaction_id` (numeric, the gateway's id) and
// echoes our reference as `id`; the postback carries `transaction_id` and `external_id` (our
// reference); `expires_at` has no zone (Brasília time). Customer name, email, CPF and phone required.
const credentials = defineCredentials({
  api_key: { label: "API key (sk_…)", secret: true },
  product_hash: { label: "Product hash" },
  offer_hash: { label: "Offer hash", optional: true },
});

type Creds = { api_key: string; product_hash: string; offer_hash?: string };

export const paradise: PixGatewayDefinition<Creds> = {
  id: "paradise",
  displayName: "Paradise Pags",
  capabilities: { refund: false, statusQuery: true, signedWebhooks: false, split: false, webhookRegistration: false },
  minimumCentavos: 1,
  amountUnit: "centavos",
  defaultBaseUrl: "https://multi.paradisepags.com/api/v1",
  statusReadIntervalMs: 10_000,
  customer: { name: true, email: true, phone: true, document: "cpf" },
  splitLimits: null,
  credentials,
  create(creds, ctx) {
    const gateway = "paradise";
    const http = createHttpClient({
      gateway,
      baseUrl: ctx.baseUrl,
      fetch: ctx.fetch,
      timeoutMs: ctx.timeoutMs,
      log: ctx.log,
      secrets: [creds.api_key],
    });
    const auth = { "x-api-key": creds.api_key };

    const checkStatus = (id: string) =>
      http.request({ method: "GET", path: "/check_status.php", query: { hash: id }, headers: auth });

    return {
      async createCharge(input) {
        const c = input.customer ?? {};
        const res = await http.request({
          method: "POST",
          path: "/transaction.php",
          headers: auth,
          json: {
            amount: input.amountCentavos,
            description: input.description,
            reference: input.reference,
            productHash: creds.product_hash,
            ...(creds.offer_hash ? { offerHash: creds.offer_hash } : {}),
            postback_url: input.webhookUrl,
            customer: { name: c.name, email: c.email, document: c.document, phone: c.phone },
          },
        });
        // Flat, or (older answers) under `transaction`/`data`. `id` may be our reference echoed back:
        // the gateway's own id is `transaction_id`, and only it finds the charge again.
        const tx = unwrap(res.body, "transaction", "data");
        const echoed = firstString(tx, "id");
        const ownId =
          firstString(tx, "transaction_id") ??
          (echoed !== input.reference ? echoed : undefined) ??
          firstString(tx, "hash");
        if (!ownId)
          throw new PixGatewayError("gateway_rejected", "paradise response has no transaction_id", { gateway });
        return {
          transactionId: ownId,
          hash: firstString(tx, "hash"),
          reference: input.reference,
          brCode: requireString(tx, "qr_code", gateway, "gateway_rejected", "qr_code", "pix_code"),
          qrImage: asPngDataUrl(firstString(tx, "qr_code_base64")),
          expiresAt: toDate(tx.expires_at),
          status: "pending",
          amountCentavos: input.amountCentavos,
          raw: res.body,
        };
      },
      parseWebhook(input) {
        const data = unwrap(readWebhookBody(input, gateway), "transaction", "data");
        const rawStatus = firstString(data, "status", "payment_status");
        return [
          {
            transactionId: requireString(
              data,
              "transaction_id",
              gateway,
              "invalid_webhook",
              "transaction_id",
              "id",
              "hash",
            ),
            hash: firstString(data, "hash"),
            reference: firstString(data, "external_id", "reference", "external_reference"),
            status: mapPixStatus(rawStatus, { gateway, log: ctx.log }),
            rawStatus,
            amountCentavos: toCentavos(data.amount_paid ?? data.amount, "centavos", gateway, "invalid_webhook"),
            raw: data,
          },
        ];
      },
      async getStatus(ref) {
        const res = await checkStatus(ref.transactionId);
        const data = unwrap(res.body, "transaction", "data");
        const rawStatus = firstString(data, "payment_status", "status");
        const amount = data.amount_paid ?? data.amount;
        return {
          transactionId: ref.transactionId,
          status: mapPixStatus(rawStatus, { gateway, log: ctx.log }),
          rawStatus,
          ...(amount !== undefined
            ? { amountCentavos: toCentavos(amount, "centavos", gateway, "gateway_rejected") }
            : {}),
          raw: res.body,
        };
      },
      async verifyCredentials() {
        try {
          await checkStatus("vitrine-credential-check");
        } catch (err) {
          if (!isPixGatewayError(err, "not_found")) throw err;
        }
      },
    };
  },
};
