// A local endpoint that hands every emulator delivery to the app's real webhook route handler.
import { afterAll, beforeAll } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { POST as platformRoute } from "@/app/api/webhooks/stripe/route";
import { POST as connectRoute } from "@/app/api/webhooks/stripe/connect/route";
import { useStripeEmulator } from "../support/stripe";

export type Forwarded = { path: string; status: number; body: unknown };

export async function startForwarder(): Promise<{ url: string; results: Forwarded[]; close(): Promise<void> }> {
  const results: Forwarded[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const route = req.url?.endsWith("/connect") ? connectRoute : platformRoute;
      const response = await route(
        new NextRequest(new URL(req.url ?? "/", "http://localhost:3000"), {
          method: "POST",
          body: raw,
          headers: {
            "content-type": "application/json",
            "stripe-signature": String(req.headers["stripe-signature"] ?? ""),
          },
        }),
      );
      const body = await response.json();
      results.push({ path: req.url ?? "", status: response.status, body });
      res.writeHead(response.status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, results, close: () => new Promise((r) => server.close(() => r())) };
}

export async function waitFor<T>(
  fn: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  timeoutMs = 8000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The emulator delivering platform-account events, signed with `secret`, into the real
 * /api/webhooks/stripe route for every test of the calling describe block.
 */
export function usePlatformWebhooks(secret: string) {
  let forwarder: Awaited<ReturnType<typeof startForwarder>>;
  beforeAll(async () => {
    forwarder = await startForwarder();
    process.env.STRIPE_WEBHOOK_SECRET = secret;
    process.env.RATE_LIMIT_WEBHOOK = "100000/minute";
  });
  afterAll(() => forwarder.close());
  const stripe = useStripeEmulator({
    webhooks: () => [{ url: `${forwarder.url}/api/webhooks/stripe`, secret, connect: false }],
  });
  return { stripe, forwarder: () => forwarder };
}
