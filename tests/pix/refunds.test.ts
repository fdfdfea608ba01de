// Devoluções through the real route (BCB API Pix on the simulator): partial, the rest, over the
// limit, idempotent retries, not-paid and not-supported refusals, and the store's refund callbacks.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";
import { createEndpoint } from "@/lib/callbacks/endpoints";
import { createPixCharge } from "@/lib/pix/service/charges";
import { clearTokenCache } from "@/lib/pix/token-cache";
import { POST as refundRoute } from "@/app/api/v1/pix/charges/[id]/refunds/route";
import { GET as getCharge } from "@/app/api/v1/pix/charges/[id]/route";
import { addGateway, callRoute, pixSeller, usePixSimulator, BUYER, passReadBudget, type PixSeller } from "./support";

process.env.CALLBACK_ALLOWED_HOSTS = "127.0.0.1,localhost";

describe("PIX refunds", () => {
  const { db } = useTestDatabase();
  const pix = usePixSimulator();
  let bcb: PixSeller, push: PixSeller;
  beforeAll(async () => {
    bcb = await pixSeller("ref-bcb");
    push = await pixSeller("ref-push");
    await createEndpoint(bcb.store, { url: "http://127.0.0.1:9/payments/events/" }, bcb.audit);
    const config = await addGateway(bcb, "bcb");
    const { verifyGatewayConfig } = await import("@/lib/pix/service/configs");
    expect((await verifyGatewayConfig(bcb.store.id, bcb.audit, config.id)).ok).toBe(true);
    await addGateway(push, "pushinpay");
  });
  beforeEach(() => {
    process.env.RATE_LIMIT_WEBHOOK = "10000/minute";
    resetRateLimiters();
    clearTokenCache();
  });

  async function paidCharge(seller: PixSeller, gw: "bcb" | "pushinpay", amountCentavos: number) {
    const view = await createPixCharge(seller.store.id, seller.audit, {
      amountCentavos,
      description: "Pedido",
      orderId: `ref-${amountCentavos}`,
      customer: BUYER,
    });
    const row = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: view.id } });
    await pix.sim().markPaid(gw, row.transactionId!);
    const paid = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: view.id } });
    expect(paid.status).toBe("paid");
    return paid;
  }
  // Refunds here come seconds after the payment (in life, minutes or days): let each one's follow-up
  // status read happen instead of waiting out the gateway's read budget.
  const refund = async (seller: PixSeller, id: string, amountCentavos: number, key?: string) =>
    (await passReadBudget(id), callRoute)(refundRoute, {
      apiKey: seller.apiKey,
      params: { id },
      body: { amountCentavos, reason: "Cliente desistiu" },
      headers: key ? { "idempotency-key": key } : {},
    });
  const refundCallbacks = async (chargeId: string) =>
    (
      await db().prisma.callbackDelivery.findMany({
        where: { storeId: bcb.store.id, eventType: "payment.refunded" },
        orderBy: { createdAt: "asc" },
      })
    )
      .map((d) => (d.payload as { data: { pixChargeId: string; status: string; refundedAmount: number } }).data)
      .filter((d) => d.pixChargeId === chargeId);

  it("refunds part, refuses more than what is left, then refunds the rest: charge refunded, one callback per refund", async () => {
    const charge = await paidCharge(bcb, "bcb", 10_000);
    expect(charge.endToEndId).toBeTruthy();
    const first = await refund(bcb, charge.id, 3_000);
    expect(first.status).toBe(201);
    expect(first.json.refund).toMatchObject({ amountCentavos: 3_000, status: "refunded" });
    expect(first.json.charge).toMatchObject({
      status: "paid",
      refundedCentavos: 3_000,
      refundableCentavos: 7_000,
      canRefund: true,
    });
    const simRefunds = pix.sim().charge("bcb", charge.transactionId!)!.refunds;
    expect(simRefunds.map((r) => r.amountCentavos)).toEqual([3_000]);

    const over = await refund(bcb, charge.id, 7_001);
    expect(over.status).toBe(422);
    expect(over.json.error).toMatchObject({ code: "refund_exceeds_paid", param: "amountCentavos" });
    expect(over.json.error.message).toContain("70,00");
    expect(await db().prisma.pixRefund.count({ where: { chargeId: charge.id } })).toBe(1);

    const rest = await refund(bcb, charge.id, 7_000);
    expect(rest.json.refund.status).toBe("refunded");
    expect(rest.json.charge).toMatchObject({ status: "refunded", refundedCentavos: 10_000, canRefund: false });
    expect(await refundCallbacks(charge.id)).toEqual([
      expect.objectContaining({ status: "partially_refunded", refundedAmount: 3_000 }),
      expect.objectContaining({ status: "refunded", refundedAmount: 10_000 }),
    ]);
    expect((await refund(bcb, charge.id, 1)).status).toBe(409);
    expect(await db().prisma.auditLog.count({ where: { targetId: charge.id, action: "pix_charge.refunded" } })).toBe(1);
  });

  it("is idempotent: the same Idempotency-Key is one refund at the gateway; another amount under it is a 409", async () => {
    const charge = await paidCharge(bcb, "bcb", 5_000);
    const a = await refund(bcb, charge.id, 1_000, "refund-once");
    const b = await refund(bcb, charge.id, 1_000, "refund-once");
    expect(b.json.refund.id).toBe(a.json.refund.id);
    expect(pix.sim().charge("bcb", charge.transactionId!)!.refunds).toHaveLength(1);
    expect((await refund(bcb, charge.id, 2_000, "refund-once")).status).toBe(409);
    const detail = await callRoute(getCharge, { apiKey: bcb.apiKey, params: { id: charge.id } });
    expect(detail.json.charge.refunds).toHaveLength(1);
    expect(detail.json.charge.refundedCentavos).toBe(1_000);
  });

  it("refuses a refund of an unpaid charge (409), of another store's charge (404), and where the gateway has no refunds (422)", async () => {
    const pending = await createPixCharge(bcb.store.id, bcb.audit, { amountCentavos: 1_000, description: "Pendente" });
    const notPaid = await refund(bcb, pending.id, 500);
    expect(notPaid.status).toBe(409);
    expect(notPaid.json.error.code).toBe("charge_not_refundable");
    expect((await refund(push, pending.id, 500)).status).toBe(404);
    const pushCharge = await paidCharge(push, "pushinpay", 2_000);
    const unsupported = await refund(push, pushCharge.id, 500);
    expect(unsupported.status).toBe(422);
    expect(unsupported.json.error.code).toBe("refund_not_supported");
    for (const bad of [0, -1, 1.5]) expect((await refund(bcb, pending.id, bad)).status).toBe(422);
    expect(await db().prisma.pixRefund.count({ where: { chargeId: { in: [pending.id, pushCharge.id] } } })).toBe(0);
  });

  it("two refunds at once cannot together exceed what was paid (the charge row is locked)", async () => {
    const charge = await paidCharge(bcb, "bcb", 4_000);
    const results = await Promise.all([refund(bcb, charge.id, 3_000), refund(bcb, charge.id, 3_000)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    const row = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: charge.id } });
    expect(row.refundedCentavos).toBe(3_000);
  });

  it("a devolução made at the gateway (and notified by webhook) is recorded on the charge", async () => {
    const charge = await paidCharge(bcb, "bcb", 6_000);
    await passReadBudget(charge.id);
    await pix.sim().markRefunded("bcb", charge.transactionId!, 6_000);
    await pix.sim().flush();
    const row = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: charge.id } });
    expect(row).toMatchObject({ status: "refunded", refundedCentavos: 6_000 });
    expect((await refundCallbacks(charge.id)).at(-1)).toMatchObject({ status: "refunded" });
  });
});
