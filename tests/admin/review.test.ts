// The admin review views: PIX webhook deliveries across stores (outcomes, matched charge, body
// masked) and each tenant's money picture (credits, PIX gateways, PIX paid in the last 30 days).
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { sellerWithStore, type Seller } from "../support/seller";
import { listPixWebhookEvents, pixWebhookHealth, PixWebhooksQuery } from "@/lib/admin/webhooks";
import { listTenantOverview, platformMoneyTotals, tenantMoney } from "@/lib/admin/tenants";
import { redactWebhookBody } from "@/lib/admin/webhook-body";

const NOW = new Date("2026-11-22T12:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("admin review of tenants and PIX webhooks", () => {
  const { db } = useTestDatabase();
  let a: Seller, b: Seller, c: Seller;
  let chargeId: string;

  async function gateway(storeId: string, active: boolean, label: string) {
    return db().prisma.pixGatewayConfig.create({
      data: {
        storeId,
        gateway: "pushinpay",
        label,
        credentials: "v1:enc:not-shown",
        credentialsKeyId: "k1",
        active,
        endpointToken: `tok_${Math.random().toString(36).slice(2)}_0123456789`,
      },
    });
  }
  async function charge(
    storeId: string,
    gatewayConfigId: string,
    amount: number,
    paidAt: Date | null,
    reference: string,
  ) {
    return db().prisma.pixCharge.create({
      data: {
        storeId,
        gatewayConfigId,
        gateway: "pushinpay",
        reference,
        amountCentavos: amount,
        description: "Pedido",
        status: paidAt ? "paid" : "pending",
        paidAt,
        paidAmountCentavos: paidAt ? amount : null,
        createdAt: paidAt ?? NOW,
      },
    });
  }

  beforeAll(async () => {
    a = await sellerWithStore({ storeName: "Loja A" });
    b = await sellerWithStore({ storeName: "Loja B" });
    c = await sellerWithStore({ storeName: "Loja C" });
    const p = db().prisma;
    const a1 = await gateway(a.store.id, true, "PushinPay principal");
    await gateway(a.store.id, false, "PushinPay reserva");
    const b1 = await gateway(b.store.id, true, "PushinPay B");
    // A: two paid within 30 days (one refunded later still counts), one paid 31 days ago, one pending.
    const paid = await charge(a.store.id, a1.id, 2590, ago(2 * DAY), "ref_a_paid_1");
    chargeId = paid.id;
    const refunded = await charge(a.store.id, a1.id, 1000, ago(10 * DAY), "ref_a_paid_2");
    await p.pixCharge.update({ where: { id: refunded.id }, data: { status: "refunded", refundedCentavos: 1000 } });
    await charge(a.store.id, a1.id, 9999, ago(31 * DAY), "ref_a_old");
    await charge(a.store.id, a1.id, 500, null, "ref_a_pending");
    await charge(b.store.id, b1.id, 700, ago(1 * DAY), "ref_b_paid");
    await p.creditBalance.create({ data: { storeId: a.store.id, balance: 1200, held: 300 } });
    await p.creditBalance.create({ data: { storeId: b.store.id, balance: 50 } });

    const ev = (
      storeId: string,
      gatewayConfigId: string,
      outcome: string,
      createdAt: Date,
      extra: Record<string, unknown> = {},
    ) =>
      p.pixWebhookEvent.create({
        data: {
          storeId,
          gatewayConfigId,
          gateway: "pushinpay",
          body: "id=x&status=paid&value=100",
          contentType: "application/x-www-form-urlencoded",
          outcome,
          detail: `${outcome} detail`,
          createdAt,
          ...extra,
        },
      });
    await ev(a.store.id, a1.id, "accepted", ago(1 * HOUR), {
      matchedChargeId: paid.id,
      matchedBy: "transactionId",
      body: "id=tx1&status=paid&value=2590&payer_name=Maria&payer_national_registration=12345678909&api_token=sk_live_secret",
    });
    await ev(a.store.id, a1.id, "unmatched", ago(2 * HOUR));
    await ev(b.store.id, b1.id, "rejected", ago(3 * HOUR), {
      body: JSON.stringify({ token: "abc-secret", customer: { email: "x@y.z", document: "123" }, amount: 700 }),
      contentType: "application/json",
    });
    await ev(b.store.id, b1.id, "error", ago(4 * HOUR));
    await ev(b.store.id, b1.id, "accepted", ago(30 * HOUR));
  });

  it("lists PIX deliveries newest first with store, configuration, outcome and matched charge", async () => {
    const rows = await listPixWebhookEvents();
    expect(rows.map((r) => r.outcome)).toEqual(["accepted", "unmatched", "rejected", "error", "accepted"]);
    const first = rows[0]!;
    expect(first).toMatchObject({
      store: { id: a.store.id, name: "Loja A" },
      gateway: "pushinpay",
      configLabel: "PushinPay principal",
      matchedBy: "transactionId",
      charge: { id: chargeId, reference: "ref_a_paid_1", amountCentavos: 2590, status: "paid" },
      detail: "accepted detail",
    });
    expect(rows[1]!.charge).toBeNull();
    expect((await listPixWebhookEvents({ outcome: "rejected" })).map((r) => r.store.name)).toEqual(["Loja B"]);
  });

  it("never hands the body's secrets or the payer's document to the admin view", async () => {
    const rows = await listPixWebhookEvents();
    const all = JSON.stringify(rows);
    for (const secret of ["sk_live_secret", "12345678909", "abc-secret", "x@y.z", "v1:enc:not-shown"])
      expect(all).not.toContain(secret);
    expect(rows[0]!.bodyPreview).toContain("status=paid");
    expect(rows[0]!.bodyPreview).toContain("payer_name=Maria");
    expect(rows[0]!).not.toHaveProperty("body");
    expect(rows[2]!.bodyPreview).toContain('"amount": 700');
  });

  it("counts outcomes over the last 24 hours only", async () => {
    expect(await pixWebhookHealth(NOW)).toEqual({
      accepted: 1,
      ignored: 0,
      unmatched: 1,
      rejected: 1,
      error: 1,
      total: 4,
    });
    expect((await pixWebhookHealth(NOW, 48)).accepted).toBe(2);
  });

  it("gives each tenant its credit balance and PIX picture", async () => {
    const money = await tenantMoney([a.store.id, b.store.id, c.store.id], NOW);
    expect(money.get(a.store.id)).toEqual({
      credits: { balance: 1200, held: 300 },
      pix: { activeGateways: 1, gateways: 2, paidCount: 2, paidCentavos: 3590 },
    });
    expect(money.get(b.store.id)).toEqual({
      credits: { balance: 50, held: 0 },
      pix: { activeGateways: 1, gateways: 1, paidCount: 1, paidCentavos: 700 },
    });
    expect(money.get(c.store.id)).toEqual({
      credits: null,
      pix: { activeGateways: 0, gateways: 0, paidCount: 0, paidCentavos: 0 },
    });

    const overview = await listTenantOverview(100, NOW);
    expect(overview.find((s) => s.id === a.store.id)).toMatchObject({
      name: "Loja A",
      money: { credits: { balance: 1200 } },
    });
    expect(await platformMoneyTotals(NOW)).toEqual({
      creditsOutstanding: 1250,
      creditsHeld: 300,
      pixPaidCount: 3,
      pixPaidCentavos: 4290,
    });
  });
});

describe("PixWebhooksQuery", () => {
  it("reads the tab and outcome from the URL and falls back on anything else", () => {
    expect(PixWebhooksQuery.parse({ tab: "pix", outcome: "unmatched" })).toEqual({ tab: "pix", outcome: "unmatched" });
    expect(PixWebhooksQuery.parse({})).toEqual({ tab: "stripe", outcome: undefined });
    expect(PixWebhooksQuery.parse({ tab: "x", outcome: ["accepted", "error"] })).toEqual({
      tab: "stripe",
      outcome: undefined,
    });
  });
});

describe("redactWebhookBody", () => {
  it("masks secrets in nested JSON and PHP-style form keys, and PEM blocks anywhere", () => {
    const json = redactWebhookBody(
      JSON.stringify({
        status: "paid",
        producer: { hash: "ph_1" },
        pix: [{ txid: "t1", devedor: { cpf: "111" } }],
        note: "-----BEGIN PRIVATE KEY-----\nAAA\n-----END PRIVATE KEY-----",
      }),
      "application/json",
    )!;
    expect(json).toContain('"status": "paid"');
    expect(json).toContain('"txid": "t1"');
    for (const s of ["ph_1", "111", "AAA"]) expect(json).not.toContain(s);
    const form = redactWebhookBody(
      "status=paid&payer%5Bdocument%5D=999&x_api_key=k",
      "application/x-www-form-urlencoded",
    )!;
    expect(form).toBe("status=paid\npayer[document]=•••\nx_api_key=•••");
  });

  it("cuts long bodies and refuses to show what it cannot parse", () => {
    expect(
      redactWebhookBody(JSON.stringify({ note: "x".repeat(5000) }), "application/json")!.length,
    ).toBeLessThanOrEqual(601);
    expect(redactWebhookBody("<xml>secret</xml>", "text/xml")).toBeNull();
    expect(redactWebhookBody("{not json", "application/json")).toBeNull();
    expect(redactWebhookBody("", null)).toBeNull();
  });
});
