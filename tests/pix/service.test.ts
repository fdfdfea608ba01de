// Gateway configurations through the real routes: credentials encrypted at rest and only ever
// returned masked, live verification against the simulator, ordering, activation, tenancy.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";
import { decryptJson } from "@/lib/crypto/encryption";
import { GET as listTypes } from "@/app/api/v1/pix/gateways/route";
import { GET as listConfigs, POST as createConfig } from "@/app/api/v1/pix/configs/route";
import { DELETE as deleteConfig, PATCH as patchConfig } from "@/app/api/v1/pix/configs/[id]/route";
import { POST as verifyConfig } from "@/app/api/v1/pix/configs/[id]/verify/route";
import { POST as reorder } from "@/app/api/v1/pix/configs/reorder/route";
import { callRoute, FIXTURES, pixSeller, usePixSimulator, type PixSeller } from "./support";
import { SIMULATOR_CREDENTIALS } from "@/sandbox/pix/index";

describe("PIX gateway configurations", () => {
  const { db } = useTestDatabase();
  const pix = usePixSimulator();
  let a: PixSeller, b: PixSeller;
  beforeAll(async () => {
    a = await pixSeller("cfg-a");
    b = await pixSeller("cfg-b");
  });
  beforeEach(() => {
    resetRateLimiters();
  });

  it("lists every gateway type with its credential fields (session only; an API key is refused)", async () => {
    const res = await callRoute(listTypes, { cookie: a.cookie });
    expect(res.status).toBe(200);
    expect(res.json.data.map((t: { id: string }) => t.id)).toEqual(
      expect.arrayContaining(["pushinpay", "syncpay", "bcb", "direct_key"]),
    );
    const push = res.json.data.find((t: { id: string }) => t.id === "pushinpay");
    expect(push).toMatchObject({ minimumCentavos: 50, amountUnit: "centavos", capabilities: { statusQuery: true } });
    expect(push.fields[0]).toMatchObject({ name: "token", secret: true });
    expect((await callRoute(listConfigs, { apiKey: a.apiKey })).status).toBe(401);
  });

  it("saves credentials encrypted (the column never holds the secret) and answers masked, also when listed", async () => {
    const secret = SIMULATOR_CREDENTIALS.pushinpay.token;
    const res = await callRoute(createConfig, {
      cookie: a.cookie,
      body: { gateway: "pushinpay", label: "PushinPay principal", credentials: { token: secret } },
    });
    expect(res.status).toBe(201);
    expect(res.json.config).toMatchObject({
      gateway: "pushinpay",
      label: "PushinPay principal",
      active: false,
      maskedCredentials: { token: `••••${secret.slice(-4)}` },
    });
    expect(res.json.config.webhookUrl).toMatch(
      new RegExp(`^${pix.front().replace(/[.:/]/g, "\\$&")}/api/webhooks/pix/pushinpay/[A-Za-z0-9_-]{32}$`),
    );
    expect(res.text).not.toContain(secret);
    const row = await db().prisma.pixGatewayConfig.findUniqueOrThrow({ where: { id: res.json.config.id } });
    expect(row.credentials).not.toContain(secret);
    expect(row.credentials).not.toContain(Buffer.from(secret).toString("base64"));
    expect(row.credentials.split(".")[1]).toBe(row.credentialsKeyId);
    expect(decryptJson(row.credentials, { context: `pixgw:${row.id}` })).toEqual({ token: secret });
    // Bound to its row: the same ciphertext under another id does not open.
    expect(() => decryptJson(row.credentials, { context: "pixgw:someone-else" })).toThrow();
    const listed = await callRoute(listConfigs, { cookie: a.cookie });
    expect(listed.text).not.toContain(secret);
    expect(listed.json.data).toHaveLength(1);
    expect(listed.json.data[0].stats).toEqual({ total: 0, paid: 0, conversion: 0, paidCentavos: 0 });
    const entry = await db().prisma.auditLog.findFirstOrThrow({
      where: { action: "pix_gateway.created", targetId: row.id },
    });
    expect(JSON.stringify([entry.before, entry.after])).not.toContain(secret);
  });

  it("refuses unknown gateways and incomplete credentials with 422 and writes nothing", async () => {
    const before = await db().prisma.pixGatewayConfig.count();
    const unknown = await callRoute(createConfig, { cookie: a.cookie, body: { gateway: "paypal", credentials: {} } });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error).toMatchObject({ code: "validation_failed", param: "gateway" });
    const missing = await callRoute(createConfig, {
      cookie: a.cookie,
      body: { gateway: "syncpay", credentials: { client_id: "x" } },
    });
    expect(missing.status).toBe(422);
    expect(missing.json.error.param).toBe("credentials.client_secret");
    const badKey = await callRoute(createConfig, {
      cookie: a.cookie,
      body: {
        gateway: "direct_key",
        credentials: { pix_key: "not a key", merchant_name: "Loja", merchant_city: "Recife" },
      },
    });
    expect(badKey.status).toBe(422);
    expect(await db().prisma.pixGatewayConfig.count()).toBe(before);
  });

  it("verifies with a live call: good credentials pass, rotated-away ones fail with the error kept on the config", async () => {
    const created = await callRoute(createConfig, {
      cookie: a.cookie,
      body: { gateway: "syncpay", credentials: SIMULATOR_CREDENTIALS.syncpay },
    });
    const id = created.json.config.id;
    const ok = await callRoute(verifyConfig, { cookie: a.cookie, params: { id } });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ ok: true, config: { lastVerifyOk: true } });
    const tokensBefore = pix.sim().tokensIssued("syncpay");
    expect(tokensBefore).toBeGreaterThan(0);

    // The seller edits the secret to a wrong one (blank fields keep stored values, so only the secret changes).
    const patched = await callRoute(patchConfig, {
      cookie: a.cookie,
      method: "PATCH",
      params: { id },
      body: {
        credentials: { client_id: SIMULATOR_CREDENTIALS.syncpay.client_id, client_secret: "wrong-secret-123456" },
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.json.config.lastVerifyOk).toBeNull();
    const bad = await callRoute(verifyConfig, { cookie: a.cookie, params: { id } });
    expect(bad.json.ok).toBe(false);
    expect(bad.json.error).toMatch(/refused/i);
    expect(bad.json.error).not.toContain("wrong-secret-123456");
    const row = await db().prisma.pixGatewayConfig.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ lastVerifyOk: false });
    expect(row.lastError).toBeTruthy();
    expect(row.lastErrorAt).toBeInstanceOf(Date);

    // Editing only the label with the secret left blank keeps the stored secret.
    await callRoute(patchConfig, {
      cookie: a.cookie,
      method: "PATCH",
      params: { id },
      body: {
        label: "SyncPay",
        credentials: { client_id: SIMULATOR_CREDENTIALS.syncpay.client_id, client_secret: "" },
      },
    });
    const kept = await db().prisma.pixGatewayConfig.findUniqueOrThrow({ where: { id } });
    expect(decryptJson(kept.credentials, { context: `pixgw:${id}` })).toMatchObject({
      client_secret: "wrong-secret-123456",
    });
  });

  it("activates, reorders by priority and deletes an unused config", async () => {
    const list = (await callRoute(listConfigs, { cookie: a.cookie })).json.data as Array<{
      id: string;
      priority: number;
    }>;
    const ids = list.map((c) => c.id);
    // Not chargeable before a successful verification: activation is refused and says why.
    const early = await callRoute(patchConfig, {
      cookie: a.cookie,
      method: "PATCH",
      params: { id: ids[0]! },
      body: { active: true },
    });
    expect(early.status).toBe(409);
    expect(early.json.error).toMatchObject({
      code: "conflict",
      param: "active",
      message: expect.stringMatching(/Verify this gateway's credentials before activating it/),
    });
    expect((await callRoute(verifyConfig, { cookie: a.cookie, params: { id: ids[0]! } })).json.ok).toBe(true);
    const on = await callRoute(patchConfig, {
      cookie: a.cookie,
      method: "PATCH",
      params: { id: ids[0]! },
      body: { active: true },
    });
    expect(on.json.config).toMatchObject({ active: true, lastVerifyOk: true, chargeable: true });
    const reordered = await callRoute(reorder, { cookie: a.cookie, body: { ids: [...ids].reverse() } });
    expect(reordered.status).toBe(200);
    expect(reordered.json.data.map((c: { id: string }) => c.id)).toEqual([...ids].reverse());
    expect(reordered.json.data.map((c: { priority: number }) => c.priority)).toEqual([0, 1]);
    const extra = await callRoute(createConfig, {
      cookie: a.cookie,
      body: { gateway: "direct_key", credentials: FIXTURES.direct_key.credentials },
    });
    expect(extra.json.config.webhookUrl).toBeNull();
    const gone = await callRoute(deleteConfig, {
      cookie: a.cookie,
      method: "DELETE",
      params: { id: extra.json.config.id },
    });
    expect(gone.json).toEqual({ id: extra.json.config.id, deleted: true });
  });

  it("never lets another store read, change, verify, reorder or delete a config (404)", async () => {
    const mine = (await callRoute(listConfigs, { cookie: a.cookie })).json.data.find(
      (c: { active: boolean }) => c.active,
    ).id as string;
    expect(
      (
        await callRoute(patchConfig, {
          cookie: b.cookie,
          method: "PATCH",
          params: { id: mine },
          body: { active: false },
        })
      ).status,
    ).toBe(404);
    expect((await callRoute(verifyConfig, { cookie: b.cookie, params: { id: mine } })).status).toBe(404);
    expect((await callRoute(deleteConfig, { cookie: b.cookie, method: "DELETE", params: { id: mine } })).status).toBe(
      404,
    );
    expect((await callRoute(reorder, { cookie: b.cookie, body: { ids: [mine] } })).status).toBe(404);
    expect((await callRoute(listConfigs, { cookie: b.cookie })).json.data).toEqual([]);
    expect((await db().prisma.pixGatewayConfig.findUniqueOrThrow({ where: { id: mine } })).active).toBe(true);
  });

  it("validates split settings against the gateway's own limits before saving them", async () => {
    const push = await callRoute(createConfig, {
      cookie: b.cookie,
      body: {
        gateway: "pushinpay",
        credentials: FIXTURES.pushinpay.credentials,
        split: [
          { recipientId: "acc_1", percentage: 30 },
          { recipientId: "acc_2", percentage: 21 },
        ],
      },
    });
    expect(push.status).toBe(422);
    expect(push.json.error).toMatchObject({ param: "split", message: expect.stringMatching(/51 %.*50 %/) });
    const ok = await callRoute(createConfig, {
      cookie: b.cookie,
      body: {
        gateway: "pushinpay",
        credentials: FIXTURES.pushinpay.credentials,
        split: [{ recipientId: "acc_1", percentage: 30 }],
      },
    });
    expect(ok.status).toBe(201);
    expect(ok.json.config.split).toEqual([{ recipientId: "acc_1", percentage: 30 }]);
    const sync = await callRoute(createConfig, {
      cookie: b.cookie,
      body: {
        gateway: "syncpay",
        credentials: FIXTURES.syncpay.credentials,
        split: ["a", "b", "c", "d"].map((r) => ({ recipientId: r, percentage: 5 })),
      },
    });
    expect(sync.json.error.message).toMatch(/at most 3 recipients/);
    const noSplit = await callRoute(createConfig, {
      cookie: b.cookie,
      body: {
        gateway: "paradise",
        credentials: FIXTURES.paradise.credentials,
        split: [{ recipientId: "x", percentage: 5 }],
      },
    });
    expect(noSplit.json.error.message).toMatch(/does not take split payments/);
    const edited = await callRoute(patchConfig, {
      cookie: b.cookie,
      method: "PATCH",
      params: { id: ok.json.config.id },
      body: { split: [] },
    });
    expect(edited.json.config.split).toEqual([]);
    await callRoute(deleteConfig, { cookie: b.cookie, method: "DELETE", params: { id: ok.json.config.id } });
  });

  it("registers the BCB webhook at the PSP when a BCB config is verified", async () => {
    const created = await callRoute(createConfig, {
      cookie: b.cookie,
      body: { gateway: "bcb", credentials: FIXTURES.bcb.credentials },
    });
    const res = await callRoute(verifyConfig, { cookie: b.cookie, params: { id: created.json.config.id } });
    expect(res.json.ok).toBe(true);
    expect(pix.sim().bcbWebhook(SIMULATOR_CREDENTIALS.bcb.pix_key)).toBe(created.json.config.webhookUrl);
  });
});
