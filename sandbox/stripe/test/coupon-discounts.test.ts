// Discounts where they are redeemed: Checkout Sessions (coupon, promotion code, the hosted page's
// code field) and subscriptions (durations over renewals on the emulator clock), redemption limits
// and promotion code restrictions. PaymentIntents take no discounts, as on Stripe.
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "./support";

let em: TestEmulator;
let stripe: Stripe;
let tee: Stripe.Price;
let wrap: Stripe.Price;
let monthly: Stripe.Price;
let brlMonthly: Stripe.Price;

beforeAll(async () => {
  em = await startTestEmulator();
  stripe = em.stripe;
});
afterAll(() => em.close());
beforeEach(async () => {
  await em.controls.reset();
  const shirt = await stripe.products.create({ name: "T-shirt" });
  tee = await stripe.prices.create({ product: shirt.id, currency: "usd", unit_amount: 2500 });
  const gift = await stripe.products.create({ name: "Gift wrap" });
  wrap = await stripe.prices.create({ product: gift.id, currency: "usd", unit_amount: 999 });
  const plan = await stripe.products.create({ name: "Pro plan" });
  monthly = await stripe.prices.create({
    product: plan.id,
    currency: "usd",
    unit_amount: 1000,
    recurring: { interval: "month" },
  });
  brlMonthly = await stripe.prices.create({
    product: plan.id,
    currency: "brl",
    unit_amount: 4990,
    recurring: { interval: "month" },
  });
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: Stripe.errors.StripeError) => e,
  );

const cart = (extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) =>
  stripe.checkout.sessions.create({
    mode: "payment",
    line_items: [
      { price: tee.id, quantity: 2 },
      { price: wrap.id, quantity: 1 },
    ],
    success_url: "https://shop.test/ok",
    ...extra,
  });

async function customerWithCard(email = "sub@example.com") {
  const c = await stripe.customers.create({ email, payment_method: "pm_card_visa" });
  const pm = (await stripe.customers.listPaymentMethods(c.id)).data[0];
  await stripe.customers.update(c.id, { invoice_settings: { default_payment_method: pm.id } });
  return c;
}

/** The subscription's invoices, oldest first, as [total, amount discounted]. */
async function invoiceTotals(sub: string) {
  const invoices = (await stripe.invoices.list({ subscription: sub, limit: 100 })).data.reverse();
  return invoices.map((i) => [i.total, (i.total_discount_amounts ?? []).reduce((s, d) => s + d.amount, 0)]);
}

describe("Checkout Sessions", () => {
  it("a percent coupon discounts each line (rounded half up) and the PaymentIntent charges the total", async () => {
    await stripe.coupons.create({ id: "FIFTEEN", percent_off: 15 });
    const s = await cart({ discounts: [{ coupon: "FIFTEEN" }] });
    // 15% of 5000 = 750; 15% of 999 = 149.85 → 150.
    expect(s).toMatchObject({
      amount_subtotal: 5999,
      amount_total: 5099,
      total_details: { amount_discount: 900, amount_shipping: 0, amount_tax: 0 },
      discounts: [{ coupon: "FIFTEEN", promotion_code: null }],
      allow_promotion_codes: null,
    });
    const items = await stripe.checkout.sessions.listLineItems(s.id);
    expect(items.data.map((li) => [li.amount_subtotal, li.amount_discount, li.amount_total])).toEqual([
      [5000, 750, 4250],
      [999, 150, 849],
    ]);
    const done = await em.controls.completeCheckout(s.id, { card: "pm_card_visa" });
    expect(done.result.status).toBe("complete");
    const pi = await stripe.paymentIntents.retrieve(done.session.payment_intent as string);
    expect(pi).toMatchObject({ amount: 5099, amount_received: 5099, status: "succeeded" });
    expect((await stripe.coupons.retrieve("FIFTEEN")).times_redeemed).toBe(1);
  });

  it("amount_off needs the session's currency (or a currency_options entry) and applies_to limits the lines", async () => {
    await stripe.coupons.create({ id: "FIVE", amount_off: 500, currency: "eur" });
    const err = await failure(cart({ discounts: [{ coupon: "FIVE" }] }));
    expect(err).toMatchObject({
      statusCode: 400,
      rawType: "invalid_request_error",
      param: "discounts[0][coupon]",
    });
    await stripe.coupons.create({
      id: "FIVE_ANY",
      amount_off: 500,
      currency: "eur",
      currency_options: { usd: { amount_off: 600 } },
    });
    const s = await cart({ discounts: [{ coupon: "FIVE_ANY" }] });
    expect(s.total_details?.amount_discount).toBe(600);
    const items = await stripe.checkout.sessions.listLineItems(s.id);
    expect(items.data.map((li) => li.amount_discount)).toEqual([500, 100]); // 600 in proportion to 5000 : 999

    const shirtOnly = await stripe.coupons.create({
      percent_off: 10,
      applies_to: { products: [tee.product as string] },
    });
    const only = await cart({ discounts: [{ coupon: shirtOnly.id }] });
    expect(only.total_details?.amount_discount).toBe(500);
    expect((await stripe.checkout.sessions.listLineItems(only.id)).data.map((li) => li.amount_discount)).toEqual([
      500, 0,
    ]);
    // A fixed amount never takes more than the eligible lines cost.
    await stripe.coupons.create({ id: "HUGE", amount_off: 100000, currency: "usd" });
    expect((await cart({ discounts: [{ coupon: "HUGE" }] })).amount_total).toBe(0);
  });

  it("takes allow_promotion_codes or discounts, never both; one discount only", async () => {
    await stripe.coupons.create({ id: "X", percent_off: 5 });
    expect(await failure(cart({ allow_promotion_codes: true, discounts: [{ coupon: "X" }] }))).toMatchObject({
      statusCode: 400,
      code: "parameters_exclusive",
    });
    expect(await failure(cart({ discounts: [{ coupon: "X" }, { coupon: "X" }] }))).toMatchObject({
      statusCode: 400,
      param: "discounts",
    });
    expect(await failure(cart({ discounts: [{ coupon: "NOPE" }] }))).toMatchObject({
      statusCode: 404,
      code: "resource_missing",
      param: "discounts[0][coupon]",
    });
  });

  it("a code typed on the hosted page (any case) applies; the redemption counts on completion", async () => {
    await stripe.coupons.create({ id: "TWENTY", percent_off: 20 });
    const promo = await stripe.promotionCodes.create({
      promotion: { type: "coupon", coupon: "TWENTY" },
      code: "SUMMER",
    });
    const s = await cart({ allow_promotion_codes: true });
    expect(s.allow_promotion_codes).toBe(true);
    const page = await (await fetch(s.url!)).text();
    expect(page).toContain('name="promotion_code"');

    const wrong = await fetch(`${s.url}/promotion_code`, {
      method: "POST",
      body: new URLSearchParams({ promotion_code: "WINTER" }),
      redirect: "manual",
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("This code is invalid.");

    const applied = await fetch(`${s.url}/promotion_code`, {
      method: "POST",
      body: new URLSearchParams({ promotion_code: "summer" }),
      redirect: "manual",
    });
    expect(applied.status).toBe(303);
    const after = await stripe.checkout.sessions.retrieve(s.id);
    expect(after).toMatchObject({
      amount_subtotal: 5999,
      amount_total: 4799, // 1000 + 199.8 → 200 off
      total_details: { amount_discount: 1200 },
      discounts: [{ coupon: null, promotion_code: promo.id }],
    });
    const shown = await (await fetch(s.url!)).text();
    expect(shown).toContain("SUMMER");
    expect(shown).toContain("−$12.00");
    expect(shown).toContain("Pay $47.99");

    const done = await em.controls.completeCheckout(s.id, { card: "4242424242424242" });
    expect(done.result.status).toBe("complete");
    expect((await stripe.promotionCodes.retrieve(promo.id)).times_redeemed).toBe(1);
    expect((await stripe.coupons.retrieve("TWENTY")).times_redeemed).toBe(1);
  });

  it("max_redemptions: the last redemption wins, later sessions are refused at creation or completion", async () => {
    await stripe.coupons.create({ id: "ONLY1", percent_off: 50, max_redemptions: 1 });
    const a = await cart({ discounts: [{ coupon: "ONLY1" }] });
    const b = await cart({ discounts: [{ coupon: "ONLY1" }] });
    expect((await em.controls.completeCheckout(a.id)).result.status).toBe("complete");
    const coupon = await stripe.coupons.retrieve("ONLY1");
    expect(coupon).toMatchObject({ times_redeemed: 1, valid: false });
    const late = await em.controls.completeCheckout(b.id);
    expect(late.result).toEqual({ status: "failed", message: "Coupon expired: ONLY1" });
    expect(late.session.status).toBe("open");
    expect(await failure(cart({ discounts: [{ coupon: "ONLY1" }] }))).toMatchObject({
      statusCode: 400,
      rawType: "invalid_request_error",
      code: "coupon_expired",
      param: "discounts[0][coupon]",
    });
    expect((await stripe.coupons.retrieve("ONLY1")).times_redeemed).toBe(1);
  });

  it("a passed redeem_by refuses the coupon", async () => {
    const { now } = await em.controls.now();
    await stripe.coupons.create({ id: "EARLY", percent_off: 10, redeem_by: now + 600 });
    await em.controls.advanceClock(1200);
    expect(await failure(cart({ discounts: [{ coupon: "EARLY" }] }))).toMatchObject({
      statusCode: 400,
      code: "coupon_expired",
      message: "Coupon expired: EARLY",
    });
  });

  it("100% off completes with no payment", async () => {
    await stripe.coupons.create({ id: "FREE", percent_off: 100 });
    const s = await cart({ discounts: [{ coupon: "FREE" }] });
    expect(s.amount_total).toBe(0);
    const done = await em.controls.completeCheckout(s.id);
    expect(done.result.status).toBe("complete");
    expect(done.session).toMatchObject({ payment_status: "no_payment_required", payment_intent: null });
  });

  it("promotion code restrictions: minimum amount, first-time customers, one customer only", async () => {
    await stripe.coupons.create({ id: "R", percent_off: 10 });
    const min = await stripe.promotionCodes.create({
      promotion: { type: "coupon", coupon: "R" },
      restrictions: { minimum_amount: 10000, minimum_amount_currency: "usd" },
    });
    expect(await failure(cart({ discounts: [{ promotion_code: min.id }] }))).toMatchObject({
      statusCode: 400,
      param: "discounts[0][promotion_code]",
      message:
        "This promotion code cannot be redeemed because the associated purchase does not meet the minimum amount requirement.",
    });
    const returning = await stripe.customers.create({ email: "again@example.com" });
    const first = await cart({ customer: returning.id });
    await em.controls.completeCheckout(first.id);
    const newcomers = await stripe.promotionCodes.create({
      promotion: { type: "coupon", coupon: "R" },
      restrictions: { first_time_transaction: true },
    });
    expect(
      await failure(cart({ customer: returning.id, discounts: [{ promotion_code: newcomers.id }] })),
    ).toMatchObject({ statusCode: 400, code: "promotion_code_customer_not_first_time" });
    const fresh = await stripe.customers.create({ email: "new@example.com" });
    const welcome = await cart({ customer: fresh.id, discounts: [{ promotion_code: newcomers.id }] });
    expect(welcome.amount_total).toBe(5399);
    // The buyer's own payment is not a "prior transaction" when the redemption is counted.
    expect((await em.controls.completeCheckout(welcome.id)).result.status).toBe("complete");
    expect((await stripe.promotionCodes.retrieve(newcomers.id)).times_redeemed).toBe(1);

    const personal = await stripe.promotionCodes.create({
      promotion: { type: "coupon", coupon: "R" },
      customer: fresh.id,
    });
    expect(await failure(cart({ customer: returning.id, discounts: [{ promotion_code: personal.id }] }))).toMatchObject(
      { statusCode: 400, param: "discounts[0][promotion_code]" },
    );
    const off = await stripe.promotionCodes.update(personal.id, { active: false });
    expect(await failure(cart({ customer: fresh.id, discounts: [{ promotion_code: off.id }] }))).toMatchObject({
      statusCode: 400,
      param: "discounts[0][promotion_code]",
    });
  });

  it("subscription mode: the subscription gets the discount, redeemed once", async () => {
    await stripe.coupons.create({ id: "HALF3", percent_off: 50, duration: "repeating", duration_in_months: 3 });
    const s = await stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: monthly.id, quantity: 1 }],
      success_url: "https://shop.test/ok",
      discounts: [{ coupon: "HALF3" }],
    });
    expect(s.amount_total).toBe(500);
    const done = await em.controls.completeCheckout(s.id, { card: "pm_card_visa" });
    expect(done.result.status).toBe("complete");
    const sub = await stripe.subscriptions.retrieve(done.session.subscription as string, {
      expand: ["discounts", "latest_invoice"],
    });
    expect(sub.status).toBe("active");
    expect((sub.discounts[0] as Stripe.Discount).source).toEqual({ coupon: "HALF3", type: "coupon" });
    expect((sub.latest_invoice as Stripe.Invoice).amount_paid).toBe(500);
    expect((await stripe.coupons.retrieve("HALF3")).times_redeemed).toBe(1);
  });
});

describe("subscriptions", () => {
  it("forever: every invoice carries discounts, total_discount_amounts and per-line discount_amounts", async () => {
    const c = await customerWithCard();
    await stripe.coupons.create({ id: "LOYAL", percent_off: 12.5, duration: "forever" });
    const sub = await stripe.subscriptions.create({
      customer: c.id,
      items: [{ price: monthly.id, quantity: 3 }],
      discounts: [{ coupon: "LOYAL" }],
      expand: ["latest_invoice", "discounts"],
    });
    const discount = sub.discounts[0] as Stripe.Discount;
    expect(discount).toMatchObject({
      object: "discount",
      source: { coupon: "LOYAL", type: "coupon" },
      promotion_code: null,
      customer: c.id,
      subscription: sub.id,
      end: null,
      checkout_session: null,
    });
    expect(discount.id).toMatch(/^di_/);
    const inv = sub.latest_invoice as Stripe.Invoice;
    // 12.5% of 3000 = 375.
    expect(inv).toMatchObject({
      subtotal: 3000,
      total: 2625,
      amount_due: 2625,
      amount_paid: 2625,
      status: "paid",
      discounts: [discount.id],
      total_discount_amounts: [{ amount: 375, discount: discount.id }],
    });
    expect(inv.lines.data[0]).toMatchObject({
      amount: 3000,
      discount_amounts: [{ amount: 375, discount: discount.id }],
      discountable: true,
    });
    const hosted = await (await fetch(inv.hosted_invoice_url!)).text();
    expect(hosted).toContain("LOYAL (12.5% off)");
    expect(hosted).toContain("−$3.75");
    const expanded = await stripe.invoices.retrieve(inv.id, { expand: ["total_discount_amounts.discount"] });
    expect(expanded.total_discount_amounts?.[0]?.discount).toMatchObject({ object: "discount", id: discount.id });
    await em.controls.advanceClock("65d");
    expect(await invoiceTotals(sub.id)).toEqual([
      [2625, 375],
      [2625, 375],
      [2625, 375],
    ]);
    expect((await stripe.events.list({ type: "customer.discount.created" })).data).toHaveLength(1);
  });

  it("once: only the first invoice; the discount leaves at the first renewal", async () => {
    const c = await customerWithCard();
    await stripe.coupons.create({ id: "FIRST", amount_off: 300, currency: "usd", duration: "once" });
    const sub = await stripe.subscriptions.create({
      customer: c.id,
      items: [{ price: monthly.id }],
      discounts: [{ coupon: "FIRST" }],
    });
    expect(sub.discounts).toHaveLength(1);
    await em.controls.advanceClock("32d");
    expect(await invoiceTotals(sub.id)).toEqual([
      [700, 300],
      [1000, 0],
    ]);
    expect((await stripe.subscriptions.retrieve(sub.id)).discounts).toEqual([]);
    const [deleted] = (await stripe.events.list({ type: "customer.discount.deleted" })).data;
    expect((deleted.data.object as Stripe.Discount).id).toBe(sub.discounts[0]);
  });

  it("repeating: invoices created within duration_in_months of the redemption, then full price", async () => {
    // Start on the 1st (UTC) so that no month boundary is clamped (Jan 31 + 1 month) and the count is exact.
    const { now } = await em.controls.now();
    const d0 = new Date(now * 1000);
    const firstOfNextMonth = Date.UTC(d0.getUTCFullYear(), d0.getUTCMonth() + 1, 1, 12) / 1000;
    await em.controls.advanceClock(firstOfNextMonth - now);
    const c = await customerWithCard();
    await stripe.coupons.create({ id: "Q1", percent_off: 50, duration: "repeating", duration_in_months: 3 });
    const sub = await stripe.subscriptions.create({
      customer: c.id,
      items: [{ price: monthly.id }],
      discounts: [{ coupon: "Q1" }],
      expand: ["discounts"],
    });
    const d = sub.discounts[0] as Stripe.Discount;
    expect(d.end).toBeGreaterThan(d.start + 88 * 86400);
    await em.controls.advanceClock("125d");
    const totals = await invoiceTotals(sub.id);
    expect(totals.slice(0, 4)).toEqual([
      [500, 500],
      [500, 500],
      [500, 500],
      [1000, 0],
    ]);
    expect(totals.slice(4).every(([total]) => total === 1000)).toBe(true);
    expect((await stripe.subscriptions.retrieve(sub.id)).discounts).toEqual([]);
  });

  it("update: a promotion code replaces the discounts; an empty string clears them", async () => {
    const c = await customerWithCard();
    await stripe.coupons.create({ id: "BACK", percent_off: 30, duration: "forever" });
    const promo = await stripe.promotionCodes.create({
      promotion: { type: "coupon", coupon: "BACK" },
      code: "COMEBACK",
    });
    const sub = await stripe.subscriptions.create({ customer: c.id, items: [{ price: monthly.id }] });
    expect(sub.discounts).toEqual([]);
    const updated = await stripe.subscriptions.update(sub.id, {
      discounts: [{ promotion_code: promo.id }],
      expand: ["discounts"],
    });
    expect((updated.discounts[0] as Stripe.Discount).promotion_code).toBe(promo.id);
    expect((await stripe.promotionCodes.retrieve(promo.id)).times_redeemed).toBe(1);
    const keep = await stripe.subscriptions.update(sub.id, {
      discounts: [{ discount: (updated.discounts[0] as Stripe.Discount).id }],
    });
    expect(keep.discounts).toEqual([(updated.discounts[0] as Stripe.Discount).id]);
    await em.controls.advanceClock("32d");
    expect((await invoiceTotals(sub.id))[1]).toEqual([700, 300]);
    const cleared = await stripe.subscriptions.update(sub.id, { discounts: "" });
    expect(cleared.discounts).toEqual([]);
    await em.controls.advanceClock("31d");
    expect((await invoiceTotals(sub.id))[2]).toEqual([1000, 0]);
    expect(
      await failure(stripe.subscriptions.update(sub.id, { discounts: [{ discount: "di_unknown" }] })),
    ).toMatchObject({ statusCode: 400, code: "resource_missing", param: "discounts[0][discount]" });
  });

  it("refuses an exhausted coupon, a currency mismatch and a returning customer on a first-time code", async () => {
    await stripe.coupons.create({ id: "ONE", percent_off: 10, max_redemptions: 1 });
    const first = await customerWithCard("first@example.com");
    await stripe.subscriptions.create({
      customer: first.id,
      items: [{ price: monthly.id }],
      discounts: [{ coupon: "ONE" }],
    });
    const second = await customerWithCard("second@example.com");
    expect(
      await failure(
        stripe.subscriptions.create({
          customer: second.id,
          items: [{ price: monthly.id }],
          discounts: [{ coupon: "ONE" }],
        }),
      ),
    ).toMatchObject({ statusCode: 400, code: "coupon_expired", param: "discounts[0][coupon]" });
    expect((await stripe.subscriptions.list({ customer: second.id })).data).toEqual([]);

    await stripe.coupons.create({ id: "USD5", amount_off: 500, currency: "usd", duration: "forever" });
    expect(
      await failure(
        stripe.subscriptions.create({
          customer: second.id,
          items: [{ price: brlMonthly.id }],
          discounts: [{ coupon: "USD5" }],
        }),
      ),
    ).toMatchObject({ statusCode: 400, param: "discounts[0][coupon]" });

    await stripe.coupons.create({ id: "NEWBIE", percent_off: 20 });
    const newbie = await stripe.promotionCodes.create({
      promotion: { type: "coupon", coupon: "NEWBIE" },
      restrictions: { first_time_transaction: true },
    });
    expect(
      await failure(
        stripe.subscriptions.create({
          customer: first.id,
          items: [{ price: monthly.id }],
          discounts: [{ promotion_code: newbie.id }],
        }),
      ),
    ).toMatchObject({ statusCode: 400, code: "promotion_code_customer_not_first_time" });
    expect((await stripe.promotionCodes.retrieve(newbie.id)).times_redeemed).toBe(0);
  });

  it("concurrent redemptions stop exactly at max_redemptions", async () => {
    await stripe.coupons.create({ id: "TEN_ONLY", percent_off: 10, max_redemptions: 10 });
    const customers = [];
    for (let i = 0; i < 15; i++) customers.push(await customerWithCard(`c${i}@example.com`));
    const results = await Promise.allSettled(
      customers.map((c) =>
        stripe.subscriptions.create({
          customer: c.id,
          items: [{ price: monthly.id }],
          discounts: [{ coupon: "TEN_ONLY" }],
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.map((r) => (r.reason as Stripe.errors.StripeError).code)).toEqual(Array(5).fill("coupon_expired"));
    expect(await stripe.coupons.retrieve("TEN_ONLY")).toMatchObject({ times_redeemed: 10, valid: false });
  });

  it("a trial invoice does not use up a once coupon; the first paid invoice does", async () => {
    const c = await customerWithCard();
    await stripe.coupons.create({ id: "TRY", percent_off: 40, duration: "once" });
    const sub = await stripe.subscriptions.create({
      customer: c.id,
      items: [{ price: monthly.id }],
      trial_period_days: 7,
      discounts: [{ coupon: "TRY" }],
    });
    expect(sub.status).toBe("trialing");
    await em.controls.advanceClock("8d");
    await em.controls.advanceClock("31d");
    expect(await invoiceTotals(sub.id)).toEqual([
      [0, 0],
      [600, 400],
      [1000, 0],
    ]);
  });
});

describe("PaymentIntents", () => {
  it("take no discounts (the caller charges the discounted amount)", async () => {
    expect(
      await failure(
        stripe.paymentIntents.create({
          amount: 1000,
          currency: "usd",
          discounts: [{ coupon: "X" }],
        } as unknown as Stripe.PaymentIntentCreateParams),
      ),
    ).toMatchObject({ statusCode: 400, code: "parameter_unknown", param: "discounts" });
  });
});
