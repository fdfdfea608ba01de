// The client address: scripts/client-address.mjs (what X-Forwarded-For is worth under
// TRUSTED_PROXIES) and scripts/server.mjs's request layer over a real socket, with a stand-in for
// Next's handler that shows what the app would receive.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import {
  CLIENT_IP_HEADER,
  PEER_HEADER,
  clientAddress,
  normalizeIp,
  parseTrustedProxies,
} from "@/scripts/client-address.mjs";
import { createAppServer } from "@/scripts/server.mjs";
import * as app from "@/lib/request/client-address";
import { ServerEnvShape } from "@/lib/env/schema";

describe("client address from the socket and TRUSTED_PROXIES", () => {
  const none = parseTrustedProxies(undefined);

  it("ignores X-Forwarded-For entirely without TRUSTED_PROXIES", () => {
    expect(none).toEqual({ kind: "none" });
    expect(clientAddress("198.51.100.9", "127.0.0.1", none)).toBe("198.51.100.9");
    expect(clientAddress("::ffff:198.51.100.9", "203.0.113.1, 10.0.0.1", none)).toBe("198.51.100.9");
  });

  it("takes the first address left of the trusted proxies", () => {
    const trust = parseTrustedProxies("10.0.0.0/8, loopback");
    expect(clientAddress("10.0.0.5", "203.0.113.7", trust)).toBe("203.0.113.7");
    // A client-supplied entry left of the real one is not believed.
    expect(clientAddress("10.0.0.5", "127.0.0.1, 203.0.113.7", trust)).toBe("203.0.113.7");
    expect(clientAddress("127.0.0.1", "198.51.100.4, 10.1.2.3", trust)).toBe("198.51.100.4");
    // A peer that is not a trusted proxy is the client, whatever it forwards.
    expect(clientAddress("198.51.100.66", "203.0.113.7", trust)).toBe("198.51.100.66");
    // Garbage ends the walk at the hop that reported it.
    expect(clientAddress("10.0.0.5", "not-an-ip, 10.0.0.9", trust)).toBe("10.0.0.9");
    expect(clientAddress("10.0.0.5", "[2001:db8::1]:443", trust)).toBe("2001:db8::1");
  });

  it("counts hops: 1 means the rightmost X-Forwarded-For entry is the client", () => {
    expect(clientAddress("172.17.0.1", "6.6.6.6, 203.0.113.7", parseTrustedProxies("1"))).toBe("203.0.113.7");
    expect(clientAddress("172.17.0.1", "6.6.6.6, 203.0.113.7, 10.0.0.2", parseTrustedProxies("2"))).toBe("203.0.113.7");
    expect(clientAddress("172.17.0.1", undefined, parseTrustedProxies("1"))).toBe("172.17.0.1");
    expect(parseTrustedProxies("0")).toEqual({ kind: "none" });
  });

  it("refuses a malformed TRUSTED_PROXIES, and the env schema agrees with the server", () => {
    const schema = ServerEnvShape.TRUSTED_PROXIES;
    for (const bad of ["10.0.0.0/33", "proxy.internal", "1.2.3", "99", "::1/129"]) {
      expect(() => parseTrustedProxies(bad), bad).toThrow(/TRUSTED_PROXIES/);
      expect(schema.safeParse(bad).success, bad).toBe(false);
    }
    for (const good of ["10.0.0.0/8", "loopback, uniquelocal", "2001:db8::/32 192.0.2.10", "3"]) {
      expect(() => parseTrustedProxies(good)).not.toThrow();
      expect(schema.safeParse(good).success, good).toBe(true);
    }
  });

  it("normalizes what sockets and proxies write", () => {
    expect(normalizeIp("::FFFF:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeIp("203.0.113.9:51234")).toBe("203.0.113.9");
    expect(normalizeIp("localhost")).toBeNull();
  });

  it("uses the same header names in the server and the app", () => {
    expect([PEER_HEADER, CLIENT_IP_HEADER]).toEqual([app.PEER_HEADER, app.CLIENT_IP_HEADER]);
  });
});

describe("scripts/server.mjs request layer", () => {
  let server: http.Server;
  let base: string;
  const start = async (trustSpec?: string) => {
    server?.close();
    server = createAppServer({
      trust: parseTrustedProxies(trustSpec),
      onError: () => undefined,
      handle: (req, res) => {
        if (req.url === "/bare-405") {
          // What Next does for a method the route file does not export.
          res.statusCode = 405;
          res.flushHeaders();
          res.end();
          return;
        }
        if (req.url === "/own-405") return void res.writeHead(405, { "content-type": "text/plain" }).end("nope");
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ headers: req.headers, raw: req.rawHeaders }));
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  const seen = async (headers: Record<string, string>) =>
    (await (await fetch(`${base}/echo`, { headers })).json()) as { headers: Record<string, string>; raw: string[] };

  beforeAll(() => start());
  afterAll(() => server.close());

  it("overwrites spoofed internal headers and ignores X-Forwarded-For by default", async () => {
    const { headers, raw } = await seen({
      [PEER_HEADER]: "10.9.9.9",
      [CLIENT_IP_HEADER]: "10.9.9.9",
      "x-forwarded-for": "198.51.100.1",
    });
    expect(headers[PEER_HEADER]).toBe("127.0.0.1");
    expect(headers[CLIENT_IP_HEADER]).toBe("127.0.0.1");
    expect(raw.map((r) => r.toLowerCase())).not.toContain(PEER_HEADER);
    expect(headers["x-request-id"]).toMatch(/^req_[0-9a-f]{32}$/);
  });

  it("reads X-Forwarded-For from a trusted proxy", async () => {
    await start("loopback");
    const { headers } = await seen({ "x-forwarded-for": "6.6.6.6, 198.51.100.23" });
    expect(headers[CLIENT_IP_HEADER]).toBe("198.51.100.23");
    expect(headers[PEER_HEADER]).toBe("127.0.0.1");
    await start();
  });

  it("keeps a well-formed caller request id and replaces a bad one", async () => {
    expect((await seen({ "x-request-id": "trace-12345678" })).headers["x-request-id"]).toBe("trace-12345678");
    expect((await seen({ "x-request-id": "bad id!" })).headers["x-request-id"]).toMatch(/^req_/);
  });

  it("gives Next's bare 405 our JSON error body, and leaves a route's own 405 alone", async () => {
    const res = await fetch(`${base}/bare-405`, { method: "PUT", headers: { "x-request-id": "trace-405-check" } });
    expect(res.status).toBe(405);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toEqual({
      error: { code: "method_not_allowed", message: "PUT is not supported here.", request_id: "trace-405-check" },
    });
    const own = await fetch(`${base}/own-405`);
    expect(await own.text()).toBe("nope");
  });

  it("answers oversized headers with 431 and a JSON body", async () => {
    const { status, headers, body } = await new Promise<{
      status: number;
      headers: http.IncomingHttpHeaders;
      body: string;
    }>((resolve, reject) => {
      const req = http.get(`${base}/echo`, { headers: { "x-big": "a".repeat(20_000) } }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on("error", reject);
    });
    expect(status).toBe(431);
    expect(headers["content-type"]).toBe("application/json");
    const json = JSON.parse(body);
    expect(json.error).toMatchObject({ code: "headers_too_large", request_id: headers["x-request-id"] });
  });
});

describe("the app side (lib/request/client-address.ts)", () => {
  const mark = Symbol.for("vitrine.server");
  const g = globalThis as Record<symbol, unknown>;

  it("trusts the internal headers only in a process the server marked", () => {
    const headers = new Headers({
      [CLIENT_IP_HEADER]: "10.9.9.9",
      [PEER_HEADER]: "127.0.0.1",
      "x-forwarded-for": "127.0.0.1",
    });
    delete g[mark];
    expect(app.requestAddresses(headers)).toEqual({ client: "unknown", peer: "unknown" });
    expect(() => app.assertAppServerInProduction("production")).toThrow(/scripts\/server\.mjs/);
    g[mark] = true;
    try {
      expect(app.requestAddresses(headers)).toEqual({ client: "10.9.9.9", peer: "127.0.0.1" });
      expect(() => app.assertAppServerInProduction("production")).not.toThrow();
    } finally {
      delete g[mark];
    }
  });

  it("counts a loopback socket as local only when no proxy relayed someone else", () => {
    expect(app.isDirectLoopback({ ip: "127.0.0.1", peer: "127.0.0.1" })).toBe(true);
    expect(app.isDirectLoopback({ ip: "::1", peer: "::1" })).toBe(true);
    expect(app.isDirectLoopback({ ip: "203.0.113.7", peer: "127.0.0.1" })).toBe(false);
    expect(app.isDirectLoopback({ ip: "10.0.0.1", peer: "10.0.0.1" })).toBe(false);
  });
});
