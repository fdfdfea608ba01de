// Refunds and disputes of credit purchases, driven through the emulator and its webhooks into the
// real platform webhook route: proportional, cumulative reversals; holds released or lost.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { usePlatformWebhooks, waitFor } from "../webhooks/support";
import { params, seller } from "./support";
import { prisma } from "@/lib/db/client";
import { verifyCreditLedger } from "@/lib/credits/ledger";
import { POST as purchasesRoute } from "@/app/api/v1/credits/purchases/route";
import { POST as spendRoute } from "@/app/api/v1/credits/spend/route";

const SECRET = "whsec_credits_refunds";

describe("credit refunds and disputes through the emulator", () => {
  useTestDatabase();
  const { stripe } = usePlatformWebhooks(SECRET);

  type Seller = Awaited<ReturnType<typeof seller>>;
  async function buy(s: Seller, packageId: string, pm = "pm_card_visa") {
    const created = await (
      await purchasesRoute(s.call("/api/v1/credits/purchases", "POST", { packageId }), params())
    ).json();
    await stripe().stripe.paymentIntents.confirm(created.purchase.paymentIntentId, { payment_method: pm });
    await waitFor(
      async () =>
        (await prisma.creditPurchase.findUniqueOrThrow({ where: { id: created.purchase.id } })).status === "SUCCEEDED",
    );
    return created.purchase as { id: string; paymentIntentId: string; credits: number; amount: number };
  }
  const balance = async (storeId: string) => prisma.creditBalance.findUniqueOrThrow({ where: { storeId } });
  const kinds = async (storeId: string) =>
    (await prisma.creditLedgerEntry.findMany({ where: { storeId }, orderBy: { seq: "asc" } })).map((e) => [
      e.kind,
      e.amount,
      e.balanceAfter,
    ]);

  it("reverses credits in proportion to partial refunds, converging on the full reversal", async () => {
    const s = await seller("USD");
    const p = await buy(s, "standard"); // 500 credits for 4500
    await stripe().stripe.refunds.create({ payment_intent: p.paymentIntentId, amount: 1000 });
    await waitFor(async () => (await balance(s.store.id)).balance === 500 - 111); // floor(500 × 1000 / 4500) = 111
    await stripe().stripe.refunds.create({ payment_intent: p.paymentIntentId, amount: 1000 });
    await waitFor(async () => (await balance(s.store.id)).balance === 500 - 222); // floor(500 × 2000 / 4500) = 222
    await stripe().stripe.refunds.create({ payment_intent: p.paymentIntentId });
    await waitFor(async () => (await balance(s.store.id)).balance === 0);
    expect(await kinds(s.store.id)).toEqual([
      ["PURCHASE", 500, 500],
      ["REFUND_REVERSAL", -111, 389],
      ["REFUND_REVERSAL", -111, 278],
      ["REFUND_REVERSAL", -278, 0],
    ]);
    // Re-sending every charge.refunded event changes nothing.
    const events = (await stripe().stripe.events.list({ type: "charge.refunded", limit: 20 })).data;
    for (const e of events) await stripe().controls.resendEvent(e.id);
    await new Promise((r) => setTimeout(r, 400));
    expect((await kinds(s.store.id)).length).toBe(4);
    expect((await prisma.creditPurchase.findUniqueOrThrow({ where: { id: p.id } })).refundedAmount).toBe(4500);
    expect(await verifyCreditLedger(s.store.id)).toMatchObject({ ok: true, checked: 1 });
  });

  it("a full refund after the credits were spent reverses down to zero and records the shortfall", async () => {
    const s = await seller("USD");
    const p = await buy(s, "basic"); // 100 credits
    const spent = await spendRoute(
      s.call("/api/v1/credits/spend", "POST", { amount: 80, reason: "render job" }, { "idempotency-key": "spend-80" }),
      params(),
    );
    expect(spent.status).toBe(201);
    await stripe().stripe.refunds.create({ payment_intent: p.paymentIntentId });
    const reversal = await waitFor(() =>
      prisma.creditLedgerEntry.findFirst({ where: { storeId: s.store.id, kind: "REFUND_REVERSAL" } }),
    );
    expect(reversal).toMatchObject({ amount: -20, balanceAfter: 0, metadata: { creditsDue: 100, shortfall: 80 } });
    expect(await prisma.auditLog.count({ where: { action: "credits.refund_shortfall", targetId: p.id } })).toBe(1);
    expect((await balance(s.store.id)).balance).toBe(0);
  });

  it("holds credits on a dispute (even below zero) and releases them when it is won", async () => {
    const s = await seller("USD");
    const p = await buy(s, "basic");
    await spendRoute(
      s.call("/api/v1/credits/spend", "POST", { amount: 30, reason: "job" }, { "idempotency-key": "s-30" }),
      params(),
    );
    const charge = (await stripe().stripe.paymentIntents.retrieve(p.paymentIntentId)).latest_charge as string;
    const dispute = await stripe().controls.openDispute(charge, "fraudulent");
    await waitFor(async () => (await balance(s.store.id)).held === 100);
    expect(await balance(s.store.id)).toMatchObject({ balance: -30, held: 100 });
    // Spends are refused while the balance is negative.
    const refused = await spendRoute(
      s.call("/api/v1/credits/spend", "POST", { amount: 1, reason: "job" }, { "idempotency-key": "s-1" }),
      params(),
    );
    expect(refused.status).toBe(409);
    await stripe().controls.closeDispute(dispute.id, "won");
    await waitFor(async () => (await balance(s.store.id)).held === 0);
    expect(await balance(s.store.id)).toMatchObject({ balance: 70, held: 0 });
    expect(await kinds(s.store.id)).toEqual([
      ["PURCHASE", 100, 100],
      ["SPEND", -30, 70],
      ["DISPUTE_HOLD", -100, -30],
      ["DISPUTE_RELEASE", 100, 70],
    ]);
    expect(await verifyCreditLedger(s.store.id)).toMatchObject({ ok: true });
  });

  it("a lost dispute keeps the held credits removed (a card that disputes by itself too)", async () => {
    const s = await seller("USD");
    await buy(s, "standard"); // 500, stays
    const p = await buy(s, "basic", "pm_card_createDispute"); // 100, disputed automatically
    await waitFor(async () => (await balance(s.store.id)).held === 100, 10_000);
    expect((await balance(s.store.id)).balance).toBe(500);
    const charge = (await stripe().stripe.paymentIntents.retrieve(p.paymentIntentId)).latest_charge as string;
    const dispute = (await stripe().stripe.disputes.list({ limit: 10 })).data.find((d) => d.charge === charge)!;
    await stripe().controls.closeDispute(dispute.id, "lost");
    await waitFor(async () => (await balance(s.store.id)).held === 0);
    expect(await balance(s.store.id)).toMatchObject({ balance: 500, held: 0 });
    const last = await prisma.creditLedgerEntry.findFirstOrThrow({
      where: { storeId: s.store.id },
      orderBy: { seq: "desc" },
    });
    expect(last).toMatchObject({ kind: "DISPUTE_LOSS", amount: 0, balanceAfter: 500, reference: dispute.id });
    expect(
      await prisma.auditLog.count({
        where: { action: { in: ["credits.dispute_hold", "credits.dispute_loss"] }, targetId: p.id },
      }),
    ).toBe(2);
    expect(await verifyCreditLedger(s.store.id)).toMatchObject({ ok: true });
  });
});
