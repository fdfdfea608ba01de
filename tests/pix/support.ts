import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterAll, beforeAll } from "vitest";
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
  /** The buyer data the gateway refuses to go without (as the simulator enforces it). */
  customer: { name: boolean; email: boolean; phone: boolean; document: false | "cpf" | "cpf_or_cnpj" };
  /** A split the gateway refuses (checked locally before any call), when it takes splits. */
  badSplit?: { amountCentavos: number; split: Array<{ recipientId: string; percentage: number }> };
};

const NONE = { name: false, email: false, phone: false, document: false } as const;
const ALL_CPF = { name: true, email: true, phone: true, document: "cpf" } as const;

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
    customer: ALL_CPF,
    badSplit: {
      amountCentavos: 10000,
      split: ["a", "b", "c", "d"].map((r) => ({ recipientId: `user_${r}`, percentage: 5 })),
    },
  },
  pushinpay: {
    id: "pushinpay",
    sim: "pushinpay",
    credentials: SIMULATOR_CREDENTIALS.pushinpay,
    badCredentials: { token: "wrong_token_value" },
    wireAmount: (r) => body(r).value,
    toWire: (c) => c,
    webhookFormat: "json",
    customer: NONE,
    badSplit: { amountCentavos: 10000, split: [{ recipientId: "acc_partner", percentage: 51 }] },
  },
  paradise: {
    id: "paradise",
    sim: "paradise",
    credentials: {
      api_key: SIMULATOR_CREDENTIALS.paradise.api_key,
      product_hash: SIMULATOR_CREDENTIALS.paradise.product_hash,
    },
    badCredentials: { api_key: "sk_wrong_value", product_hash: SIMULATOR_CREDENTIALS.paradise.product_hash },
    wireAmount: (r) => body(r).amount,
    toWire: (c) => c,
    webhookFormat: "json",
    customer: ALL_CPF,
  },
  wiinpay: {
    id: "wiinpay",
    sim: "wiinpay",
    credentials: SIMULATOR_CREDENTIALS.wiinpay,
    badCredentials: { api_key: "wrong_key_value" },
    wireAmount: (r) => body(r).value,
    toWire: (c) => c / 100,
    webhookFormat: "json",
    customer: { name: true, email: true, phone: false, document: false },
    // 1 % of R$ 10,00 is R$ 0,10: WiinPay wants more than that.
    badSplit: { amountCentavos: 1000, split: [{ recipientId: "wiin_partner", percentage: 1 }] },
  },
  atomopay: {
    id: "atomopay",
    sim: "atomopay",
    credentials: {
      api_token: SIMULATOR_CREDENTIALS.atomopay.api_token,
      offer_hash: "offer_sim",
      product_hash: SIMULATOR_CREDENTIALS.atomopay.product_hash,
    },
    badCredentials: {
      api_token: "wrong_token_value",
      offer_hash: "offer_sim",
      product_hash: SIMULATOR_CREDENTIALS.atomopay.product_hash,
    },
    wireAmount: (r) => body(r).amount,
    toWire: (c) => c,
    webhookFormat: "json",
    customer: { name: true, email: true, phone: true, document: "cpf_or_cnpj" },
  },
  bcb: {
    id: "bcb",
    sim: "bcb",
    credentials: bcbCreds,
    badCredentials: { ...bcbCreds, client_secret: "wrong_secret_value" },
    wireAmount: (r) => (body(r).valor as { original: unknown }).original,
    toWire: (c) => (c / 100).toFixed(2),
    webhookFormat: "json",
    customer: NONE,
  },
  direct_key: {
    id: "direct_key",
    credentials: {
      pix_key: "vendas@loja.com.br",
      merchant_name: "Loja da Conceição",
      merchant_city: "São José dos Campos",
    },
    badCredentials: { pix_key: "not a key", merchant_name: "Loja", merchant_city: "Recife" },
    wireAmount: () => undefined,
    toWire: () => undefined,
    customer: NONE,
  },
};

// ── Integration helpers for the service/route tests ─────────────────────────────────────────────

export type Forwarded = { path: string; status: number; body: unknown; request: { body: string; contentType: string } };
type PixRoute = (
  req: import("next/server").NextRequest,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;

/**
 * The PIX simulator plus a local HTTP front that hands every webhook it sends to the app's real
 * route handler. Sets PIX_SIMULATOR_URL (configs without a base URL use the simulator) and APP_URL
 * (so the webhook URLs given to gateways point at the front) for this test file.
 */
export function usePixSimulator(opts: { receiver?: boolean } = {}) {
  const state: {
    sim?: import("@/sandbox/pix/index").RunningPixSimulator;
    front?: { url: string; close(): Promise<void> };
    receiver?: Awaited<ReturnType<typeof startReceiver>>;
  } = {};
  const forwarded: Forwarded[] = [];
  beforeAll(async () => {
    const { startPixSimulator } = await import("@/sandbox/pix/index");
    state.sim = await startPixSimulator({
      port: 0,
      log: (l) => {
        if (process.env.SIM_LOG) console.log(l);
      },
    });
    process.env.PIX_SIMULATOR_URL = state.sim.url;
    if (opts.receiver) state.receiver = await startReceiver();
    else {
      state.front = await startWebhookFront(forwarded);
      process.env.APP_URL = state.front.url;
    }
  });
  afterAll(async () => {
    await state.sim?.close();
    await state.front?.close();
    await state.receiver?.close();
    delete process.env.PIX_SIMULATOR_URL;
  });
  return {
    sim: () => state.sim!,
    receiver: () => state.receiver!,
    /** The app's base URL as the gateways see it. */
    front: () => state.front!.url,
    forwarded,
  };
}

async function startWebhookFront(results: Forwarded[]) {
  const { NextRequest } = await import("next/server");
  const { POST } = (await import("@/app/api/webhooks/pix/[gateway]/[token]/route")) as { POST: PixRoute };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const path = req.url ?? "/";
      const m = /^\/api\/webhooks\/pix\/([^/]+)\/([^/?]+)(?:\/pix)?\/?(?:\?.*)?$/.exec(path);
      if (!m) {
        res.writeHead(404).end();
        return;
      }
      const headers: Record<string, string> = { "x-forwarded-for": "198.51.100.77" };
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
      const raw = Buffer.concat(chunks).toString("utf8");
      const response = await POST(
        new NextRequest(new URL(path, "http://localhost:3000"), { method: "POST", body: raw, headers }),
        { params: Promise.resolve({ gateway: m[1]!, token: m[2]! }) },
      );
      const text = await response.text();
      results.push({
        path,
        status: response.status,
        body: text ? JSON.parse(text) : null,
        request: { body: raw, contentType: headers["content-type"] ?? "" },
      });
      res.writeHead(response.status, { "content-type": "application/json" }).end(text);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A seller's session cookie, minted the way next-auth does it. */
export async function sessionCookie(userId: string): Promise<string> {
  const { encode } = await import("next-auth/jwt");
  const { authSecret } = await import("@/lib/auth/secret");
  const token = await encode({ token: { sub: userId, authAt: Date.now() }, secret: authSecret() });
  return `next-auth.session-token=${token}`;
}

type AnyRoute = (
  req: import("next/server").NextRequest,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;
export type CallOptions = {
  method?: string;
  path?: string;
  body?: unknown;
  raw?: string;
  contentType?: string;
  params?: Record<string, string>;
  cookie?: string;
  apiKey?: string;
  headers?: Record<string, string>;
};

/** Calls a real route handler the way Next would; returns status, headers and parsed JSON. */
export async function callRoute(route: unknown, opts: CallOptions = {}) {
  const { NextRequest } = await import("next/server");
  const headers: Record<string, string> = { "x-forwarded-for": "198.51.100.30", ...opts.headers };
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.apiKey) headers.authorization = `Bearer ${opts.apiKey}`;
  let body: string | undefined;
  if (opts.raw !== undefined) {
    body = opts.raw;
    headers["content-type"] = opts.contentType ?? "application/json";
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["content-type"] = "application/json";
  }
  const req = new NextRequest(new URL(opts.path ?? "/api/v1/pix", "http://localhost:3000"), {
    method: opts.method ?? (body !== undefined ? "POST" : "GET"),
    headers,
    body,
  });
  const res = await (route as AnyRoute)(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, headers: res.headers, json: (text ? JSON.parse(text) : null) as any, text };
}

/** A signed-up seller with a store, a session cookie and a store API key. */
export async function pixSeller(tag = "pix") {
  const { sellerWithStore } = await import("../support/seller");
  const { createApiKey } = await import("@/lib/auth/api-keys");
  const seller = await sellerWithStore({ tag, storeName: `Loja ${tag}` });
  const apiKey = (await createApiKey(seller.store.id, seller.user.id, { name: tag }, seller.audit)).secret;
  return { ...seller, cookie: await sessionCookie(seller.user.id), apiKey };
}

export type PixSeller = Awaited<ReturnType<typeof pixSeller>>;

/**
 * As if the gateway's status-read interval had passed for this charge (on our side and, for
 * PushinPay's per-minute rule, on the simulator's clock): for tests that read one charge twice.
 */
export async function passReadBudget(chargeId: string, sim?: { advanceClock(ms: number): void }) {
  const { prisma } = await import("@/lib/db/client");
  await prisma.pixCharge.update({ where: { id: chargeId }, data: { lastGatewayReadAt: null } });
  sim?.advanceClock(61_000);
}

/** A buyer whose data every gateway accepts (valid CPF, mobile with area code). */
export const BUYER = {
  name: "Maria da Silva",
  email: "maria@example.com",
  document: "123.456.789-09",
  phone: "(11) 99999-0000",
};

/** Adds, and unless told otherwise verifies and activates, a gateway config through the service. */
export async function addGateway(
  seller: PixSeller,
  gateway: PixGatewayId,
  opts: {
    label?: string;
    active?: boolean;
    credentials?: Record<string, string>;
    split?: Array<{ recipientId: string; percentage: number }>;
  } = {},
) {
  const service = await import("@/lib/pix/service/configs");
  const config = await service.createGatewayConfig(seller.store.id, seller.audit, {
    gateway,
    label: opts.label,
    credentials: opts.credentials ?? FIXTURES[gateway].credentials,
    split: opts.split,
  });
  if (opts.active === false) return config;
  const verified = await service.verifyGatewayConfig(seller.store.id, seller.audit, config.id);
  if (!verified.ok) throw new Error(`addGateway: ${gateway} did not verify: ${verified.error}`);
  return service.updateGatewayConfig(seller.store.id, seller.audit, config.id, { active: true });
}
