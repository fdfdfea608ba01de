// PaymentIntents, test cards, charges, refunds, disputes, application fees and balance.
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "./support";

let em: TestEmulator;
let stripe: Stripe;

beforeAll(async () => {
  em = await startTestEmulator();
  stripe = em.stripe;
});
afterAll(() => em.close());

async function declined(pm: string) {
  const err = await stripe.paymentIntents
    .create({ amount: 2000, currency: "usd", payment_method: pm, confirm: true })
    .catch((e: Stripe.errors.StripeError) => e);
  expect(err).toBeInstanceOf(Stripe.errors.StripeCardError);
  return err as Stripe.errors.StripeCardError;
}

async function eventTypesFor(objectId: string, account?: string) {
  const events = await stripe.events.list({ limit: 100 }, account ? { stripeAccount: account } : undefined);
  return events.data
    .filter((e) => (e.data.object as { id?: string }).id === objectId)
    .map((e) => e.type)
    .reverse();
}

describe("PaymentIntent state machine", () => {
  it("requires_payment_method → requires_confirmation → succeeded", async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 2500,
      currency: "usd",
      automatic_payment_methods: { enabled: true },
      metadata: { order: "42" },
    });
    expect(pi.status).toBe("requires_payment_method");
    expect(pi.client_secret).toMatch(new RegExp(`^${pi.id}_secret_`));
    expect(pi.automatic_payment_methods?.enabled).toBe(true);
    const updated = await stripe.paymentIntents.update(pi.id, {
      payment_method: "pm_card_visa",
      metadata: { step: "2" },
    });
    expect(updated.status).toBe("requires_confirmation");
    expect(updated.metadata).toEqual({ order: "42", step: "2" });
    const confirmed = await stripe.paymentIntents.confirm(pi.id);
    expect(confirmed.status).toBe("succeeded");
    expect(confirmed.amount_received).toBe(2500);
    const charge = await stripe.charges.retrieve(confirmed.latest_charge as string);
    expect(charge).toMatchObject({
      status: "succeeded",
      paid: true,
      amount: 2500,
      captured: true,
      refunded: false,
      payment_intent: pi.id,
    });
    expect(charge.payment_method_details?.card?.last4).toBe("4242");
    expect(charge.balance_transaction).toMatch(/^txn_/);
    expect(await eventTypesFor(pi.id)).toEqual(["payment_intent.created", "payment_intent.succeeded"]);
    await expect(stripe.paymentIntents.confirm(pi.id)).rejects.toMatchObject({
      code: "payment_intent_unexpected_state",
    });
    await expect(stripe.paymentIntents.cancel(pi.id)).rejects.toMatchObject({
      code: "payment_intent_unexpected_state",
    });
  });

  it("cancels an unconfirmed intent", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: "usd" });
    const canceled = await stripe.paymentIntents.cancel(pi.id, { cancellation_reason: "requested_by_customer" });
    expect(canceled).toMatchObject({ status: "canceled", cancellation_reason: "requested_by_customer" });
    expect(await eventTypesFor(pi.id)).toContain("payment_intent.canceled");
  });

  it("enforces Stripe's minimum amount", async () => {
    await expect(stripe.paymentIntents.create({ amount: 10, currency: "usd" })).rejects.toMatchObject({
      code: "amount_too_small",
      param: "amount",
    });
  });

  it("lists by customer", async () => {
    const c = await stripe.customers.create({ email: "lister@example.com" });
    await stripe.paymentIntents.create({ amount: 1000, currency: "usd", customer: c.id });
    await stripe.paymentIntents.create({ amount: 2000, currency: "usd", customer: c.id });
    const list = await stripe.paymentIntents.list({ customer: c.id });
    expect(list.data.map((p) => p.amount)).toEqual([2000, 1000]);
  });
});

describe("test cards", () => {
  it("pm_card_visa and pm_card_mastercard succeed", async () => {
    for (const pm of ["pm_card_visa", "pm_card_mastercard"]) {
      const pi = await stripe.paymentIntents.create({
        amount: 1500,
        currency: "usd",
        payment_method: pm,
        confirm: true,
        expand: ["payment_method"],
      });
      expect(pi.status).toBe("succeeded");
      expect((pi.payment_method as Stripe.PaymentMethod).card?.brand).toBe(
        pm === "pm_card_visa" ? "visa" : "mastercard",
      );
    }
  });

  it("raw card numbers through payment_method_data behave like their pm_card_* twins", async () => {
    const ok = await stripe.paymentIntents.create({
      amount: 1500,
      currency: "usd",
      confirm: true,
      payment_method_data: {
        type: "card",
        card: { number: "4242424242424242", exp_month: 12, exp_year: 2040, cvc: "123" },
      } as Stripe.PaymentIntentCreateParams.PaymentMethodData,
    });
    expect(ok.status).toBe("succeeded");
    const pm = await stripe.paymentMethods.create({
      type: "card",
      card: { number: "4000000000009995", exp_month: 12, exp_year: 2040, cvc: "123" },
    });
    const err = await stripe.paymentIntents
      .create({ amount: 1500, currency: "usd", payment_method: pm.id, confirm: true })
      .catch((e) => e);
    expect(err).toMatchObject({ code: "card_declined", decline_code: "insufficient_funds" });
  });

  it("0002 declines: 402 card_error, PI back to requires_payment_method with last_payment_error and events", async () => {
    const err = await declined("pm_card_chargeDeclined");
    expect(err).toMatchObject({
      statusCode: 402,
      type: "StripeCardError",
      code: "card_declined",
      decline_code: "generic_decline",
      message: "Your card was declined.",
    });
    const pi = err.payment_intent!;
    expect(pi.status).toBe("requires_payment_method");
    const fresh = await stripe.paymentIntents.retrieve(pi.id);
    expect(fresh.status).toBe("requires_payment_method");
    expect(fresh.last_payment_error).toMatchObject({
      type: "card_error",
      code: "card_declined",
      decline_code: "generic_decline",
    });
    const charge = await stripe.charges.retrieve(fresh.latest_charge as string);
    expect(charge).toMatchObject({ status: "failed", paid: false, failure_code: "card_declined" });
    expect(await eventTypesFor(pi.id)).toEqual(["payment_intent.created", "payment_intent.payment_failed"]);
    const retry = await stripe.paymentIntents.confirm(pi.id, { payment_method: "pm_card_visa" });
    expect(retry.status).toBe("succeeded");
  });

  it("9995 declines with insufficient_funds", async () => {
    const err = await declined("pm_card_chargeDeclinedInsufficientFunds");
    expect(err).toMatchObject({
      code: "card_declined",
      decline_code: "insufficient_funds",
      message: "Your card has insufficient funds.",
    });
  });

  it("0259 succeeds, then a dispute opens", async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 4200,
      currency: "usd",
      payment_method: "pm_card_createDispute",
      confirm: true,
    });
    expect(pi.status).toBe("succeeded");
    const disputes = await stripe.disputes.list({ payment_intent: pi.id });
    expect(disputes.data).toHaveLength(1);
    expect(disputes.data[0]).toMatchObject({
      amount: 4200,
      status: "needs_response",
      reason: "fraudulent",
      charge: pi.latest_charge,
    });
    expect((await stripe.charges.retrieve(pi.latest_charge as string)).disputed).toBe(true);
    const created = await stripe.events.list({ type: "charge.dispute.created" });
    expect(created.data.some((e) => (e.data.object as Stripe.Dispute).id === disputes.data[0].id)).toBe(true);
  });

  it("3155 requires action; authentication completes or fails it", async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 3000,
      currency: "usd",
      payment_method: "pm_card_authenticationRequiredOnSetup",
      confirm: true,
    });
    expect(pi.status).toBe("requires_action");
    expect(pi.next_action?.type).toBe("use_stripe_sdk");
    const withReturn = await stripe.paymentIntents.create({
      amount: 3000,
      currency: "usd",
      payment_method: "pm_card_authenticationRequiredOnSetup",
      confirm: true,
      return_url: "https://shop.test/back",
    });
    expect(withReturn.next_action).toMatchObject({
      type: "redirect_to_url",
      redirect_to_url: { return_url: "https://shop.test/back" },
    });
    expect(withReturn.next_action?.redirect_to_url?.url).toContain(`/authenticate/${withReturn.id}`);
    const done = await em.controls.authenticate(pi.id, "complete");
    expect(done.payment_intent.status).toBe("succeeded");
    const failed = await em.controls.authenticate(withReturn.id, "fail");
    expect(failed.payment_intent.status).toBe("requires_payment_method");
    expect(failed.payment_intent.last_payment_error?.code).toBe("payment_intent_authentication_failure");
    expect(await eventTypesFor(pi.id)).toEqual([
      "payment_intent.created",
      "payment_intent.requires_action",
      "payment_intent.succeeded",
    ]);
    expect(await eventTypesFor(withReturn.id)).toEqual([
      "payment_intent.created",
      "payment_intent.requires_action",
      "payment_intent.payment_failed",
    ]);
  });

  it("off-session 3155 succeeds (already set up); 3184 always needs authentication", async () => {
    const ok = await stripe.paymentIntents.create({
      amount: 3000,
      currency: "usd",
      payment_method: "pm_card_authenticationRequiredOnSetup",
      confirm: true,
      off_session: true,
    });
    expect(ok.status).toBe("succeeded");
    const err = await stripe.paymentIntents
      .create({
        amount: 3000,
        currency: "usd",
        payment_method: "pm_card_authenticationRequired",
        confirm: true,
        off_session: true,
      })
      .catch((e) => e);
    expect(err).toMatchObject({ statusCode: 402, code: "authentication_required" });
  });

  it("rejects invalid card numbers and past expiry", async () => {
    await expect(
      stripe.paymentMethods.create({
        type: "card",
        card: { number: "4242424242424241", exp_month: 12, exp_year: 2040, cvc: "1" },
      }),
    ).rejects.toMatchObject({ code: "incorrect_number" });
    await expect(
      stripe.paymentMethods.create({
        type: "card",
        card: { number: "4242424242424242", exp_month: 1, exp_year: 2020, cvc: "123" },
      }),
    ).rejects.toMatchObject({ code: "invalid_expiry_year" });
  });
});

describe("refunds", () => {
  it("refunds partially then fully, by payment_intent and by charge", async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 5000,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
    });
    const partial = await stripe.refunds.create({
      payment_intent: pi.id,
      amount: 1500,
      reason: "requested_by_customer",
    });
    expect(partial).toMatchObject({
      amount: 1500,
      status: "succeeded",
      charge: pi.latest_charge,
      payment_intent: pi.id,
    });
    let charge = await stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge).toMatchObject({ amount_refunded: 1500, refunded: false });
    await expect(stripe.refunds.create({ charge: charge.id, amount: 4000 })).rejects.toMatchObject({
      code: "amount_too_large",
      param: "amount",
    });
    const rest = await stripe.refunds.create({ charge: charge.id });
    expect(rest.amount).toBe(3500);
    charge = await stripe.charges.retrieve(charge.id);
    expect(charge).toMatchObject({ amount_refunded: 5000, refunded: true });
    await expect(stripe.refunds.create({ charge: charge.id })).rejects.toMatchObject({
      code: "charge_already_refunded",
    });
    expect((await stripe.refunds.retrieve(partial.id)).amount).toBe(1500);
    expect((await stripe.refunds.list({ payment_intent: pi.id })).data.map((r) => r.amount)).toEqual([3500, 1500]);
    const types = (await stripe.events.list({ types: ["refund.created", "charge.refunded"], limit: 10 })).data.map(
      (e) => e.type,
    );
    expect(types.filter((t) => t === "charge.refunded")).toHaveLength(2);
    expect(types.filter((t) => t === "refund.created")).toHaveLength(2);
  });

  it("cannot refund an unpaid intent", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 5000, currency: "usd" });
    await expect(stripe.refunds.create({ payment_intent: pi.id })).rejects.toMatchObject({
      code: "charge_not_refundable",
    });
  });
});

describe("disputes", () => {
  it("opens via control, takes evidence, closes as lost via API or won via control", async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 2000,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
    });
    const opened = await em.controls.openDispute(pi.latest_charge as string, "product_not_received");
    expect(opened).toMatchObject({ status: "needs_response", reason: "product_not_received", amount: 2000 });
    const updated = await stripe.disputes.update(opened.id, {
      evidence: { uncategorized_text: "Shipped with tracking", customer_email_address: "b@example.com" },
      submit: true,
    });
    expect(updated.status).toBe("under_review");
    expect(updated.evidence.uncategorized_text).toBe("Shipped with tracking");
    expect(updated.evidence_details.submission_count).toBe(1);
    const won = await em.controls.closeDispute(opened.id, "won");
    expect(won.status).toBe("won");
    await expect(stripe.disputes.close(opened.id)).rejects.toMatchObject({ statusCode: 400 });

    const pi2 = await stripe.paymentIntents.create({
      amount: 2000,
      currency: "usd",
      payment_method: "pm_card_createDispute",
      confirm: true,
    });
    const d2 = (await stripe.disputes.list({ charge: pi2.latest_charge as string })).data[0];
    const lost = await stripe.disputes.close(d2.id);
    expect(lost.status).toBe("lost");
    const types = (await stripe.events.list({ type: "charge.dispute.*", limit: 20 })).data.map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(["charge.dispute.created", "charge.dispute.updated", "charge.dispute.closed"]),
    );
  });
});

describe("Connect money movement", () => {
  it("records application fees on direct charges and moves balances", async () => {
    const acct = await stripe.accounts.create({ type: "express" });
    const opts = { stripeAccount: acct.id };
    const before = await stripe.balance.retrieve();
    const pi = await stripe.paymentIntents.create(
      { amount: 10000, currency: "usd", application_fee_amount: 1200, payment_method: "pm_card_visa", confirm: true },
      opts,
    );
    const charge = await stripe.charges.retrieve(pi.latest_charge as string, undefined, opts);
    expect(charge.application_fee_amount).toBe(1200);
    expect(charge.application_fee).toMatch(/^fee_/);
    const fees = await stripe.applicationFees.list({ charge: charge.id });
    expect(fees.data).toHaveLength(1);
    expect(fees.data[0]).toMatchObject({ amount: 1200, account: acct.id, charge: charge.id });
    expect((await stripe.applicationFees.retrieve(fees.data[0].id)).amount).toBe(1200);
    await expect(stripe.charges.retrieve(charge.id)).rejects.toMatchObject({ statusCode: 404 });
    const connectedBalance = await stripe.balance.retrieve(undefined, opts);
    // Card funds settle on the rolling schedule: pending first (balance.test.ts covers the rest).
    expect(connectedBalance.pending[0]).toMatchObject({ currency: "usd", amount: 8800 });
    const after = await stripe.balance.retrieve();
    expect(
      after.pending.find((b) => b.currency === "usd")!.amount -
        (before.pending.find((b) => b.currency === "usd")?.amount ?? 0),
    ).toBe(1200);
    const connectedEvents = await stripe.events.list({ type: "payment_intent.succeeded" }, opts);
    expect(connectedEvents.data[0].account).toBe(acct.id);
  });

  it("requires Connect for application_fee_amount; supports destination charges", async () => {
    await expect(
      stripe.paymentIntents.create({ amount: 1000, currency: "usd", application_fee_amount: 100 }),
    ).rejects.toMatchObject({ param: "application_fee_amount" });
    const acct = await stripe.accounts.create({ type: "express" });
    const pi = await stripe.paymentIntents.create({
      amount: 1000,
      currency: "usd",
      application_fee_amount: 100,
      transfer_data: { destination: acct.id },
      payment_method: "pm_card_visa",
      confirm: true,
    });
    const charge = await stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge.transfer_data?.destination).toBe(acct.id);
    expect(charge.transfer).toMatch(/^tr_/);
    expect((await stripe.balance.retrieve(undefined, { stripeAccount: acct.id })).pending[0].amount).toBe(900);
  });
});

describe("setup intents and saved cards", () => {
  it("saves a card to a customer and emits setup_intent.succeeded + payment_method.attached", async () => {
    const customer = await stripe.customers.create({ email: "saver@example.com" });
    const si = await stripe.setupIntents.create({ customer: customer.id, allowed_payment_method_types: ["card"] });
    expect(si.status).toBe("requires_payment_method");
    const confirmed = await stripe.setupIntents.confirm(si.id, { payment_method: "pm_card_visa" });
    expect(confirmed.status).toBe("succeeded");
    const pms = await stripe.customers.listPaymentMethods(customer.id);
    expect(pms.data).toHaveLength(1);
    expect((await stripe.paymentMethods.list({ customer: customer.id })).data[0].id).toBe(pms.data[0].id);
    expect(await eventTypesFor(si.id)).toEqual(["setup_intent.created", "setup_intent.succeeded"]);
    const declinedSi = await stripe.setupIntents.create({ customer: customer.id });
    await expect(
      stripe.setupIntents.confirm(declinedSi.id, { payment_method: "pm_card_chargeDeclined" }),
    ).rejects.toMatchObject({ statusCode: 402, code: "card_declined" });
  });

  it("attaches and detaches payment methods; declining cards fail to attach", async () => {
    const customer = await stripe.customers.create({ email: "pm@example.com" });
    const pm = await stripe.paymentMethods.create({
      type: "card",
      card: { number: "5555555555554444", exp_month: 1, exp_year: 2041, cvc: "123" },
      billing_details: { name: "Jo" },
    });
    const attached = await stripe.paymentMethods.attach(pm.id, { customer: customer.id });
    expect(attached.customer).toBe(customer.id);
    const withDefault = await stripe.customers.update(customer.id, {
      invoice_settings: { default_payment_method: pm.id },
    });
    expect(withDefault.invoice_settings.default_payment_method).toBe(pm.id);
    const detached = await stripe.paymentMethods.detach(pm.id);
    expect(detached.customer).toBeNull();
    expect((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({
      invoice_settings: { default_payment_method: null },
    });
    const bad = await stripe.paymentMethods.create({
      type: "card",
      card: { number: "4000000000000002", exp_month: 1, exp_year: 2041, cvc: "123" },
    });
    await expect(stripe.paymentMethods.attach(bad.id, { customer: customer.id })).rejects.toMatchObject({
      statusCode: 402,
      code: "card_declined",
    });
    const types = (await stripe.events.list({ types: ["payment_method.attached", "payment_method.detached"] })).data
      .filter((e) => (e.data.object as Stripe.PaymentMethod).id === pm.id)
      .map((e) => e.type);
    expect(types).toEqual(["payment_method.detached", "payment_method.attached"]);
  });

  it("setup_future_usage saves the card on success", async () => {
    const customer = await stripe.customers.create({ email: "sfu@example.com" });
    await stripe.paymentIntents.create({
      amount: 1000,
      currency: "usd",
      customer: customer.id,
      setup_future_usage: "off_session",
      payment_method: "pm_card_visa",
      confirm: true,
    });
    expect((await stripe.customers.listPaymentMethods(customer.id)).data).toHaveLength(1);
  });
});
