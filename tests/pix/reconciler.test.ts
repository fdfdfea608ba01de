// The reconciler: a charge paid at the gateway whose webhook never arrived ends paid (with its
// store callback) on the next scheduled check; unpaid charges are checked at 2, 5, 15 minutes and
// then every 15 until expiry, and expire as failed.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { createEndpoint } from "@/lib/callbacks/endpoints";
import { createPixCharge, nextCheckAfter } from "@/lib/pix/service/charges";
import { pixReconcileJob, reconcilePixCharges } from "@/lib/pix/service/reconciler";
import { clearTokenCache } from "@/lib/pix/token-cache";
import type { SimGatewayId } from "@/sandbox/pix/index";
import { addGateway, pixSeller, usePixSimulator, BUYER, type PixSeller } from "./support";

process.env.CALLBACK_ALLOWED_HOSTS = "127.0.0.1,localhost";
const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

describe("PIX reconciler", () => {
  const { db } = useTestDatabase();
  const pix = usePixSimulator();
  let seller: PixSeller;
  beforeAll(async () => {
    seller = await pixSeller("rec");
    await createEndpoint(seller.store, { url: "http://127.0.0.1:9/payments/events/" }, seller.audit);
    await addGateway(seller, "syncpay");
    await addGateway(seller, "direct_key", { active: false });
  });
  beforeEach(() => clearTokenCache());

  async function chargeWithLostWebhook(gw: SimGatewayId, amountCentavos: number, expiresInSeconds?: number) {
    const view = await createPixCharge(seller.store.id, seller.audit, {
      amountCentavos,
      description: "Pedido",
      orderId: `rec-${amountCentavos}`,
      expiresInSeconds,
      customer: BUYER,
    });
    const row = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: view.id } });
    // The gateway's notification is lost on the way.
    pix.sim().charge(gw, row.transactionId!)!.webhookUrl = undefined;
    return row;
  }

  it("is registered on the job runner as pix.reconcile, one run at a time", () => {
    const job = pixReconcileJob;
    expect(job).toMatchObject({ policy: "singleton", cron: "* * * * *" });
  });

  it("follows the 2, 5, 15 minutes then every 15 minutes schedule", () => {
    const t0 = new Date("2026-01-01T00:00:00Z");
    expect([0, 1, 2, 3, 4].map((n) => (nextCheckAfter(t0, n).getTime() - t0.getTime()) / 60_000)).toEqual([
      2, 5, 15, 30, 45,
    ]);
  });

  it("marks a charge paid without any webhook, writes one callback, and stops checking it", async () => {
    const charge = await chargeWithLostWebhook("syncpay", 1990);
    await pix.sim().markPaid("syncpay", charge.transactionId!);
    // Not due yet: nothing happens a minute in.
    expect((await reconcilePixCharges({ now: minutes(charge.createdAt, 1) })).checked).toBe(0);
    const report = await reconcilePixCharges({ now: minutes(charge.createdAt, 2.1) });
    expect(report).toMatchObject({ checked: 1, paid: 1, errors: 0 });
    const row = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: charge.id } });
    expect(row).toMatchObject({ status: "paid", paidAmountCentavos: 1990, checkCount: 1, nextCheckAt: null });
    const deliveries = await db().prisma.callbackDelivery.findMany({
      where: { storeId: seller.store.id, eventType: "payment.succeeded" },
    });
    expect(
      deliveries.filter((d) => (d.payload as { data: { pixChargeId: string } }).data.pixChargeId === charge.id),
    ).toHaveLength(1);
    expect((await reconcilePixCharges({ now: minutes(charge.createdAt, 30) })).checked).toBe(0);
  });

  it("keeps re-checking an unpaid charge on schedule, then marks it failed (expired) after expiry", async () => {
    const charge = await chargeWithLostWebhook("syncpay", 2990, 1800);
    const seen: number[] = [];
    for (const m of [2.1, 5.1, 15.1]) {
      await reconcilePixCharges({ now: minutes(charge.createdAt, m) });
      const row = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: charge.id } });
      seen.push(row.checkCount);
      expect(row.status).toBe("pending");
    }
    expect(seen).toEqual([1, 2, 3]);
    const afterThird = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: charge.id } });
    expect(afterThird.nextCheckAt).toEqual(minutes(charge.createdAt, 30));
    const report = await reconcilePixCharges({ now: minutes(charge.createdAt, 31.1) });
    expect(report.failed).toBe(1);
    const expired = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: charge.id } });
    expect(expired).toMatchObject({ status: "failed", failureCode: "expired", nextCheckAt: null });
    // A late payment the gateway confirms still lands (failed → paid is allowed only when re-read).
    await pix.sim().markPaid("syncpay", charge.transactionId!);
    const { refreshPixCharge } = await import("@/lib/pix/service/charges");
    expect((await refreshPixCharge(seller.store.id, charge.id)).status).toBe("paid");
  });

  it("expires direct-key charges nobody confirmed", async () => {
    const configs = await db().prisma.pixGatewayConfig.findMany({ where: { storeId: seller.store.id } });
    const { verifyGatewayConfig } = await import("@/lib/pix/service/configs");
    for (const c of configs)
      if (c.gateway === "direct_key")
        expect((await verifyGatewayConfig(seller.store.id, seller.audit, c.id)).ok).toBe(true);
    for (const c of configs)
      await db().prisma.pixGatewayConfig.update({ where: { id: c.id }, data: { active: c.gateway === "direct_key" } });
    const view = await createPixCharge(seller.store.id, seller.audit, {
      amountCentavos: 990,
      description: "Pix direto",
      expiresInSeconds: 600,
    });
    const row = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: view.id } });
    expect(row.nextCheckAt).toBeNull();
    expect((await reconcilePixCharges({ now: minutes(row.createdAt, 5) })).checked).toBe(0);
    await reconcilePixCharges({ now: minutes(row.createdAt, 12) });
    expect((await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("failed");
  });
});
