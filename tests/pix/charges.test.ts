// Creating PIX charges through the real route with a store API key: amounts, minimums, failover
// across active gateways with one attempt row per try, idempotency, and the buyer's public view.
import { parsePix } from "pix-utils";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";
import { isValidBrCode, parseBrCode } from "@/lib/pix/brcode";
import { clearTokenCache } from "@/lib/pix/token-cache";
import { GET as listCharges, POST as createCharge } from "@/app/api/v1/pix/charges/route";
import { GET as getCharge } from "@/app/api/v1/pix/charges/[id]/route";
import { POST as confirmCharge } from "@/app/api/v1/pix/charges/[id]/confirm/route";
import { GET as publicStatus } from "@/app/api/pix/charges/[id]/route";
import { getPublicPixCharge } from "@/lib/pix/service/charges";
import { addGateway, BUYER, callRoute, passReadBudget, pixSeller, usePixSimulator, type PixSeller } from "./support";

const body = (amountCentavos: number, extra: Record<string, unknown> = {}) => ({
  amountCentavos,
  description: "Pedido 1001 — camiseta",
  orderId: "1001",
  customer: BUYER,
  ...extra,
});

describe("PIX charges", () => {
  const { db } = useTestDatabase();
  const pix = usePixSimulator();
  let a: PixSeller, empty: PixSeller;
  beforeAll(async () => {
    a = await pixSeller("chg-a");
    empty = await pixSeller("chg-empty");
  });
  beforeEach(() => {
    process.env.RATE_LIMIT_CHECKOUT = "10000/minute";
    resetRateLimiters();
    clearTokenCache();
  });

  it("needs an active gateway (422 no_active_gateway) and writes nothing", async () => {
    const res = await callRoute(createCharge, { apiKey: empty.apiKey, body: body(1990) });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("no_active_gateway");
    expect(await db().prisma.pixCharge.count({ where: { storeId: empty.store.id } })).toBe(0);
  });

  it("creates a charge at the first active gateway: BR Code with the amount, QR image, pay URL, webhook URL given to the gateway", async () => {
    const config = await addGateway(a, "pushinpay");
    const res = await callRoute(createCharge, { apiKey: a.apiKey, body: body(1990) });
    expect(res.status).toBe(201);
    const c = res.json.charge;
    expect(c).toMatchObject({ status: "pending", amountCentavos: 1990, gateway: "pushinpay", orderId: "1001" });
    expect(c.payUrl).toBe(`${pix.front()}/pay/pix/${c.id}`);
    expect(c.qrPngDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(parsePix(c.brCode)).toBeTruthy();
    expect(isValidBrCode(c.brCode)).toBe(true);
    expect(new Date(c.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const simCharge = pix.sim().charges("pushinpay").at(-1)!;
    expect((simCharge.received.body as Record<string, unknown>).value).toBe(1990);
    expect(simCharge.webhookUrl).toBe(config.webhookUrl);
    const row = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: c.id }, include: { attempts: true } });
    expect(row.attempts).toHaveLength(1);
    expect(row.attempts[0]).toMatchObject({ ok: true, gateway: "pushinpay", gatewayConfigId: config.id });
    expect(row.customer).toMatchObject({ document: "12345678909" });
    expect(row.nextCheckAt!.getTime() - row.createdAt.getTime()).toBe(2 * 60_000);
  });

  it("validates amounts with clear 4xx codes and writes nothing: zero, negative, fractional, below the gateway minimum", async () => {
    const before = await db().prisma.pixCharge.count();
    for (const amount of [0, -100, 19.9, "1990"]) {
      const res = await callRoute(createCharge, { apiKey: a.apiKey, body: body(amount as number) });
      expect(res.status).toBe(422);
      expect(res.json.error).toMatchObject({ code: "validation_failed", param: "amountCentavos" });
    }
    const small = await callRoute(createCharge, { apiKey: a.apiKey, body: body(49) });
    expect(small.status).toBe(422);
    expect(small.json.error).toMatchObject({ code: "amount_below_minimum", param: "amountCentavos" });
    expect(small.json.error.message).toContain("0,50");
    expect(await db().prisma.pixCharge.count()).toBe(before);
  });

  it("keeps the buyer's language an API caller sends (for the receipt), and refuses one we don't write in", async () => {
    const en = await callRoute(createCharge, { apiKey: a.apiKey, body: body(3100, { buyerLocale: "en" }) });
    expect(en.status).toBe(201);
    const unsaid = await callRoute(createCharge, { apiKey: a.apiKey, body: body(3200) });
    expect(unsaid.status).toBe(201);
    const rows = await db().prisma.pixCharge.findMany({
      where: { id: { in: [en.json.charge.id, unsaid.json.charge.id] } },
    });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.buyerLocale]))).toEqual({
      [en.json.charge.id]: "en",
      [unsaid.json.charge.id]: null,
    });
    const before = await db().prisma.pixCharge.count();
    const fr = await callRoute(createCharge, { apiKey: a.apiKey, body: body(3300, { buyerLocale: "fr" }) });
    expect(fr.status).toBe(422);
    expect(fr.json.error).toMatchObject({ code: "validation_failed", param: "buyerLocale" });
    expect(await db().prisma.pixCharge.count()).toBe(before);
  });

  it("gives every charge its own reference and answers a repeated Idempotency-Key with the same charge", async () => {
    const headers = { "idempotency-key": "order-1002-try" };
    const first = await callRoute(createCharge, { apiKey: a.apiKey, body: body(2500), headers });
    const again = await callRoute(createCharge, { apiKey: a.apiKey, body: body(2500), headers });
    expect(again.json.charge.id).toBe(first.json.charge.id);
    const other = await callRoute(createCharge, { apiKey: a.apiKey, body: body(2500) });
    expect(other.json.charge.reference).not.toBe(first.json.charge.reference);
    const conflict = await callRoute(createCharge, { apiKey: a.apiKey, body: body(2600), headers });
    expect(conflict.status).toBe(409);
    expect(conflict.json.error.code).toBe("idempotency_conflict");
    expect(await db().prisma.pixCharge.count({ where: { idempotencyKey: "order-1002-try" } })).toBe(1);
  });

  it("answers a same-key request that arrives while the first is still at the gateway with 409 request_in_progress, then the charge", async () => {
    const headers = { "idempotency-key": "order-1003-race" };
    const [x, y] = await Promise.all([
      callRoute(createCharge, { apiKey: a.apiKey, body: body(2700), headers }),
      callRoute(createCharge, { apiKey: a.apiKey, body: body(2700), headers }),
    ]);
    const statuses = [x.status, y.status].sort();
    // Either the second saw the finished charge (201 twice, same id) or it was told to retry: never a charge without its code.
    for (const r of [x, y]) {
      if (r.status === 201) expect(r.json.charge.brCode).toMatch(/^000201/);
      else expect(r.json.error.code).toBe("request_in_progress");
    }
    expect(statuses).toContain(201);
    const retry = await callRoute(createCharge, { apiKey: a.apiKey, body: body(2700), headers });
    expect(retry.status).toBe(201);
    expect(retry.json.charge.brCode).toMatch(/^000201/);
    expect(await db().prisma.pixCharge.count({ where: { idempotencyKey: "order-1003-race" } })).toBe(1);
  });

  it("fails over: the first gateway is down, the next active one creates the charge, both tries are recorded", async () => {
    const seller = await pixSeller("chg-failover");
    const first = await addGateway(seller, "syncpay");
    const second = await addGateway(seller, "wiinpay");
    pix.sim().setOutage("syncpay", true);
    try {
      const res = await callRoute(createCharge, { apiKey: seller.apiKey, body: body(1990) });
      expect(res.status).toBe(201);
      expect(res.json.charge.gateway).toBe("wiinpay");
      const detail = await callRoute(getCharge, { apiKey: seller.apiKey, params: { id: res.json.charge.id } });
      expect(
        detail.json.charge.attempts.map((t: { gateway: string; ok: boolean; errorCode: string | null }) => [
          t.gateway,
          t.ok,
          t.errorCode,
        ]),
      ).toEqual([
        ["syncpay", false, "gateway_unavailable"],
        ["wiinpay", true, null],
      ]);
      const failed = await db().prisma.pixGatewayConfig.findUniqueOrThrow({ where: { id: first.id } });
      expect(failed.lastError).toMatch(/create charge/);
      expect((await db().prisma.pixGatewayConfig.findUniqueOrThrow({ where: { id: second.id } })).lastError).toBeNull();
      // WiinPay's R$ 3,00 minimum leaves only SyncPay for R$ 1,00, which is down.
      const none = await callRoute(createCharge, { apiKey: seller.apiKey, body: body(100) });
      expect(none.status).toBe(502);
      expect(none.json.error.code).toBe("all_gateways_failed");
      const record = await db().prisma.pixCharge.findFirstOrThrow({
        where: { storeId: seller.store.id, amountCentavos: 100 },
        include: { attempts: true },
      });
      expect(record).toMatchObject({ status: "failed", failureCode: "all_gateways_failed" });
      expect(record.attempts).toHaveLength(1);
    } finally {
      pix.sim().setOutage("syncpay", false);
    }
  });

  it("shows the buyer only what the payment page needs, and the public status route polls it", async () => {
    const created = (await callRoute(createCharge, { apiKey: a.apiKey, body: body(3100) })).json.charge;
    const view = await getPublicPixCharge(created.id);
    expect(view).toMatchObject({
      id: created.id,
      status: "pending",
      amountCentavos: 3100,
      storeName: "Loja chg-a",
      brCode: created.brCode,
      gateway: "pushinpay",
    });
    expect(JSON.stringify(view)).not.toMatch(/maria|12345678909|transactionId|reference/i);
    const res = await callRoute(publicStatus, { params: { id: created.id } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: created.id, status: "pending", amountCentavos: 3100 });
    expect((await callRoute(publicStatus, { params: { id: "nope" } })).status).toBe(404);
    // Paid at the gateway while the webhook is lost: the buyer's polling re-reads and flips to paid.
    // (A minute later: in its first interval the buyer's polling leaves the gateway to the webhook.)
    await passReadBudget(created.id, pix.sim());
    await db().prisma.pixCharge.update({
      where: { id: created.id },
      data: { createdAt: new Date(Date.now() - 120_000) },
    });
    const row = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: created.id } });
    const sim = pix.sim().charge("pushinpay", row.transactionId!)!;
    sim.webhookUrl = undefined;
    await pix.sim().markPaid("pushinpay", sim.id);
    const polled = await callRoute(publicStatus, { params: { id: created.id } });
    expect(polled.json.status).toBe("paid");
  });

  it("lists the store's charges and hides other stores' charges (404)", async () => {
    const list = await callRoute(listCharges, { apiKey: a.apiKey, path: "/api/v1/pix/charges?limit=2" });
    expect(list.json.data).toHaveLength(2);
    expect(list.json.nextCursor).toBeTruthy();
    const id = list.json.data[0].id;
    expect((await callRoute(getCharge, { apiKey: empty.apiKey, params: { id } })).status).toBe(404);
  });

  it("direct key: a static BR Code with amount and our txid, confirmed by the seller by hand", async () => {
    const seller = await pixSeller("chg-direct");
    await addGateway(seller, "direct_key");
    const created = (await callRoute(createCharge, { apiKey: seller.apiKey, body: body(4590) })).json.charge;
    const parsed = parseBrCode(created.brCode);
    expect(parsed).toMatchObject({ type: "static", amountCentavos: 4590, txid: created.reference.slice(0, 25) });
    const confirmed = await callRoute(confirmCharge, { cookie: seller.cookie, params: { id: created.id } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json.charge).toMatchObject({ status: "paid", paidAmountCentavos: 4590 });
    expect((await callRoute(confirmCharge, { cookie: seller.cookie, params: { id: created.id } })).status).toBe(409);
    const pushCharge = (await callRoute(createCharge, { apiKey: a.apiKey, body: body(1000) })).json.charge;
    expect((await callRoute(confirmCharge, { cookie: a.cookie, params: { id: pushCharge.id } })).status).toBe(409);
    const audit = await db().prisma.auditLog.findFirstOrThrow({
      where: { action: "pix_charge.paid", targetId: created.id },
    });
    expect(audit.actorId).toBe(seller.user.id);
  });
});
