// Checkout Sessions in payment and subscription mode, completion, declines, expiry.
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "./support";

let em: TestEmulator;
let stripe: Stripe;
let tee: Stripe.Price;
let monthly: Stripe.Price;

beforeAll(async () => {
  em = await startTestEmulator();
  stripe = em.stripe;
  const product = await stripe.products.create({ name: "T-shirt" });
  tee = await stripe.prices.create({ product: product.id, currency: "usd", unit_amount: 2500 });
  const plan = await stripe.products.create({ name: "Club" });
  monthly = await stripe.prices.create({
    product: plan.id,
    currency: "usd",
    unit_amount: 900,
    recurring: { interval: "month" },
  });
});
afterAll(() => em.close());

const sessionTypes = async (id: string) =>
  (await stripe.events.list({ types: ["checkout.session.completed", "checkout.session.expired"] })).data
    .filter((e) => (e.data.object as Stripe.Checkout.Session).id === id)
    .map((e) => e.type);

describe("payment mode", () => {
  it("creates an open, unpaid session with a hosted url and line items", async () => {
    const s = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [
        { price: tee.id, quantity: 2 },
        { price_data: { currency: "usd", unit_amount: 500, product_data: { name: "Gift wrap" } }, quantity: 1 },
      ],
      success_url: "https://shop.test/ok?session_id={CHECKOUT_SESSION_ID}",
      cancel_url: "https://shop.test/cart",
      client_reference_id: "order_77",
      customer_email: "buyer@example.com",
      metadata: { order: "77" },
    });
    expect(s.id).toMatch(/^cs_test_/);
    expect(s).toMatchObject({
      status: "open",
      payment_status: "unpaid",
      amount_total: 5500,
      amount_subtotal: 5500,
      currency: "usd",
      client_reference_id: "order_77",
      payment_intent: null,
      mode: "payment",
    });
    expect(s.url).toBe(`${em.url}/checkout/${s.id}`);
    expect(s.line_items).toBeUndefined();
    const withItems = await stripe.checkout.sessions.retrieve(s.id, { expand: ["line_items"] });
    expect(withItems.line_items?.data.map((li) => [li.description, li.quantity, li.amount_total])).toEqual([
      ["T-shirt", 2, 5000],
      ["Gift wrap", 1, 500],
    ]);
    const items = await stripe.checkout.sessions.listLineItems(s.id, { limit: 1 });
    expect(items.data).toHaveLength(1);
    expect(items.has_more).toBe(true);
  });

  it("completes through the hosted form and redirects to success_url with the id", async () => {
    const s = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [{ price: tee.id, quantity: 1 }],
      success_url: "https://shop.test/ok?session_id={CHECKOUT_SESSION_ID}",
    });
    const page = await fetch(s.url!);
    expect(await page.text()).toContain("$25.00");
    const res = await fetch(s.url!, {
      method: "POST",
      body: new URLSearchParams({
        email: "web@example.com",
        number: "4242 4242 4242 4242",
        exp: "12 / 40",
        cvc: "123",
        name: "Web Buyer",
      }),
      redirect: "manual",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`https://shop.test/ok?session_id=${s.id}`);
    const done = await stripe.checkout.sessions.retrieve(s.id, { expand: ["payment_intent"] });
    expect(done).toMatchObject({
      status: "complete",
      payment_status: "paid",
      customer_details: { email: "web@example.com", name: "Web Buyer" },
      url: null,
    });
    expect((done.payment_intent as Stripe.PaymentIntent).status).toBe("succeeded");
    expect(await sessionTypes(s.id)).toEqual(["checkout.session.completed"]);
    const again = await fetch(`${em.url}/checkout/${s.id}`);
    expect(await again.text()).toContain("already complete");
  });

  it("a decline keeps the session open and shows the message", async () => {
    const s = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [{ price: tee.id, quantity: 1 }],
      success_url: "https://shop.test/ok",
    });
    const res = await fetch(s.url!, {
      method: "POST",
      body: new URLSearchParams({ email: "d@example.com", number: "4000000000000002", exp: "12/40", cvc: "123" }),
      redirect: "manual",
    });
    expect(res.status).toBe(402);
    expect(await res.text()).toContain("Your card was declined.");
    const after = await stripe.checkout.sessions.retrieve(s.id);
    expect(after.status).toBe("open");
    const pi = await stripe.paymentIntents.retrieve(after.payment_intent as string);
    expect(pi.status).toBe("requires_payment_method");
    const ok = await em.controls.completeCheckout(s.id, { card: "4242424242424242" });
    expect(ok.result.status).toBe("complete");
    expect(ok.session.payment_intent).toBe(pi.id);
  });

  it("carries payment_intent_data to the PaymentIntent on a connected account (fee + metadata)", async () => {
    const acct = await stripe.accounts.create({ type: "express" });
    const opts = { stripeAccount: acct.id };
    const product = await stripe.products.create({ name: "Art print" }, opts);
    const price = await stripe.prices.create({ product: product.id, currency: "brl", unit_amount: 10000 }, opts);
    const s = await stripe.checkout.sessions.create(
      {
        mode: "payment",
        line_items: [{ price: price.id, quantity: 1 }],
        success_url: "https://shop.test/ok",
        payment_intent_data: { application_fee_amount: 500, metadata: { order: "9" } },
      },
      opts,
    );
    const done = await em.controls.completeCheckout(s.id, { card: "pm_card_visa", email: "c@example.com" });
    expect(done.result.status).toBe("complete");
    const pi = await stripe.paymentIntents.retrieve(done.session.payment_intent as string, undefined, opts);
    expect(pi).toMatchObject({
      amount: 10000,
      currency: "brl",
      application_fee_amount: 500,
      metadata: { order: "9" },
      status: "succeeded",
    });
    const completed = (await stripe.events.list({ type: "checkout.session.completed" }, opts)).data[0];
    expect(completed.account).toBe(acct.id);
    expect((await stripe.applicationFees.list({ limit: 1 })).data[0]).toMatchObject({ amount: 500, account: acct.id });
  });

  it("expires on request and after 24h; only open sessions can be expired", async () => {
    const s = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [{ price: tee.id, quantity: 1 }],
      success_url: "https://shop.test/ok",
      cancel_url: "https://shop.test/cart",
    });
    const expired = await stripe.checkout.sessions.expire(s.id);
    expect(expired).toMatchObject({ status: "expired", url: null });
    await expect(stripe.checkout.sessions.expire(s.id)).rejects.toMatchObject({ statusCode: 400 });
    expect(await sessionTypes(s.id)).toEqual(["checkout.session.expired"]);
    const page = await fetch(`${em.url}/checkout/${s.id}`);
    expect(page.status).toBe(410);
    const later = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [{ price: tee.id, quantity: 1 }],
      success_url: "https://shop.test/ok",
    });
    await em.controls.advanceClock("25h");
    expect((await stripe.checkout.sessions.retrieve(later.id)).status).toBe("expired");
    expect((await stripe.checkout.sessions.list({ status: "expired", limit: 100 })).data.map((x) => x.id)).toEqual(
      expect.arrayContaining([s.id, later.id]),
    );
  });

  it("validates mode/price combinations and exclusive params", async () => {
    await expect(
      stripe.checkout.sessions.create({
        mode: "payment",
        line_items: [{ price: monthly.id, quantity: 1 }],
        success_url: "https://x",
      }),
    ).rejects.toMatchObject({ param: "line_items" });
    await expect(
      stripe.checkout.sessions.create({
        mode: "subscription",
        line_items: [{ price: tee.id, quantity: 1 }],
        success_url: "https://x",
      }),
    ).rejects.toMatchObject({ param: "line_items" });
    const c = await stripe.customers.create({ email: "e@example.com" });
    await expect(
      stripe.checkout.sessions.create({
        mode: "payment",
        customer: c.id,
        customer_email: "e@example.com",
        line_items: [{ price: tee.id, quantity: 1 }],
      }),
    ).rejects.toMatchObject({ param: "customer_email" });
    await expect(
      stripe.checkout.sessions.create({
        mode: "payment",
        line_items: [{ price: tee.id, quantity: 1 }],
        payment_intent_data: { application_fee_amount: 10 },
      }),
    ).rejects.toMatchObject({ param: "payment_intent_data[application_fee_amount]" });
  });
});

describe("subscription mode", () => {
  it("creates customer, subscription and a paid first invoice", async () => {
    const s = await stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: monthly.id, quantity: 1 }],
      success_url: "https://shop.test/ok",
      subscription_data: { metadata: { plan: "club" } },
    });
    const done = await em.controls.completeCheckout(s.id, { card: "4242424242424242", email: "member@example.com" });
    expect(done.session).toMatchObject({ status: "complete", payment_status: "paid" });
    const sub = await stripe.subscriptions.retrieve(done.session.subscription as string, {
      expand: ["latest_invoice", "customer"],
    });
    expect(sub).toMatchObject({ status: "active", metadata: { plan: "club" } });
    expect((sub.customer as Stripe.Customer).email).toBe("member@example.com");
    expect(sub.latest_invoice as Stripe.Invoice).toMatchObject({
      status: "paid",
      amount_paid: 900,
      billing_reason: "subscription_create",
    });
    expect(sub.items.data[0].current_period_end - sub.items.data[0].current_period_start).toBeGreaterThanOrEqual(
      28 * 86400,
    );
  });

  it("honours a trial: trialing subscription, $0 invoice, no_payment_required", async () => {
    const s = await stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: monthly.id, quantity: 1 }],
      success_url: "https://shop.test/ok",
      subscription_data: { trial_period_days: 14 },
    });
    const done = await em.controls.completeCheckout(s.id, { card: "4242424242424242" });
    expect(done.session).toMatchObject({ status: "complete", payment_status: "no_payment_required" });
    const sub = await stripe.subscriptions.retrieve(done.session.subscription as string, {
      expand: ["latest_invoice"],
    });
    expect(sub.status).toBe("trialing");
    expect(sub.trial_end! - sub.trial_start!).toBe(14 * 86400);
    expect(sub.latest_invoice as Stripe.Invoice).toMatchObject({ status: "paid", amount_due: 0, total: 0 });
  });

  it("declining cards fail without completing the session", async () => {
    const s = await stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: monthly.id, quantity: 1 }],
      success_url: "https://shop.test/ok",
    });
    const done = await em.controls.completeCheckout(s.id, { card: "4000000000009995" });
    expect(done.result).toEqual({ status: "failed", message: "Your card has insufficient funds." });
    expect(done.session.status).toBe("open");
  });

  it("takes application_fee_percent on a connected account's subscription invoices", async () => {
    const acct = await stripe.accounts.create({ type: "express" });
    const opts = { stripeAccount: acct.id };
    const product = await stripe.products.create({ name: "Box" }, opts);
    const price = await stripe.prices.create(
      { product: product.id, currency: "usd", unit_amount: 2000, recurring: { interval: "month" } },
      opts,
    );
    const s = await stripe.checkout.sessions.create(
      {
        mode: "subscription",
        line_items: [{ price: price.id, quantity: 1 }],
        success_url: "https://x.test/ok",
        subscription_data: { application_fee_percent: 10 },
      },
      opts,
    );
    const done = await em.controls.completeCheckout(s.id);
    const sub = await stripe.subscriptions.retrieve(done.session.subscription as string, undefined, opts);
    expect(sub.application_fee_percent).toBe(10);
    // Not declared on the SDK's Invoice type (see README: known differences), but present on the wire.
    const inv: Stripe.Invoice & { application_fee_amount?: number } = await stripe.invoices.retrieve(
      sub.latest_invoice as string,
      undefined,
      opts,
    );
    expect(inv.application_fee_amount).toBe(200);
    const fee = (await stripe.applicationFees.list({ limit: 1 })).data[0];
    expect(fee).toMatchObject({ amount: 200, account: acct.id });
  });
});
