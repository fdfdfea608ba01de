// The rollup counts orders, PIX charges and delivered callbacks from their tables per UTC day,
// sets (never adds) the counters, converges after tampering, and the summary is exact at the
// limit and one over — live for today even before the rollup has run.
import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { useTestDatabase } from "../support/db";
import { counter, params, putOnPlan, usageSeller, useUsageIsolation } from "./support";
import { GET as summaryRoute } from "@/app/api/v1/usage/summary/route";
import { prisma } from "@/lib/db/client";
import { runUsageRollup } from "@/lib/usage/rollup";
import { usageSummary } from "@/lib/usage/summary";

const DAY = 86_400_000;

async function priceFor(storeId: string) {
  const product = await prisma.product.create({ data: { storeId, name: "Item" } });
  return prisma.price.create({
    data: { storeId, productId: product.id, unitAmount: 1000, currency: "BRL", type: "ONE_TIME" },
  });
}

async function orders(storeId: string, priceId: string, n: number, createdAt = new Date()) {
  await prisma.order.createMany({
    data: Array.from({ length: n }, () => ({
      storeId,
      priceId,
      channel: "CHECKOUT" as const,
      amountTotal: 1000,
      currency: "BRL",
      stripeAccountId: "acct_test",
      createdAt,
    })),
  });
}

async function pixCharges(storeId: string, n: number, createdAt = new Date()) {
  await prisma.pixCharge.createMany({
    data: Array.from({ length: n }, () => ({
      storeId,
      reference: `ref${randomBytes(8).toString("hex")}`,
      amountCentavos: 1000,
      description: "Pedido",
      createdAt,
    })),
  });
}

async function callbacks(storeId: string, statuses: ("SUCCEEDED" | "FAILED" | "PENDING")[], deliveredAt = new Date()) {
  const endpoint = await prisma.callbackEndpoint.create({
    data: { storeId, url: "https://store.example/hook", secretEnc: "x", secretPrefix: "whsec_x" },
  });
  await prisma.callbackDelivery.createMany({
    data: statuses.map((status) => ({
      storeId,
      endpointId: endpoint.id,
      eventId: `evt_${randomBytes(8).toString("hex")}`,
      eventType: "payment.succeeded",
      payload: {},
      status,
      deliveredAt: status === "SUCCEEDED" ? deliveredAt : null,
      createdAt: new Date(deliveredAt.getTime() - 3_600_000),
    })),
  });
}

const row = (resources: { resource: string }[], name: string) => resources.find((r) => r.resource === name)!;

describe("usage rollup", () => {
  useTestDatabase();
  useUsageIsolation();

  it("counts orders, PIX charges and delivered callbacks per day and converges", async () => {
    const s = await usageSeller();
    const other = await usageSeller();
    const price = await priceFor(s.store.id);
    const yesterday = new Date(Date.now() - DAY);
    await orders(s.store.id, price.id, 3);
    await orders(s.store.id, price.id, 2, yesterday);
    await pixCharges(s.store.id, 4);
    await pixCharges(other.store.id, 1);
    await callbacks(s.store.id, ["SUCCEEDED", "SUCCEEDED", "FAILED", "PENDING"]);

    await runUsageRollup();
    expect(await counter(s.store.id, "orders")).toBe(5);
    expect(await counter(s.store.id, "pix_charges")).toBe(4);
    expect(await counter(s.store.id, "callbacks")).toBe(2);
    expect(await counter(other.store.id, "pix_charges")).toBe(1);
    expect(await counter(other.store.id, "orders")).toBe(0);
    const days = await prisma.usageCounter.findMany({
      where: { storeId: s.store.id, resource: "orders" },
      orderBy: { day: "asc" },
    });
    expect(days.map((d) => d.quantity)).toEqual([2, 3]);

    // Running again sets the same numbers; a tampered counter converges back.
    await runUsageRollup();
    expect(await counter(s.store.id, "orders")).toBe(5);
    await prisma.usageCounter.updateMany({
      where: { storeId: s.store.id, resource: "pix_charges" },
      data: { quantity: 99 },
    });
    await runUsageRollup();
    expect(await counter(s.store.id, "pix_charges")).toBe(4);
    // Products and stores are snapshotted as today's level.
    expect(await counter(s.store.id, "products")).toBe(1);
    expect(await counter(s.store.id, "stores")).toBe(1);
  });

  it("reports exactly at the limit and one over, live for today before the rollup", async () => {
    const s = await usageSeller();
    await putOnPlan(s.store.id, {
      limits: { orders: 4, pix_charges: 4, products: 10, callbacks: 1 },
      overage: {
        orders: { mode: "block" },
        pix_charges: { mode: "credits", creditsPerUnit: 3 },
        callbacks: { mode: "block" },
      },
    });
    const price = await priceFor(s.store.id);
    await orders(s.store.id, price.id, 4);
    await pixCharges(s.store.id, 5);
    await callbacks(s.store.id, ["SUCCEEDED", "SUCCEEDED"]);

    const before = await usageSummary(s.store.id);
    expect(row(before.resources, "orders")).toMatchObject({
      kind: "flow",
      used: 4,
      limit: 4,
      percent: 100,
      overage_units: 0,
      mode: "block",
      blocked: true,
    });
    expect(row(before.resources, "pix_charges")).toMatchObject({
      used: 5,
      limit: 4,
      percent: 125,
      overage_units: 1,
      mode: "credits",
      credits_per_unit: 3,
      units_charged: 0,
      // No credits: one more would be refused.
      blocked: true,
    });
    expect(row(before.resources, "products")).toMatchObject({
      kind: "count",
      used: 1,
      limit: 10,
      percent: 10,
      mode: "hard",
    });
    // Callbacks past their limit are only an alert: a buyer's payment is being told to the store.
    expect(row(before.resources, "callbacks")).toMatchObject({ used: 2, limit: 1, percent: 200, blocked: false });

    // Through the API, after the rollup: the same numbers, and the alerts exist once.
    await runUsageRollup();
    await runUsageRollup();
    const res = await summaryRoute(s.call("/api/v1/usage/summary?period=current"), params());
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.period).toMatchObject({ current: true, source: "calendar" });
    expect(row(body.resources, "orders")).toMatchObject({ used: 4, limit: 4, percent: 100 });
    expect(row(body.resources, "pix_charges")).toMatchObject({ used: 5, overage_units: 1, credits_exhausted: true });
    const alerts = await prisma.usageAlert.findMany({
      where: { storeId: s.store.id },
      orderBy: [{ resource: "asc" }, { threshold: "asc" }],
    });
    expect(alerts.map((a) => `${a.resource}:${a.threshold}`)).toEqual([
      "callbacks:80",
      "callbacks:100",
      "orders:80",
      "orders:100",
      "pix_charges:80",
      "pix_charges:100",
    ]);

    const previous = await summaryRoute(s.call("/api/v1/usage/summary?period=previous"), params());
    expect(row((await previous.json()).resources, "orders")).toMatchObject({ used: 0, blocked: false });
    const bad = await summaryRoute(s.call("/api/v1/usage/summary?period=last-week"), params());
    expect(bad.status).toBe(422);
    expect((await bad.json()).error).toMatchObject({ code: "validation_failed", param: "period" });
  });
});
