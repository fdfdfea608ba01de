// Drives the PIX simulator the app under test talks to (started by scripts/start.mjs on E2E_PIX_SIMULATOR_PORT),
// and runs a store's callback receiver.
import { expect } from "@playwright/test";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export const PIX_SIMULATOR_URL = `http://127.0.0.1:${Number(process.env.E2E_PIX_SIMULATOR_PORT ?? 12122)}`;

/** What the simulator accepts (sandbox/pix/src/state.ts SIMULATOR_CREDENTIALS); copied so the spec stays free of app imports. */
export const SIM_PUSHINPAY_TOKEN = "sim_pushinpay_token_0001";
export const SIM_BCB = { clientId: "sim_bcb_client", clientSecret: "sim_bcb_secret_0001", pixKey: "pix@vitrine.test" };
/** The simulator speaks plain HTTP and never looks at the client certificate; the form still wants PEM blocks. */
export const FAKE_PEM_CERT = "-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----";
export const FAKE_PEM_KEY = "-----BEGIN PRIVATE KEY-----\nMIIBfake\n-----END PRIVATE KEY-----";

export type SimCharge = {
  gateway: string;
  id: string;
  reference?: string;
  amountCentavos: number;
  state: string;
  brCode: string;
  webhookUrl?: string;
};
type Delivery = { url: string; status: number | null; error?: string };

async function sim<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(PIX_SIMULATOR_URL + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(`simulator ${method} ${path}: ${res.status} ${data.error ?? ""}`);
  return data;
}

export const simCharges = () => sim<SimCharge[]>("GET", "/_sim/charges");

/** The simulator's charge behind a copia e cola code the buyer sees. */
export async function findSimCharge(brCode: string): Promise<SimCharge> {
  let found: SimCharge | undefined;
  await expect
    .poll(async () => (found = (await simCharges()).find((c) => c.brCode === brCode)), { timeout: 10_000 })
    .toBeTruthy();
  return found!;
}

/** The only pending simulator charge of a gateway with this amount. */
export async function findPendingSimCharge(gateway: string, amountCentavos: number): Promise<SimCharge> {
  let found: SimCharge | undefined;
  await expect
    .poll(
      async () =>
        (found = (await simCharges()).find(
          (c) => c.gateway === gateway && c.amountCentavos === amountCentavos && c.state === "pending",
        )),
      { timeout: 10_000 },
    )
    .toBeTruthy();
  return found!;
}

/** The buyer pays at the gateway: the simulator flips the charge and POSTs the gateway's webhook to the app. */
export async function simPay(gateway: string, id: string): Promise<{ charge: SimCharge; delivery: Delivery | null }> {
  return sim("POST", `/_sim/charges/${gateway}/${encodeURIComponent(id)}/pay`, {});
}

export type Received = { headers: IncomingHttpHeaders; body: string };

/** The seller's store server: answers 200 and keeps every signed POST it gets. */
export async function startReceiver() {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/pix/events`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export const webhookHeaders = (h: IncomingHttpHeaders) => ({
  "webhook-id": String(h["webhook-id"]),
  "webhook-timestamp": String(h["webhook-timestamp"]),
  "webhook-signature": String(h["webhook-signature"]),
});
