// Payments operations: failed and stuck payments across card orders, credit purchases and PIX
// charges, each with its reason; platform figures (GMV per currency, fee revenue, active sellers,
// success rate) equal the rows they summarise, and the daily series adds up to the BRL GMV.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { sellingSeller } from "../support/seller";
import { useStripeEmulator } from "../support/stripe";
import { platformMetrics, problemPayments } from "@/lib/admin/operations";
import { prisma } from "@/lib/db/client";

const MIN = 60_000;

describe("payments operations", () => {
  useTestDatabase();
  const stripe = useStripeEmulator();
  const now = new Date();
  let storeId: string;

  beforeAll(async () => {
    const seller = await sellingSeller(stripe(), { tag: "ops" });
    storeId = seller.store.id;
    const account = await prisma.stripeAccount.findUniqueOrThrow({ where: { storeId } });
    const order = (data: Record<string, unknown>) =>
      prisma.order.create({
        data: {
          storeId,
          priceId: seller.priceId,
          channel: "ELEMENTS",
          amountTotal: 10000,
          currency: "brl",
          stripeAccountId: account.accountId,
          ...data,
        } as never,
      });
    await order({ status: "PAID", paidAt: new Date(now.getTime() - 2 * 86_400_000), applicationFeeAmount: 250 });
    await order({
      status: "PARTIALLY_REFUNDED",
      paidAt: new Date(now.getTime() - 60 * MIN),
      applicationFeeAmount: 250,
    });
    await order({
      status: "PAID",
      currency: "usd",
      amountTotal: 2000,
      paidAt: new Date(now.getTime() - 10 * MIN),
      applicationFeeAmount: 80,
    });
    await order({ status: "FAILED", failureCode: "card_declined", failureMessage: "Your card was declined." });
    await order({ status: "PENDING", submittedAt: new Date(now.getTime() - 45 * MIN) });
    await order({ status: "PENDING", submittedAt: new Date(now.getTime() - 5 * MIN) }); // not stuck yet
    await prisma.creditPurchase.create({
      data: {
        storeId,
        credits: 100,
        amount: 5000,
        currency: "brl",
        customerId: "cus_ops",
        status: "FAILED",
        failureCode: "card_declined",
      },
    });
    await prisma.creditPurchase.create({
      data: {
        storeId,
        credits: 100,
        amount: 5000,
        currency: "brl",
        customerId: "cus_ops",
        status: "REQUIRES_ACTION",
        createdAt: new Date(now.getTime() - 90 * MIN),
      },
    });
    const pix = (data: Record<string, unknown>) =>
      prisma.pixCharge.create({
        data: {
          storeId,
          reference: `ops_${Math.random().toString(36).slice(2)}`,
          amountCentavos: 3000,
          description: "ops",
          ...data,
        } as never,
      });
    await pix({ status: "paid", paidAt: new Date(now.getTime() - 20 * MIN), paidAmountCentavos: 3000 });
    await pix({ status: "failed", failureCode: "all_gateways_failed" });
    await pix({ status: "pending", expiresAt: new Date(now.getTime() - 2 * 3_600_000) });
  });

  it("lists what failed and what is stuck, with the reason, newest first", async () => {
    const rows = (await problemPayments({ now })).filter((r) => r.storeId === storeId);
    const summary = rows.map((r) => `${r.kind}:${r.state}:${r.reason}`).sort();
    expect(summary).toEqual(
      [
        "card_order:failed:card_declined",
        "card_order:stuck:no_outcome",
        "credit_purchase:failed:card_declined",
        "credit_purchase:stuck:requires_action",
        "pix_charge:failed:all_gateways_failed",
        "pix_charge:stuck:expired_unreconciled",
      ].sort(),
    );
    for (let i = 1; i < rows.length; i++)
      expect(rows[i - 1]!.at.getTime()).toBeGreaterThanOrEqual(rows[i]!.at.getTime());
  });

  it("sums GMV per currency, fees, active sellers and the success rate from the payment rows", async () => {
    const m = await platformMetrics({ now: new Date(), days: 30 });
    expect(m.gmv).toEqual(
      expect.arrayContaining([
        { currency: "BRL", amount: 10000 + 10000 + 3000, count: 3 },
        { currency: "USD", amount: 2000, count: 1 },
      ]),
    );
    expect(m.feeRevenue).toEqual(
      expect.arrayContaining([
        { currency: "BRL", amount: 500 },
        { currency: "USD", amount: 80 },
      ]),
    );
    expect(m.activeSellers).toBe(1);
    expect(m.outcomes).toEqual({ paid: 4, failed: 2 });
    expect(m.successRate).toBeCloseTo(4 / 6);
    expect(m.series).toHaveLength(30);
    const brl = m.series.reduce((s, d) => s + d.card + d.pix, 0);
    expect(brl).toBe(23000);
    expect(m.series.reduce((s, d) => s + d.pix, 0)).toBe(3000);
  });
});
