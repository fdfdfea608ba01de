// Balance, balance transactions and payouts on connected accounts, with the clock-driven payout schedule.
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReceiver, startTestEmulator, waitFor, type TestEmulator } from "./support";

const DAY = 86400;
let em: TestEmulator;
let stripe: Stripe;
let connect: Awaited<ReturnType<typeof startReceiver>>;
const SECRET = "whsec_balance_test";

beforeAll(async () => {
  connect = await startReceiver(SECRET);
  em = await startTestEmulator({ webhooks: [{ url: connect.url, secret: SECRET, connect: true }] });
  stripe = em.stripe;
});
afterAll(async () => {
  await em.close();
  await connect.close();
});

async function onboardedAccount(country = "BR") {
  const acct = await stripe.accounts.create({ type: "express", country });
  const link = await stripe.accountLinks.create({
    account: acct.id,
    type: "account_onboarding",
    refresh_url: "https://shop.test/refresh",
    return_url: "https://shop.test/return",
  });
  await fetch(link.url, { method: "POST", body: new URLSearchParams({ action: "complete" }), redirect: "manual" });
  return { acct, opts: { stripeAccount: acct.id } };
}

async function sale(opts: Stripe.RequestOptions, amount = 10000, fee = 1000) {
  const pi = await stripe.paymentIntents.create(
    { amount, currency: "brl", application_fee_amount: fee, payment_method: "pm_card_visa", confirm: true },
    opts,
  );
  return stripe.charges.retrieve(pi.latest_charge as string, undefined, opts);
}

const brl = (b: Stripe.Balance, k: "available" | "pending") => b[k].find((x) => x.currency === "brl")?.amount;

describe("a connected account's balance and automatic payouts", () => {
  it("charge pending → available at available_on → paid out daily, with balance.available and payout.* events", async () => {
    const { acct, opts } = await onboardedAccount();
    const charge = await sale(opts);
    let balance = await stripe.balance.retrieve(undefined, opts);
    expect(brl(balance, "pending")).toBe(9000);
    expect(brl(balance, "available")).toBe(0);

    const txns = await stripe.balanceTransactions.list({}, opts);
    expect(txns.data).toHaveLength(1);
    const txn = txns.data[0];
    expect(txn).toMatchObject({
      id: charge.balance_transaction,
      type: "charge",
      source: charge.id,
      amount: 10000,
      fee: 1000,
      net: 9000,
      status: "pending",
      fee_details: [expect.objectContaining({ type: "application_fee", amount: 1000 })],
    });
    expect(txn.available_on).toBe(txn.created - (txn.created % DAY) + 2 * DAY);
    expect((await stripe.balanceTransactions.retrieve(txn.id, undefined, opts)).net).toBe(9000);

    // One minute past available_on: available, not yet paid out (payouts are made at 12:00 UTC).
    const { now } = await em.controls.now();
    await em.controls.advanceClock(txn.available_on - now + 60);
    balance = await stripe.balance.retrieve(undefined, opts);
    expect(brl(balance, "available")).toBe(9000);
    expect(brl(balance, "pending")).toBe(0);
    expect((await stripe.payouts.list({}, opts)).data).toHaveLength(0);
    const availableEvents = await stripe.events.list({ type: "balance.available" }, opts);
    expect(availableEvents.data[0].account).toBe(acct.id);

    await em.controls.advanceClock("12h");
    const payouts = await stripe.payouts.list({}, opts);
    expect(payouts.data).toHaveLength(1);
    const payout = payouts.data[0];
    expect(payout).toMatchObject({ amount: 9000, currency: "brl", automatic: true, status: "pending" });
    expect(payout.arrival_date).toBe(txn.available_on + DAY);
    expect(brl(await stripe.balance.retrieve(undefined, opts), "available")).toBe(0);
    const inPayout = await stripe.balanceTransactions.list({ payout: payout.id }, opts);
    expect(inPayout.data.map((t) => t.type).sort()).toEqual(["charge", "payout"]);
    expect(inPayout.data.reduce((s, t) => s + t.net, 0)).toBe(0);

    await em.controls.advanceClock("1h");
    expect((await stripe.payouts.retrieve(payout.id, undefined, opts)).status).toBe("in_transit");
    await em.controls.advanceClock("1d");
    expect((await stripe.payouts.retrieve(payout.id, undefined, opts)).status).toBe("paid");
    await waitFor(
      () => connect.received.some((r) => r.event.type === "payout.paid" && r.event.account === acct.id),
      3000,
      "payout.paid on the Connect endpoint",
    );
    const types = connect.received.filter((r) => r.event.account === acct.id).map((r) => r.event.type);
    expect(types).toEqual(expect.arrayContaining(["balance.available", "payout.created", "payout.paid"]));
    // No second payout: nothing new became available.
    expect((await stripe.payouts.list({}, opts)).data).toHaveLength(1);

    // Another account sees none of it.
    const other = await onboardedAccount();
    await expect(stripe.payouts.retrieve(payout.id, undefined, other.opts)).rejects.toMatchObject({ statusCode: 404 });
    expect((await stripe.balanceTransactions.list({}, other.opts)).data).toHaveLength(0);
  });

  it("refunds debit the balance at once and return the application fee share", async () => {
    const { opts } = await onboardedAccount();
    const charge = await sale(opts);
    await stripe.refunds.create({ charge: charge.id, amount: 3000, refund_application_fee: true }, opts);
    const balance = await stripe.balance.retrieve(undefined, opts);
    expect(brl(balance, "pending")).toBe(9000);
    expect(brl(balance, "available")).toBe(-3000 + 300);
    const types = (await stripe.balanceTransactions.list({}, opts)).data.map((t) => t.type).sort();
    expect(types).toEqual(["application_fee_refund", "charge", "refund"]);
    const refunds = await stripe.balanceTransactions.list({ type: "refund" }, opts);
    expect(refunds.data[0]).toMatchObject({ amount: -3000, net: -3000, status: "available" });
  });

  it("paginates balance transactions newest first", async () => {
    const { opts } = await onboardedAccount();
    for (const amount of [1000, 2000, 3000]) await sale(opts, amount, 100);
    const first = await stripe.balanceTransactions.list({ limit: 2 }, opts);
    expect(first.has_more).toBe(true);
    const rest = await stripe.balanceTransactions.list({ limit: 2, starting_after: first.data[1].id }, opts);
    expect(rest.has_more).toBe(false);
    expect([...first.data, ...rest.data].map((t) => t.amount).sort()).toEqual([1000, 2000, 3000]);
  });

  it("manual payouts stay within available; a failed payout returns its amount and emits payout.failed", async () => {
    const { opts } = await onboardedAccount();
    const charge = await sale(opts);
    const txn = await stripe.balanceTransactions.retrieve(charge.balance_transaction as string, undefined, opts);
    const { now } = await em.controls.now();
    await em.controls.advanceClock(txn.available_on - now + 60);
    await expect(stripe.payouts.create({ amount: 9001, currency: "brl" }, opts)).rejects.toMatchObject({
      statusCode: 400,
      code: "balance_insufficient",
    });
    const manual = await stripe.payouts.create({ amount: 4000, currency: "brl", metadata: { why: "rent" } }, opts);
    expect(manual).toMatchObject({ automatic: false, status: "pending", amount: 4000, metadata: { why: "rent" } });
    expect(brl(await stripe.balance.retrieve(undefined, opts), "available")).toBe(5000);
    await expect(stripe.balanceTransactions.list({ payout: manual.id }, opts)).rejects.toMatchObject({
      statusCode: 400,
    });

    const failed = await em.controls.failPayout(manual.id, "account_closed");
    expect(failed).toMatchObject({ status: "failed", failure_code: "account_closed" });
    expect(failed.failure_balance_transaction).toMatch(/^txn_/);
    expect(brl(await stripe.balance.retrieve(undefined, opts), "available")).toBe(9000);
    expect((await stripe.events.list({ type: "payout.failed" }, opts)).data[0].data.object).toMatchObject({
      id: manual.id,
    });
    // The next automatic payout sweeps everything available, the returned amount included.
    await em.controls.advanceClock("12h");
    const auto = (await stripe.payouts.list({ status: "pending" }, opts)).data[0];
    expect(auto).toMatchObject({ automatic: true, amount: 9000 });
  });

  it("rejects unknown params and payouts before onboarding", async () => {
    const acct = await stripe.accounts.create({ type: "express", country: "BR" });
    await expect(
      stripe.payouts.create({ amount: 100, currency: "brl" }, { stripeAccount: acct.id }),
    ).rejects.toMatchObject({ code: "payouts_not_allowed" });
    await expect(
      stripe.payouts.list({ bogus: 1 } as Stripe.PayoutListParams, { stripeAccount: acct.id }),
    ).rejects.toMatchObject({ message: expect.stringContaining("Received unknown parameter: bogus") });
  });
});
