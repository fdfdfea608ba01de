// The seller's Stripe balance and payouts through GET /api/v1/balance and /api/v1/payouts, read
// live from the emulator's connected account while its clock moves the money: a sale is pending,
// becomes available, is paid out by the daily schedule with its transactions, a failed payout is
// mirrored for "needs attention"; refunds reduce the balance; nothing crosses stores.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { sellerWithStore } from "../support/seller";
import { paidOrder, postRefund, useCardStore, waitFor } from "../orders/support";
import { GET as balanceGet } from "@/app/api/v1/balance/route";
import { GET as payoutsGet } from "@/app/api/v1/payouts/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { failedPayouts } from "@/lib/balance/payout-mirror";
import type { PayoutView, StripeBalance } from "@/lib/balance/types";
import { prisma } from "@/lib/db/client";

type Who = { apiKey: string };
const noParams = { params: Promise.resolve({} as Record<string, string>) };

async function call(handler: typeof balanceGet, path: string, who?: Who) {
  const res = await handler(
    new NextRequest(new URL(path, "http://localhost:3000"), {
      headers: {
        "x-forwarded-for": "198.51.100.41",
        ...(who ? { authorization: `Bearer ${who.apiKey}` } : {}),
      },
    }),
    noParams,
  );
  return { status: res.status, json: (await res.json()) as any };
}

const balanceOf = async (who: Who) => {
  const res = await call(balanceGet, "/api/v1/balance", who);
  expect(res.status).toBe(200);
  return res.json as { stripe: StripeBalance | { connected: false }; pix: unknown[] };
};
const payoutsOf = async (who: Who, query = "") => call(payoutsGet, `/api/v1/payouts${query}`, who);
const brl = (list: { amount: number; currency: string }[]) => list.find((b) => b.currency === "BRL")?.amount;

describe("balance and payouts", () => {
  useTestDatabase();
  const { stripe, store } = useCardStore();

  it("a sale is pending, becomes available, is paid out automatically and the payout lists its transactions", async () => {
    const s = await store("bal-flow");
    const order = await paidOrder(stripe(), s, "PED-BAL-1");
    const pi = await stripe().stripe.paymentIntents.retrieve(order.paymentIntentId!, undefined, {
      stripeAccount: s.accountId,
    });
    const charge = await stripe().stripe.charges.retrieve(pi.latest_charge as string, undefined, {
      stripeAccount: s.accountId,
    });
    const net = 10000 - (charge.application_fee_amount ?? 0);
    const txn = await stripe().stripe.balanceTransactions.retrieve(charge.balance_transaction as string, undefined, {
      stripeAccount: s.accountId,
    });

    const before = (await balanceOf(s)).stripe as StripeBalance;
    expect(before.connected).toBe(true);
    expect(brl(before.pending)).toBe(net);
    expect(brl(before.available)).toBe(0);
    expect(before.nextPayouts).toEqual([
      {
        kind: "expected",
        amount: net,
        currency: "BRL",
        date: new Date(txn.available_on * 1000).toISOString(),
        payoutId: null,
      },
    ]);

    // Past available_on: balance.available reaches the app, which drops its cached copy.
    const { now } = await stripe().controls.now();
    await stripe().controls.advanceClock(txn.available_on - now + 60);
    await waitFor(async () => {
      const b = (await balanceOf(s)).stripe as StripeBalance;
      return brl(b.available) === net && brl(b.pending) === 0;
    });

    // The daily payout (12:00 UTC) sweeps it.
    await stripe().controls.advanceClock("12h");
    const payout = await waitFor(async () => {
      const res = await payoutsOf(s);
      return res.status === 200 && (res.json.data[0] as PayoutView | undefined);
    });
    expect(payout).toMatchObject({ amount: net, currency: "BRL", status: "pending", automatic: true });
    expect(payout.transactions).toEqual([
      expect.objectContaining({ type: "charge", source: charge.id, amount: 10000, net, currency: "BRL" }),
    ]);
    const after = (await balanceOf(s)).stripe as StripeBalance;
    expect(brl(after.available)).toBe(0);
    expect(after.nextPayouts[0]).toMatchObject({ kind: "scheduled", payoutId: payout.id, amount: net });

    await stripe().controls.advanceClock("1d");
    await waitFor(async () => {
      const mirror = await prisma.stripePayout.findUnique({ where: { payoutId: payout.id } });
      return mirror?.status === "paid" && mirror.storeId === s.store.id;
    });
    expect((await payoutsOf(s)).json.data[0]).toMatchObject({ id: payout.id, status: "paid" });
  });

  it("a failed payout is mirrored as failed for the store and its amount is available again", async () => {
    const s = await store("bal-fail");
    const order = await paidOrder(stripe(), s, "PED-BAL-2");
    const on = { stripeAccount: s.accountId };
    const pi = await stripe().stripe.paymentIntents.retrieve(order.paymentIntentId!, undefined, on);
    const charge = await stripe().stripe.charges.retrieve(pi.latest_charge as string, undefined, on);
    const txn = await stripe().stripe.balanceTransactions.retrieve(charge.balance_transaction as string, undefined, on);
    // A minute after that day's payout was made: it is still pending at the bank.
    const { now } = await stripe().controls.now();
    await stripe().controls.advanceClock(txn.available_on + 12 * 3600 - now + 60);
    const target = (await waitFor(async () => (await payoutsOf(s)).json.data[0] as PayoutView | undefined)).id;
    await stripe().controls.failPayout(target, "account_closed");
    const failed = await waitFor(async () => {
      const rows = await failedPayouts(s.store.id);
      return rows.length > 0 && rows;
    });
    expect(failed[0]).toMatchObject({ payoutId: target, failureCode: "account_closed", currency: "brl" });
    const listed = (await payoutsOf(s)).json.data.find((p: PayoutView) => p.id === target);
    expect(listed).toMatchObject({ status: "failed", failureCode: "account_closed" });
    const b = (await balanceOf(s)).stripe as StripeBalance;
    expect(brl(b.available)).toBe(failed[0].amount);
  });

  it("a refund reduces the balance, with the application fee share given back", async () => {
    const s = await store("bal-refund");
    const order = await paidOrder(stripe(), s, "PED-BAL-R");
    const res = await postRefund(s, order.id, { amount: 3000 }, "bal-refund-1");
    expect(res.status).toBe(201);
    const pi = await stripe().stripe.paymentIntents.retrieve(order.paymentIntentId!, undefined, {
      stripeAccount: s.accountId,
    });
    const charge = await stripe().stripe.charges.retrieve(pi.latest_charge as string, undefined, {
      stripeAccount: s.accountId,
    });
    const fee = charge.application_fee_amount ?? 0;
    const feeBack = Math.round((fee * 3000) / 10000);
    const b = (await balanceOf(s)).stripe as StripeBalance;
    expect(brl(b.pending)).toBe(10000 - fee);
    expect(brl(b.available)).toBe(-3000 + feeBack);
    expect((brl(b.pending) ?? 0) + (brl(b.available) ?? 0)).toBe(7000 - fee + feeBack);
  });

  it("each store sees only its own balance and payouts; a store without Stripe gets an empty state", async () => {
    const a = await store("bal-a");
    await paidOrder(stripe(), a, "PED-BAL-A");
    await stripe().controls.advanceClock("3d");
    const payoutA = await waitFor(async () => (await payoutsOf(a)).json.data[0] as PayoutView | undefined);

    const b = await store("bal-b");
    const bBalance = (await balanceOf(b)).stripe as StripeBalance;
    expect(bBalance.available.every((x) => x.amount === 0) && bBalance.pending.every((x) => x.amount === 0)).toBe(true);
    expect((await payoutsOf(b)).json).toEqual({ data: [], has_more: false });
    // Another store's payout id as a cursor is not found, never a peek.
    const peek = await payoutsOf(b, `?starting_after=${payoutA.id}`);
    expect(peek.status).toBe(404);
    expect(peek.json.error.code).toBe("not_found");

    const bare = await sellerWithStore({ tag: "bal-bare" });
    const key = { apiKey: (await createApiKey(bare.store.id, bare.user.id, { name: "k" }, bare.audit)).secret };
    expect(await balanceOf(key)).toEqual({ stripe: { connected: false }, pix: [] });
    const none = await payoutsOf(key);
    expect(none.status).toBe(409);
    expect(none.json.error.code).toBe("account_not_connected");

    expect((await payoutsOf(a, "?limit=0")).status).toBe(422);
    expect((await call(balanceGet, "/api/v1/balance")).status).toBe(401);
  });
});
