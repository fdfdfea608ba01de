import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { createLogger } from "@/lib/log/logger";
import type { PixGatewayId } from "@/lib/pix/types";
import { SIMULATOR_CREDENTIALS, type SimCharge, type SimGatewayId } from "@/sandbox/pix/index";

export type Captured = { path: string; headers: IncomingHttpHeaders; body: string };

/** A local endpoint that records every POST, standing in for Vitrine's webhook route. */
export async function startReceiver() {
  const received: Captured[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    last(pathPrefix: string): Captured {
      const hit = [...received].reverse().find((c) => c.path.startsWith(pathPrefix));
      if (!hit) throw new Error(`no webhook received under ${pathPrefix}`);
      return hit;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A logger at trace level whose every line lands in `lines`, with production redaction. */
export function capturingLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString("utf8"));
      cb();
    },
  });
  return { lines, logger: createLogger({ level: "trace", destination }) };
}

const FAKE_PEM_CERT = "-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n";
const FAKE_PEM_KEY = "-----BEGIN PRIVATE KEY-----\nMIIBfake\n-----END PRIVATE KEY-----\n";

export type Fixture = {
  id: PixGatewayId;
  sim?: SimGatewayId;
  credentials: Record<string, string>;
  badCredentials: Record<string, string>;
  /** The amount field as the simulator received it on creation. */
  wireAmount(received: SimCharge["received"]): unknown;
  /** What 1990 centavos must look like on that wire. */
  toWire(centavos: number): unknown;
  webhookFormat?: "json" | "form";
};

const bcbCreds = { ...SIMULATOR_CREDENTIALS.bcb, certificate: FAKE_PEM_CERT, private_key: FAKE_PEM_KEY };
const body = (r: SimCharge["received"]) => r.body as Record<string, unknown>;

export const FIXTURES: Record<PixGatewayId, Fixture> = {
  syncpay: {
    id: "syncpay",
    sim: "syncpay",
    credentials: SIMULATOR_CREDENTIALS.syncpay,
    badCredentials: { ...SIMULATOR_CREDENTIALS.syncpay, client_secret: "wrong_secret_value" },
    wireAmount: (r) => body(r).amount,
    toWire: (c) => c / 100,
    webhookFormat: "json",
  },
  pushinpay: {
    id: "pushinpay",
    sim: "pushinpay",
    credentials: SIMULATOR_CREDENTIALS.pushinpay,
    badCredentials: { token: "wrong_token_value" },
    wireAmount: (r) => body(r).value,
    toWire: (c) => c,
    webhookFormat: "form",
  },
  paradise: {
    id: "paradise",
    sim: "paradise",
    credentials: { api_key: SIMULATOR_CREDENTIALS.paradise.api_key, product_hash: SIMULATOR_CREDENTIALS.paradise.product_hash },
    badCredentials: { api_key: "sk_wrong_value", product_hash: SIMULATOR_CREDENTIALS.paradise.product_hash },
    wireAmount: (r) => body(r).amount,
    toWire: (c) => c,
    webhookFormat: "json",
  },
  wiinpay: {
    id: "wiinpay",
    sim: "wiinpay",
    credentials: SIMULATOR_CREDENTIALS.wiinpay,
    badCredentials: { api_key: "wrong_key_value" },
    wireAmount: (r) => body(r).value,
    toWire: (c) => c / 100,
    webhookFormat: "json",
  },
  atomopay: {
    id: "atomopay",
    sim: "atomopay",
    credentials: { api_token: SIMULATOR_CREDENTIALS.atomopay.api_token, offer_hash: "offer_sim", product_hash: SIMULATOR_CREDENTIALS.atomopay.product_hash },
    badCredentials: { api_token: "wrong_token_value", offer_hash: "offer_sim", product_hash: SIMULATOR_CREDENTIALS.atomopay.product_hash },
    wireAmount: (r) => body(r).amount,
    toWire: (c) => c,
    webhookFormat: "json",
  },
  bcb: {
    id: "bcb",
    sim: "bcb",
    credentials: bcbCreds,
    badCredentials: { ...bcbCreds, client_secret: "wrong_secret_value" },
    wireAmount: (r) => (body(r).valor as { original: unknown }).original,
    toWire: (c) => (c / 100).toFixed(2),
    webhookFormat: "json",
  },
  direct_key: {
    id: "direct_key",
    credentials: { pix_key: "vendas@loja.com.br", merchant_name: "Loja da Conceição", merchant_city: "São José dos Campos" },
    badCredentials: { pix_key: "not a key", merchant_name: "Loja", merchant_city: "Recife" },
    wireAmount: () => undefined,
    toWire: () => undefined,
  },
};
