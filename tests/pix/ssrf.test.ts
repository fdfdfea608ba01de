// SSRF through a seller-typed gateway base URL (issue #11, item 8): the URL is checked when saved,
// and again on every request (URL and resolved address); redirects are never followed, so an allowed
// address answering 302 cannot send the server to a refused one.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { createGateway } from "@/lib/pix/registry";
import { createGatewayConfig, verifyGatewayConfig } from "@/lib/pix/service/configs";
import { sellerUrlGuard } from "@/lib/pix/service/runtime";
import { FIXTURES, pixSeller, type PixSeller } from "./support";

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; port: number }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, port: (server.address() as AddressInfo).port };
}

describe("PIX gateway base URLs and redirects (SSRF)", () => {
  useTestDatabase();
  let seller: PixSeller;
  // The "internal" service the attacker wants the server to reach (127.0.0.1 is refused).
  let internal: { server: Server; port: number; hits: string[] };
  // An allowed host that answers every request with a redirect to the internal service.
  let redirector: { server: Server; port: number; hits: number };

  beforeAll(async () => {
    seller = await pixSeller("ssrf");
    const hits: string[] = [];
    const i = await listen((req, res) => {
      hits.push(req.url ?? "");
      res.writeHead(200, { "content-type": "application/json" }).end('{"id":"x","status":"paid","value":1}');
    });
    internal = { ...i, hits };
    const r = await listen((req, res) => {
      redirector.hits++;
      res.writeHead(302, { location: `http://127.0.0.1:${internal.port}/latest/meta-data${req.url ?? ""}` }).end();
    });
    redirector = { ...r, hits: 0 };
  });
  afterAll(async () => {
    await new Promise((r) => internal.server.close(r));
    await new Promise((r) => redirector.server.close(r));
  });
  beforeEach(() => {
    // "localhost" stands for an allowed public host; the literal 127.0.0.1 stays refused.
    process.env.CALLBACK_ALLOWED_HOSTS = "localhost";
    internal.hits.length = 0;
    redirector.hits = 0;
  });

  it("an allowed base URL answering 302 to a refused address: the redirect is not followed", async () => {
    const config = await createGatewayConfig(seller.store.id, seller.audit, {
      gateway: "pushinpay",
      credentials: FIXTURES.pushinpay.credentials,
      baseUrl: `http://localhost:${redirector.port}/api`,
    });
    const result = await verifyGatewayConfig(seller.store.id, seller.audit, config.id);
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/redirect \(302\).*not followed/);
    expect(redirector.hits).toBe(1);
    expect(internal.hits).toEqual([]);
  });

  it("without any guard too (simulator/default URLs): gateway HTTP never follows a redirect", async () => {
    const gw = createGateway("pushinpay", FIXTURES.pushinpay.credentials, {
      baseUrl: `http://127.0.0.1:${redirector.port}/api`,
    });
    await expect(gw.getStatus({ transactionId: "abc" })).rejects.toMatchObject({
      code: "gateway_rejected",
      details: { httpStatus: 302 },
    });
    expect(internal.hits).toEqual([]);
  });

  it("the base URL is checked again at request time, not only when saved", async () => {
    const config = await createGatewayConfig(seller.store.id, seller.audit, {
      gateway: "pushinpay",
      credentials: FIXTURES.pushinpay.credentials,
      baseUrl: `http://localhost:${internal.port}/api`,
    });
    // The host stops being acceptable after the save (an allow-list change here; a DNS change in life).
    process.env.CALLBACK_ALLOWED_HOSTS = "";
    const result = await verifyGatewayConfig(seller.store.id, seller.audit, config.id);
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/public address/);
    expect(internal.hits).toEqual([]);
  });

  it("checks the address a host name resolves to when connecting (DNS re-pointed after the check)", async () => {
    // A rebinding name: public when checked, loopback when the connection is made.
    let answers = 0;
    const guard = sellerUrlGuard(async () =>
      answers++ === 0 ? [{ address: "93.184.216.34", family: 4 }] : [{ address: "127.0.0.1", family: 4 }],
    );
    const gw = createGateway("pushinpay", FIXTURES.pushinpay.credentials, {
      baseUrl: `http://rebind.example:${internal.port}/api`,
      addressGuard: guard,
    });
    await expect(gw.getStatus({ transactionId: "abc" })).rejects.toMatchObject({
      code: "gateway_rejected",
      message: expect.stringMatching(/public address/),
    });
    expect(answers).toBe(2);
    expect(internal.hits).toEqual([]);
  });
});
