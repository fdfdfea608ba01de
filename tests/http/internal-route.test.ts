// POST /api/internal/sync/stripe-events with INTERNAL_API_TOKEN: only a caller on this machine
// talking to the server directly, judged by the socket (what scripts/server.mjs stamps), never by
// X-Forwarded-For.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { useTestDatabase } from "../support/db";
import { useStripeEmulator } from "../support/stripe";
import { POST } from "@/app/api/internal/sync/stripe-events/route";
import { CLIENT_IP_HEADER, PEER_HEADER } from "@/lib/request/client-address";
import { resetEnvCache } from "@/lib/env/server";

const TOKEN = "internal-token-for-tests-0123456789";
const mark = Symbol.for("vitrine.server");
const g = globalThis as Record<symbol, unknown>;

const call = (headers: Record<string, string>) =>
  POST(
    new NextRequest(new URL("/api/internal/sync/stripe-events", "http://localhost:3000"), {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, ...headers },
    }),
  );

describe("internal sync route", () => {
  useTestDatabase();
  useStripeEmulator();
  beforeAll(() => {
    process.env.INTERNAL_API_TOKEN = TOKEN;
    resetEnvCache();
    g[mark] = true;
  });
  afterAll(() => {
    delete process.env.INTERNAL_API_TOKEN;
    resetEnvCache();
    delete g[mark];
  });

  it("runs for a loopback socket", async () => {
    const res = await call({ [PEER_HEADER]: "127.0.0.1", [CLIENT_IP_HEADER]: "127.0.0.1" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ accounts: expect.any(Number) });
  });

  it("refuses a remote socket that claims loopback in X-Forwarded-For", async () => {
    const res = await call({
      [PEER_HEADER]: "203.0.113.5",
      [CLIENT_IP_HEADER]: "203.0.113.5",
      "x-forwarded-for": "127.0.0.1",
      "x-real-ip": "127.0.0.1",
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatchObject({ code: "forbidden" });
  });

  it("refuses a request a local proxy relayed for someone else", async () => {
    expect((await call({ [PEER_HEADER]: "127.0.0.1", [CLIENT_IP_HEADER]: "203.0.113.5" })).status).toBe(403);
  });

  it("refuses everything outside scripts/server.mjs, where no header can be believed", async () => {
    delete g[mark];
    try {
      expect(
        (await call({ [PEER_HEADER]: "127.0.0.1", [CLIENT_IP_HEADER]: "127.0.0.1", "x-forwarded-for": "127.0.0.1" }))
          .status,
      ).toBe(403);
    } finally {
      g[mark] = true;
    }
  });
});
