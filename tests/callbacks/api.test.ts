// The callbacks API through the real route handlers with store API keys: secrets shown once,
// SSRF refusals, validation, and no store ever touching another store's endpoints or deliveries.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { useTestDatabase } from "../support/db";
import { audit, newSeller } from "./support";
import { createApiKey } from "@/lib/auth/api-keys";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";
import { GET as listEndpoints, POST as createEndpoint } from "@/app/api/v1/callbacks/endpoints/route";
import { PATCH as patchEndpoint, DELETE as deleteEndpoint } from "@/app/api/v1/callbacks/endpoints/[id]/route";
import { POST as rotate } from "@/app/api/v1/callbacks/endpoints/[id]/rotate/route";
import { POST as sendTest } from "@/app/api/v1/callbacks/test/route";
import { GET as listDeliveries } from "@/app/api/v1/callbacks/deliveries/route";
import { POST as redeliverRoute } from "@/app/api/v1/callbacks/deliveries/[id]/redeliver/route";
import { POST as replay } from "@/app/api/v1/callbacks/replay/route";

process.env.CALLBACK_ALLOWED_HOSTS = "127.0.0.1,localhost";

type Route = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(
  route: Route,
  key: string,
  opts: {
    method?: string;
    path?: string;
    body?: unknown;
    params?: Record<string, string>;
    headers?: Record<string, string>;
  } = {},
) {
  const headers: Record<string, string> = {
    authorization: `Bearer ${key}`,
    "x-forwarded-for": "198.51.100.20",
    ...opts.headers,
  };
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const req = new NextRequest(new URL(opts.path ?? "/api/v1/callbacks", "http://localhost:3000"), {
    method: opts.method ?? "POST",
    headers,
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  });
  const res = await route(req, { params: Promise.resolve(opts.params ?? {}) });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe("callbacks API", () => {
  const { db } = useTestDatabase();
  let keyA: string, keyB: string;
  let storeA: { id: string };
  beforeAll(async () => {
    const a = await newSeller("api-a", "http://localhost:4013");
    const b = await newSeller("api-b");
    storeA = a.store;
    keyA = (await createApiKey(a.store.id, a.user.id, { name: "a" }, audit(a.user.id))).secret;
    keyB = (await createApiKey(b.store.id, b.user.id, { name: "b" }, audit(b.user.id))).secret;
  });
  beforeEach(() => {
    resetRateLimiters();
  });

  it("creates an endpoint (secret shown once, never listed again) and audits it", async () => {
    const created = await call(createEndpoint, keyA, {
      body: {
        url: "http://127.0.0.1:4010/hooks",
        eventTypes: ["payment.succeeded", "payment.succeeded", "payment.refunded"],
      },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    expect(created.json).toMatchObject({
      url: "http://127.0.0.1:4010/hooks",
      enabled: true,
      eventTypes: ["payment.succeeded", "payment.refunded"],
    });
    expect(created.json.secret).toMatch(/^whsec_/);
    expect(created.json.secret.startsWith(created.json.secretPrefix)).toBe(true);
    expect(created.json).not.toHaveProperty("secretEnc");
    const listed = await call(listEndpoints, keyA, { method: "GET" });
    expect(listed.json.data).toHaveLength(1);
    const raw = JSON.stringify(listed.json);
    expect(raw).not.toContain(created.json.secret);
    expect(raw).not.toContain("secretEnc");
    const row = await db().prisma.callbackEndpoint.findUniqueOrThrow({ where: { id: created.json.id } });
    expect(row.secretEnc).not.toContain(created.json.secret.slice(6));
    const entry = await db().prisma.auditLog.findFirstOrThrow({
      where: { action: "callback_endpoint.created", targetId: created.json.id },
    });
    expect(JSON.stringify([entry.before, entry.after])).not.toContain(created.json.secret);
    expect(entry.after).toMatchObject({ prefix: created.json.secretPrefix });
  });

  it("defaults the URL to <storeDomain>/payments/events/ and needs one when the store has no domain", async () => {
    const created = await call(createEndpoint, keyA, { body: { eventTypes: ["dispute.created"] } });
    expect(created.status).toBe(201);
    expect(created.json.url).toBe("http://localhost:4013/payments/events/");
    await call(deleteEndpoint, keyA, { method: "DELETE", params: { id: created.json.id } });
    const none = await call(createEndpoint, keyB, { body: {} });
    expect(none.status).toBe(422);
    expect(none.json.error).toMatchObject({ code: "validation_failed", param: "url" });
  });

  it.each([
    ["loopback", "http://127.0.0.2/x"],
    ["private", "http://10.0.0.8/x"],
    ["metadata", "http://169.254.169.254/latest/meta-data/"],
    ["IPv6 loopback", "http://[::1]/x"],
    ["CGNAT", "https://100.64.1.1/x"],
  ])("refuses a %s URL with 422 url_not_allowed on create and update", async (_label, url) => {
    const res = await call(createEndpoint, keyB, { body: { url } });
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({ code: "url_not_allowed", param: "url" });
  });

  it("validates the body: scheme, unknown event types, unknown fields", async () => {
    for (const body of [
      { url: "ftp://127.0.0.1/x" },
      { url: "http://127.0.0.1/x", eventTypes: ["order.shipped"] },
      { url: "http://127.0.0.1/x", secret: "mine" },
    ]) {
      const res = await call(createEndpoint, keyB, { body });
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
  });

  it("updates, rotates, tests, lists, redelivers and replays within the store", async () => {
    const { json: ep } = await call(createEndpoint, keyB, { body: { url: "http://localhost:4011/a" } });
    const patched = await call(patchEndpoint, keyB, {
      method: "PATCH",
      params: { id: ep.id },
      body: { url: "http://127.0.0.1:4011/b", eventTypes: ["payment.failed"] },
    });
    expect(patched.json).toMatchObject({ url: "http://127.0.0.1:4011/b", eventTypes: ["payment.failed"] });
    expect(
      (await call(patchEndpoint, keyB, { method: "PATCH", params: { id: ep.id }, body: { url: "http://10.1.1.1/" } }))
        .json.error.code,
    ).toBe("url_not_allowed");

    const rotated = await call(rotate, keyB, { params: { id: ep.id }, body: { overlapHours: 24 } });
    expect(rotated.status).toBe(200);
    expect(rotated.json.secret).not.toBe(ep.secret);
    expect(rotated.json.secretPrefix).not.toBe(ep.secretPrefix);
    expect(new Date(rotated.json.previousSecretExpiresAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    expect((await call(rotate, keyB, { params: { id: ep.id } })).status).toBe(200);

    const sent = await call(sendTest, keyB, { headers: { "idempotency-key": "test-click-1" } });
    expect(sent.status).toBe(202);
    expect(sent.json).toMatchObject({ deliveries: 1 });
    expect((await call(sendTest, keyB, { headers: { "idempotency-key": "test-click-1" } })).json).toEqual({
      ...sent.json,
      deliveries: 0,
    });
    const log = await call(listDeliveries, keyB, {
      method: "GET",
      path: "/api/v1/callbacks/deliveries?status=PENDING&limit=10",
    });
    expect(log.json.data).toHaveLength(1);
    expect(log.json.data[0]).toMatchObject({
      eventId: sent.json.eventId,
      eventType: "payment.succeeded",
      status: "PENDING",
      endpointId: ep.id,
    });
    expect(log.json.data[0]).not.toHaveProperty("payload");
    expect(
      (await call(listDeliveries, keyB, { method: "GET", path: "/api/v1/callbacks/deliveries?status=NOPE" })).status,
    ).toBe(422);

    const delivery = log.json.data[0];
    await db().prisma.callbackDelivery.update({ where: { id: delivery.id }, data: { status: "FAILED", attempts: 9 } });
    const again = await call(redeliverRoute, keyB, { params: { id: delivery.id } });
    expect(again.status).toBe(202);
    expect(again.json).toMatchObject({ id: delivery.id, eventId: sent.json.eventId, status: "PENDING", attempts: 9 });

    await db().prisma.callbackDelivery.update({ where: { id: delivery.id }, data: { status: "SUCCEEDED" } });
    const replayed = await call(replay, keyB, { body: { since: new Date(Date.now() - 3_600_000).toISOString() } });
    expect(replayed.json).toEqual({ replayed: 1 });
    expect((await call(replay, keyB, { body: { since: "yesterday" } })).status).toBe(422);

    const disabled = await call(patchEndpoint, keyB, {
      method: "PATCH",
      params: { id: ep.id },
      body: { enabled: false },
    });
    expect(disabled.json).toMatchObject({ enabled: false, disabledReason: "manual" });
    expect((await db().prisma.callbackDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).status).toBe(
      "CANCELED",
    );
    expect((await call(sendTest, keyB)).status).toBe(409);
    const enabled = await call(patchEndpoint, keyB, {
      method: "PATCH",
      params: { id: ep.id },
      body: { enabled: true },
    });
    expect(enabled.json).toMatchObject({ enabled: true, disabledReason: null, consecutiveFailures: 0 });

    const actions = (await db().prisma.auditLog.findMany({ where: { targetId: ep.id }, orderBy: { id: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual([
      "callback_endpoint.created",
      "callback_endpoint.updated",
      "callback_endpoint.secret_rotated",
      "callback_endpoint.secret_rotated",
      "callback_endpoint.updated",
      "callback_endpoint.updated",
    ]);
    const removed = await call(deleteEndpoint, keyB, { method: "DELETE", params: { id: ep.id } });
    expect(removed.json).toEqual({ id: ep.id, deleted: true });
    expect(await db().prisma.callbackDelivery.count({ where: { endpointId: ep.id } })).toBe(0);
  });

  it("answers 404 for another store's endpoint or delivery and never lists them", async () => {
    const { json: ep } = await call(createEndpoint, keyA, { body: { url: "http://127.0.0.1:4012/mine" } });
    const sent = await call(sendTest, keyA, { body: { endpointId: ep.id } });
    const [delivery] = (await call(listDeliveries, keyA, { method: "GET", path: "/api/v1/callbacks/deliveries" })).json
      .data;
    const attempts = [
      await call(patchEndpoint, keyB, { method: "PATCH", params: { id: ep.id }, body: { enabled: false } }),
      await call(rotate, keyB, { params: { id: ep.id } }),
      await call(deleteEndpoint, keyB, { method: "DELETE", params: { id: ep.id } }),
      await call(sendTest, keyB, { body: { endpointId: ep.id } }),
      await call(redeliverRoute, keyB, { params: { id: delivery.id } }),
      // Filters naming the endpoint too: a 404 like every other route, not an empty 2xx.
      await call(replay, keyB, { body: { since: new Date(0).toISOString(), endpointId: ep.id } }),
      await call(listDeliveries, keyB, { method: "GET", path: `/api/v1/callbacks/deliveries?endpointId=${ep.id}` }),
    ];
    for (const res of attempts) expect(res.json.error?.code, JSON.stringify(res.json)).toBe("not_found");
    expect(JSON.stringify((await call(listEndpoints, keyB, { method: "GET" })).json)).not.toContain(ep.id);
    expect(
      JSON.stringify((await call(listDeliveries, keyB, { method: "GET", path: "/api/v1/callbacks/deliveries" })).json),
    ).not.toContain(sent.json.eventId);
    expect(await db().prisma.callbackEndpoint.findUniqueOrThrow({ where: { id: ep.id } })).toMatchObject({
      enabled: true,
      storeId: storeA.id,
    });
    expect((await call(listEndpoints, "vt_sk_nope", { method: "GET" })).status).toBe(401);
  });
});
