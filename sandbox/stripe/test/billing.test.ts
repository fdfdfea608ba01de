// Subscriptions, invoices, clock-driven renewals, trials, failures, prorations, cancellation, portal.
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "./support";

let em: TestEmulator;
let stripe: Stripe;
let basic: Stripe.Price;
let pro: Stripe.Price;

beforeAll(async () => {
  em = await startTestEmulator();
  stripe = em.stripe;
});
afterAll(() => em.close());
beforeEach(async () => {
  await em.controls.reset();
  const product = await stripe.products.create({ name: "Seller plan" });
  basic = await stripe.prices.create({
    product: product.id,
    currency: "usd",
    unit_amount: 1000,
    recurring: { interval: "month" },
    nickname: "Basic",
  });
  pro = await stripe.prices.create({
    product: product.id,
    currency: "usd",
    unit_amount: 3000,
    recurring: { interval: "month" },
    nickname: "Pro",
  });
});

async function customerWithCard(card = "pm_card_visa") {
  const c = await stripe.customers.create({ email: "sub@example.com", payment_method: card });
  const pm = (await stripe.customers.listPaymentMethods(c.id)).data[0];
  await stripe.customers.update(c.id, { invoice_settings: { default_payment_method: pm.id } });
  return c;
}

const types = async () => (await stripe.events.list({ limit: 100 })).data.map((e) => e.type).reverse();

describe("creation", () => {
  it("charges the first invoice and becomes active", async () => {
    const c = await customerWithCard();
    const sub = await stripe.subscriptions.create({
      customer: c.id,
      items: [{ price: basic.id }],
      metadata: { store: "s1" },
      expand: ["latest_invoice"],
    });
    expect(sub).toMatchObject({
      status: "active",
      customer: c.id,
      cancel_at_period_end: false,
      metadata: { store: "s1" },
    });
    const inv = sub.latest_invoice as Stripe.Invoice;
    expect(inv).toMatchObject({
      status: "paid",
      amount_due: 1000,
      amount_paid: 1000,
      billing_reason: "subscription_create",
      customer: c.id,
    });
    expect(inv.parent?.subscription_details?.subscription).toBe(sub.id);
    expect(inv.hosted_invoice_url).toBe(`${em.url}/invoice/${inv.id}`);
    expect(inv.lines.data[0]).toMatchObject({ amount: 1000, quantity: 1 });
    const t = await types();
    for (const expected of [
      "invoice.created",
      "invoice.finalized",
      "invoice.paid",
      "invoice.payment_succeeded",
      "customer.subscription.created",
    ])
      expect(t).toContain(expected);
    expect((await stripe.subscriptions.list({ customer: c.id })).data.map((s) => s.id)).toEqual([sub.id]);
    expect((await stripe.invoices.list({ subscription: sub.id })).data).toHaveLength(1);
  });

  it("default_incomplete: incomplete until the invoice's PaymentIntent is confirmed", async () => {
    const c = await stripe.customers.create({ email: "elements@example.com" });
    const sub = await stripe.subscriptions.create({
      customer: c.id,
      items: [{ price: pro.id }],
      payment_behavior: "default_incomplete",
      payment_settings: { save_default_payment_method: "on_subscription" },
      expand: ["latest_invoice.confirmation_secret"],
    });
    expect(sub.status).toBe("incomplete");
    const secret = (sub.latest_invoice as Stripe.Invoice).confirmation_secret!.client_secret;
    const piId = secret.split("_secret_")[0];
    const pk = em.client("pk_test_emulator");
    const confirmed = await pk.paymentIntents.confirm(piId, {
      client_secret: secret,
      payment_method: "pm_card_visa",
    } as Stripe.PaymentIntentConfirmParams);
    expect(confirmed.status).toBe("succeeded");
    const after = await stripe.subscriptions.retrieve(sub.id);
    expect(after.status).toBe("active");
    expect(after.default_payment_method).toMatch(/^pm_/);
    const updated = (await stripe.events.list({ type: "customer.subscription.updated" })).data[0];
    expect((updated.data.previous_attributes as { status: string }).status).toBe("incomplete");
  });

  it("a declined first payment leaves the subscription incomplete (allow_incomplete) or errors (error_if_incomplete)", async () => {
    const c = await stripe.customers.create({ email: "d@example.com" });
    await em.controls.setDefaultCard(c.id, "4000000000000341");
    const sub = await stripe.subscriptions.create({
      customer: c.id,
      items: [{ price: basic.id }],
      expand: ["latest_invoice"],
    });
    expect(sub.status).toBe("incomplete");
    expect((sub.latest_invoice as Stripe.Invoice).status).toBe("open");
    await expect(
      stripe.subscriptions.create({
        customer: c.id,
        items: [{ price: basic.id }],
        payment_behavior: "error_if_incomplete",
      }),
    ).rejects.toMatchObject({ statusCode: 402, code: "card_declined" });
    await em.controls.advanceClock("1d");
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("incomplete_expired");
  });

  it("rejects one-time prices", async () => {
    const c = await customerWithCard();
    const oneTime = await stripe.prices.create({ product: basic.product as string, currency: "usd", unit_amount: 100 });
    await expect(stripe.subscriptions.create({ customer: c.id, items: [{ price: oneTime.id }] })).rejects.toMatchObject(
      { param: "items[0][price]" },
    );
  });
});

describe("clock: renewals and trials", () => {
  it("renews monthly with a paid invoice and a new period", async () => {
    const c = await customerWithCard();
    const sub = await stripe.subscriptions.create({ customer: c.id, items: [{ price: basic.id }] });
    const firstEnd = sub.items.data[0].current_period_end;
    await em.controls.advanceClock("32d");
    const renewed = await stripe.subscriptions.retrieve(sub.id);
    expect(renewed.status).toBe("active");
    expect(renewed.items.data[0].current_period_start).toBe(firstEnd);
    const invoices = await stripe.invoices.list({ subscription: sub.id });
    expect(invoices.data.map((i) => [i.billing_reason, i.status, i.amount_paid])).toEqual([
      ["subscription_cycle", "paid", 1000],
      ["subscription_create", "paid", 1000],
    ]);
  });

  it("sends trial_will_end 3 days before, then charges when the trial ends", async () => {
    const c = await customerWithCard();
    const sub = await stripe.subscriptions.create({
      customer: c.id,
      items: [{ price: basic.id }],
      trial_period_days: 14,
    });
    expect(sub.status).toBe("trialing");
    await em.controls.advanceClock("10d");
    expect(await types()).not.toContain("customer.subscription.trial_will_end");
    await em.controls.advanceClock("2d");
    expect(await types()).toContain("customer.subscription.trial_will_end");
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("trialing");
    await em.controls.advanceClock("3d");
    const active = await stripe.subscriptions.retrieve(sub.id, { expand: ["latest_invoice"] });
    expect(active.status).toBe("active");
    expect(active.latest_invoice as Stripe.Invoice).toMatchObject({ status: "paid", amount_paid: 1000 });
  });

  it("a failing card makes the renewal fail → past_due, retries, then uncollectible + canceled", async () => {
    const c = await customerWithCard();
    const sub = await stripe.subscriptions.create({ customer: c.id, items: [{ price: basic.id }] });
    await em.controls.setDefaultCard(c.id, "4000000000000341");
    await em.controls.advanceClock("31d");
    const pastDue = await stripe.subscriptions.retrieve(sub.id, { expand: ["latest_invoice"] });
    expect(pastDue.status).toBe("past_due");
    const inv = pastDue.latest_invoice as Stripe.Invoice;
    expect(inv).toMatchObject({ status: "open", attempt_count: 1 });
    expect(inv.next_payment_attempt).not.toBeNull();
    expect(await types()).toContain("invoice.payment_failed");
    await em.controls.advanceClock("20d");
    expect((await stripe.invoices.retrieve(inv.id)).status).toBe("uncollectible");
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("canceled");
  });

  it("paying the open invoice brings a past_due subscription back to active", async () => {
    const c = await customerWithCard();
    const sub = await stripe.subscriptions.create({ customer: c.id, items: [{ price: basic.id }] });
    await em.controls.setDefaultCard(c.id, "4000000000000341");
    await em.controls.advanceClock("31d");
    const inv = (await stripe.subscriptions.retrieve(sub.id)).latest_invoice as string;
    const paid = await stripe.invoices.pay(inv, { payment_method: "pm_card_visa" });
    expect(paid.status).toBe("paid");
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("active");
  });
});

describe("changes and cancellation", () => {
  it("switches price with always_invoice prorations", async () => {
    const c = await customerWithCard();
    const sub = await stripe.subscriptions.create({ customer: c.id, items: [{ price: basic.id }] });
    await em.controls.advanceClock("15d");
    const updated = await stripe.subscriptions.update(sub.id, {
      items: [{ id: sub.items.data[0].id, price: pro.id }],
      proration_behavior: "always_invoice",
      expand: ["latest_invoice"],
    });
    expect(updated.items.data[0].price.id).toBe(pro.id);
    const inv = updated.latest_invoice as Stripe.Invoice;
    expect(inv.billing_reason).toBe("subscription_update");
    expect(inv.lines.data).toHaveLength(2);
    const [credit, debit] = inv.lines.data;
    expect(credit.amount).toBeLessThan(0);
    expect(debit.amount).toBeGreaterThan(0);
    expect(inv.total).toBe(credit.amount + debit.amount);
    expect(inv.total).toBeGreaterThan(800);
    expect(inv.total).toBeLessThan(1200);
    expect(inv.status).toBe("paid");
    const ev = (await stripe.events.list({ type: "customer.subscription.updated" })).data[0];
    expect(ev.data.previous_attributes).toHaveProperty("items");
  });

  it("switching to a yearly price resets the billing cycle and invoices at once", async () => {
    const c = await customerWithCard();
    const yearly = await stripe.prices.create({
      product: basic.product as string,
      currency: "usd",
      unit_amount: 10000,
      recurring: { interval: "year" },
    });
    const sub = await stripe.subscriptions.create({ customer: c.id, items: [{ price: basic.id }] });
    await em.controls.advanceClock("10d");
    const updated = await stripe.subscriptions.update(sub.id, {
      items: [{ id: sub.items.data[0].id, price: yearly.id }],
      expand: ["latest_invoice"],
    });
    const item = updated.items.data[0];
    expect(item.current_period_end - item.current_period_start).toBeGreaterThanOrEqual(365 * 86400);
    const inv = updated.latest_invoice as Stripe.Invoice;
    expect(inv).toMatchObject({ billing_reason: "subscription_update", status: "paid" });
    expect(inv.total).toBeGreaterThan(9000);
    expect(inv.total).toBeLessThan(10000);
  });

  it("create_prorations defers the proration to the next renewal; none changes price only", async () => {
    const c = await customerWithCard();
    const sub = await stripe.subscriptions.create({ customer: c.id, items: [{ price: basic.id }] });
    await stripe.subscriptions.update(sub.id, { items: [{ id: sub.items.data[0].id, price: pro.id }] });
    expect((await stripe.invoices.list({ subscription: sub.id })).data).toHaveLength(1);
    await em.controls.advanceClock("32d");
    const renewal = (await stripe.invoices.list({ subscription: sub.id })).data[0];
    expect(renewal.lines.data.length).toBe(3);
    expect(renewal.total).toBeGreaterThan(3000);
    const sub2 = await stripe.subscriptions.create({ customer: c.id, items: [{ price: basic.id }] });
    await stripe.subscriptions.update(sub2.id, {
      items: [{ id: sub2.items.data[0].id, price: pro.id }],
      proration_behavior: "none",
    });
    await em.controls.advanceClock("32d");
    expect((await stripe.invoices.list({ subscription: sub2.id })).data[0].total).toBe(3000);
  });

  it("cancel_at_period_end then the period ends → deleted; resume clears it", async () => {
    const c = await customerWithCard();
    const sub = await stripe.subscriptions.create({ customer: c.id, items: [{ price: basic.id }] });
    const scheduled = await stripe.subscriptions.update(sub.id, { cancel_at_period_end: true });
    expect(scheduled.cancel_at_period_end).toBe(true);
    expect(scheduled.cancel_at).toBe(sub.items.data[0].current_period_end);
    const ev = (await stripe.events.list({ type: "customer.subscription.updated" })).data[0];
    expect(ev.data.previous_attributes).toMatchObject({ cancel_at_period_end: false });
    const resumed = await stripe.subscriptions.update(sub.id, { cancel_at_period_end: false });
    expect(resumed.cancel_at).toBeNull();
    await stripe.subscriptions.update(sub.id, { cancel_at_period_end: true });
    await em.controls.advanceClock("32d");
    const ended = await stripe.subscriptions.retrieve(sub.id);
    expect(ended.status).toBe("canceled");
    expect(ended.ended_at).toBe(sub.items.data[0].current_period_end);
    expect((await stripe.invoices.list({ subscription: sub.id })).data).toHaveLength(1);
    expect(await types()).toContain("customer.subscription.deleted");
  });

  it("cancels immediately and filters lists by status", async () => {
    const c = await customerWithCard();
    const sub = await stripe.subscriptions.create({ customer: c.id, items: [{ price: basic.id }] });
    const canceled = await stripe.subscriptions.cancel(sub.id);
    expect(canceled.status).toBe("canceled");
    expect((await stripe.subscriptions.list({ customer: c.id })).data).toHaveLength(0);
    expect((await stripe.subscriptions.list({ customer: c.id, status: "canceled" })).data).toHaveLength(1);
    expect((await stripe.subscriptions.list({ customer: c.id, status: "all" })).data).toHaveLength(1);
    await expect(stripe.subscriptions.update(sub.id, { cancel_at_period_end: true })).rejects.toMatchObject({
      statusCode: 400,
    });
  });
});

describe("invoices and portal", () => {
  it("serves the hosted invoice page and a real PDF; voids open invoices", async () => {
    const c = await customerWithCard();
    const sub = await stripe.subscriptions.create({
      customer: c.id,
      items: [{ price: basic.id }],
      expand: ["latest_invoice"],
    });
    const inv = sub.latest_invoice as Stripe.Invoice;
    const html = await (await fetch(inv.hosted_invoice_url!)).text();
    expect(html).toContain(inv.number!);
    const pdf = await fetch(inv.invoice_pdf!);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    await em.controls.setDefaultCard(c.id, "4000000000000341");
    await em.controls.advanceClock("31d");
    const open = (await stripe.invoices.list({ customer: c.id, status: "open" })).data[0];
    const voided = await stripe.invoices.voidInvoice(open.id);
    expect(voided.status).toBe("void");
  });

  it("pays an open invoice through the hosted invoice page", async () => {
    const c = await customerWithCard();
    const sub = await stripe.subscriptions.create({ customer: c.id, items: [{ price: basic.id }] });
    await em.controls.setDefaultCard(c.id, "4000000000000341");
    await em.controls.advanceClock("31d");
    const open = (await stripe.invoices.list({ customer: c.id, status: "open" })).data[0];
    const res = await fetch(open.hosted_invoice_url!, {
      method: "POST",
      body: new URLSearchParams({ number: "4242424242424242", exp: "12/40", cvc: "123" }),
      redirect: "manual",
    });
    expect(res.status).toBe(303);
    expect((await stripe.invoices.retrieve(open.id)).status).toBe("paid");
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("active");
  });

  it("billing portal sessions link to the hosted portal, which changes subscriptions", async () => {
    const c = await customerWithCard();
    const sub = await stripe.subscriptions.create({ customer: c.id, items: [{ price: basic.id }] });
    const portal = await stripe.billingPortal.sessions.create({
      customer: c.id,
      return_url: "https://shop.test/account",
    });
    expect(portal.url).toBe(`${em.url}/portal/${portal.id}`);
    expect(portal.return_url).toBe("https://shop.test/account");
    const page = await (await fetch(portal.url)).text();
    expect(page).toContain("Seller plan");
    const res = await fetch(portal.url, {
      method: "POST",
      body: new URLSearchParams({ action: "switch", subscription: sub.id, price: pro.id }),
      redirect: "manual",
    });
    expect(res.status).toBe(303);
    expect((await stripe.subscriptions.retrieve(sub.id)).items.data[0].price.id).toBe(pro.id);
    await fetch(portal.url, {
      method: "POST",
      body: new URLSearchParams({ action: "cancel_now", subscription: sub.id }),
      redirect: "manual",
    });
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("canceled");
  });
});
