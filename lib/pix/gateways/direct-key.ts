import { NO_CUSTOMER_DATA } from "../customer";
import { z } from "zod";
import { createStaticBrCode, sanitizeMerchantCity, sanitizeMerchantName } from "../brcode";
import { defineCredentials } from "../credentials";
import { PixGatewayError } from "../errors";
import type { PixGatewayDefinition } from "../types";

/** CPF, CNPJ, e-mail, +55 phone or random (EVP) key. */
export const PIX_KEY_RE =
  /^(\d{11}|\d{14}|[^\s@]{1,64}@[^\s@]{1,64}\.[^\s@]{2,}|\+55\d{10,11}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

const credentials = defineCredentials({
  pix_key: {
    label: "Pix key",
    schema: z.string().max(77).regex(PIX_KEY_RE, "must be a CPF, CNPJ, e-mail, +55 phone or random key"),
  },
  merchant_name: {
    label: "Receiver name (as in the bank)",
    schema: z.string().refine((v) => sanitizeMerchantName(v) !== "", "needs letters or digits"),
  },
  merchant_city: {
    label: "Receiver city",
    schema: z.string().refine((v) => sanitizeMerchantCity(v) !== "", "needs letters or digits"),
  },
});

type Creds = { pix_key: string; merchant_name: string; merchant_city: string };

/**
 * No gateway: a static BR Code built here from the seller's own key. Nobody tells us about the
 * payment, so the charge stays pending until the seller confirms it by hand.
 */
export const directKey: PixGatewayDefinition<Creds> = {
  id: "direct_key",
  displayName: "Chave Pix (confirmação manual)",
  capabilities: { refund: false, statusQuery: false, signedWebhooks: false, split: false, webhookRegistration: false },
  minimumCentavos: 1,
  amountUnit: "centavos",
  defaultBaseUrl: "",
  // Nothing to read: the seller confirms by hand.
  statusReadIntervalMs: 0,
  customer: NO_CUSTOMER_DATA,
  splitLimits: null,
  credentials,
  create(creds, ctx) {
    return {
      async createCharge(input) {
        const brCode = createStaticBrCode({
          pixKey: creds.pix_key,
          merchantName: creds.merchant_name,
          merchantCity: creds.merchant_city,
          amountCentavos: input.amountCentavos,
          description: input.description,
          // why: the static txid field holds 25 characters; our references have 32 random-enough ones.
          txid: input.reference.slice(0, 25),
        });
        return {
          transactionId: input.reference,
          reference: input.reference,
          brCode,
          status: "pending",
          amountCentavos: input.amountCentavos,
          raw: { kind: "static", createdAt: ctx.now().toISOString() },
        };
      },
      parseWebhook() {
        throw new PixGatewayError("not_supported", "a direct Pix key has no webhooks; the seller confirms payments", {
          gateway: "direct_key",
        });
      },
      async verifyCredentials() {
        // Validated by the credential schema; nothing remote to ask.
      },
    };
  },
};
