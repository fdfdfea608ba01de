/** Shared helpers for the emulator's contract tests. */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { emulatorControls } from "../controls";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../index";

export const FAST_RETRIES = [100, 200, 400];

export type TestEmulator = RunningEmulator & {
  stripe: Stripe;
  controls: ReturnType<typeof emulatorControls>;
  client(key?: string): Stripe;
};

export async function startTestEmulator(opts: EmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({
    port: 0,
    log: () => {},
    webhookRetryScheduleMs: FAST_RETRIES,
    webhookTimeoutMs: 2000,
    ...opts,
  });
  const client = (key = "sk_test_emulator") =>
    new Stripe(key, { host: "127.0.0.1", port: emulator.port, protocol: "http", maxNetworkRetries: 0 });
  return Object.assign(emulator, { stripe: client(), controls: emulatorControls(emulator.url), client });
}

export async function waitFor<T>(
  fn: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 5000,
  what = "condition",
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export type Received = { event: Stripe.Event; raw: string; signature: string };

/** A local webhook endpoint that verifies every delivery with the SDK's constructEvent. */
export async function startReceiver(secret: string, verifier = new Stripe("sk_test_receiver")) {
  const received: Received[] = [];
  const rejected: string[] = [];
  let respond: (event: Stripe.Event) => number = () => 200;
  let delayMs = 0;
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const signature = String(req.headers["stripe-signature"] ?? "");
      try {
        const event = verifier.webhooks.constructEvent(raw, signature, secret);
        const status = respond(event);
        if (status < 300) received.push({ event, raw, signature });
        setTimeout(() => res.writeHead(status).end(), delayMs);
      } catch (err) {
        rejected.push((err as Error).message);
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    received,
    rejected,
    types: () => received.map((r) => r.event.type),
    setResponder(fn: (event: Stripe.Event) => number) {
      respond = fn;
    },
    /** Slows every response down, e.g. to prove deliveries never block the API request. */
    setDelay(ms: number) {
      delayMs = ms;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export const YEAR = new Date().getUTCFullYear() + 2;
