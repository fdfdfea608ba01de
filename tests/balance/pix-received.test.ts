// PIX received per gateway beside the Stripe balance: paid charges minus their refunds, per
// PixGatewayConfig, over the last 7 and 30 days, the store's own charges only.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { sellerWithStore } from "../support/seller";
import { pixReceivedByGateway } from "@/lib/balance/pix-received";
import { prisma } from "@/lib/db/client";

const DAY = 86_400_000;
let seq = 0;

async function gateway(storeId: string, label: string, active = true) {
  seq += 1;
  return prisma.pixGatewayConfig.create({
    data: {
      storeId,
      gateway: "syncpay",
      label,
      credentials: "test-envelope",
      credentialsKeyId: "k1",
      endpointToken: `tok-${label}-${seq}-${Date.now()}`,
      active,
    },
  });
}

async function charge(
  storeId: string,
  gatewayConfigId: string,
  opts: { amount: number; paidDaysAgo: number | null; refunded?: number; status?: string },
  now: Date,
) {
  seq += 1;
  return prisma.pixCharge.create({
    data: {
      storeId,
      gatewayConfigId,
      gateway: "syncpay",
      reference: `ref-${seq}-${Date.now()}`,
      amountCentavos: opts.amount,
      description: "test",
      status: opts.status ?? (opts.paidDaysAgo === null ? "pending" : "paid"),
      paidAt: opts.paidDaysAgo === null ? null : new Date(now.getTime() - opts.paidDaysAgo * DAY),
      paidAmountCentavos: opts.paidDaysAgo === null ? null : opts.amount,
      refundedCentavos: opts.refunded ?? 0,
    },
  });
}

describe("PIX received per gateway", () => {
  useTestDatabase();

  it("sums paid charges minus their refunds per gateway for 7 and 30 days, this store only", async () => {
    const now = new Date();
    const { store } = await sellerWithStore({ tag: "pix-recv" });
    const other = await sellerWithStore({ tag: "pix-recv-other" });
    const main = await gateway(store.id, "Main");
    const backup = await gateway(store.id, "Backup");
    const unused = await gateway(store.id, "Unused", false);
    const foreign = await gateway(other.store.id, "Foreign");

    await charge(store.id, main.id, { amount: 10000, paidDaysAgo: 2 }, now);
    await charge(store.id, main.id, { amount: 5000, paidDaysAgo: 3, refunded: 2000, status: "refunded" }, now);
    await charge(store.id, main.id, { amount: 7000, paidDaysAgo: 20 }, now);
    await charge(store.id, main.id, { amount: 9900, paidDaysAgo: 45 }, now);
    await charge(store.id, main.id, { amount: 1234, paidDaysAgo: null }, now);
    await charge(store.id, backup.id, { amount: 300, paidDaysAgo: 10 }, now);
    await charge(other.store.id, foreign.id, { amount: 99999, paidDaysAgo: 1 }, now);

    const rows = await pixReceivedByGateway(store.id, now);
    expect(rows.map((r) => r.label)).toEqual(["Main", "Backup"]);
    expect(rows.find((r) => r.gatewayConfigId === unused.id)).toBeUndefined();
    expect(rows[0].periods).toEqual([
      { days: 7, paid: 15000, refunded: 2000, net: 13000, count: 2 },
      { days: 30, paid: 22000, refunded: 2000, net: 20000, count: 3 },
    ]);
    expect(rows[1].periods).toEqual([
      { days: 7, paid: 0, refunded: 0, net: 0, count: 0 },
      { days: 30, paid: 300, refunded: 0, net: 300, count: 1 },
    ]);
    expect(rows.every((r) => r.currency === "BRL")).toBe(true);
  });
});
