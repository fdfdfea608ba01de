/**
 * Scenarios written once and run against any Stripe: the emulator (always) and real Stripe test
 * mode (parity suite, only with STRIPE_SECRET_KEY=sk_test_…). Assertions stick to documented
 * behaviour that both must share.
 */
import Stripe from "stripe";
import { expect } from "vitest";

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

async function eventually<T>(fn: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() - start > timeoutMs) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 500));
  }
}

export const SCENARIOS: Record<string, (stripe: Stripe) => Promise<void>> = {
  "unknown parameters are rejected with the param name": async (stripe) => {
    await expect(
      stripe.customers.create({ emial: "x@example.com" } as Stripe.CustomerCreateParams),
    ).rejects.toMatchObject({ statusCode: 400, param: "emial" });
  },
  "missing objects are resource_missing 404s": async (stripe) => {
    await expect(stripe.customers.retrieve("cus_doesnotexist000")).rejects.toMatchObject({
      statusCode: 404,
      code: "resource_missing",
    });
  },
  "idempotency keys replay and conflict": async (stripe) => {
    const key = `parity-${unique()}`;
    const a = await stripe.customers.create({ email: "idem@example.com" }, { idempotencyKey: key });
    const b = await stripe.customers.create({ email: "idem@example.com" }, { idempotencyKey: key });
    expect(b.id).toBe(a.id);
    expect(b.lastResponse.headers["idempotent-replayed"]).toBe("true");
    await expect(
      stripe.customers.create({ email: "other@example.com" }, { idempotencyKey: key }),
    ).rejects.toMatchObject({ type: "StripeIdempotencyError" });
  },
  "pm_card_visa succeeds and refunds partially": async (stripe) => {
    const pi = await stripe.paymentIntents.create({
      amount: 2000,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
      automatic_payment_methods: { enabled: true, allow_redirects: "never" },
    });
    expect(pi.status).toBe("succeeded");
    expect(pi.amount_received).toBe(2000);
    const refund = await stripe.refunds.create({ payment_intent: pi.id, amount: 500 });
    expect(refund.amount).toBe(500);
    const charge = await stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge).toMatchObject({ amount_refunded: 500, refunded: false, status: "succeeded" });
  },
  "declines surface as card errors and reset the PaymentIntent": async (stripe) => {
    const cases: Array<[string, string]> = [
      ["pm_card_chargeDeclined", "generic_decline"],
      ["pm_card_chargeDeclinedInsufficientFunds", "insufficient_funds"],
    ];
    for (const [pm, declineCode] of cases) {
      const err = await stripe.paymentIntents
        .create({
          amount: 2000,
          currency: "usd",
          payment_method: pm,
          confirm: true,
          automatic_payment_methods: { enabled: true, allow_redirects: "never" },
        })
        .then(
          () => null,
          (e: Stripe.errors.StripeError) => e,
        );
      expect(err).toMatchObject({
        type: "StripeCardError",
        statusCode: 402,
        code: "card_declined",
        decline_code: declineCode,
      });
      const pi = await stripe.paymentIntents.retrieve(err!.payment_intent!.id);
      expect(pi.status).toBe("requires_payment_method");
      expect(pi.last_payment_error?.decline_code).toBe(declineCode);
    }
  },
  "checkout sessions start open and unpaid, with line items on expand": async (stripe) => {
    const price = await stripe.prices.create({
      currency: "usd",
      unit_amount: 1500,
      product_data: { name: `Parity ${unique()}` },
    });
    const s = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [{ price: price.id, quantity: 2 }],
      success_url: "https://example.com/ok?id={CHECKOUT_SESSION_ID}",
    });
    expect(s).toMatchObject({ status: "open", payment_status: "unpaid", amount_total: 3000, mode: "payment" });
    expect(typeof s.url).toBe("string");
    const full = await stripe.checkout.sessions.retrieve(s.id, { expand: ["line_items"] });
    expect(full.line_items?.data[0]).toMatchObject({ quantity: 2, amount_total: 3000 });
    const expired = await stripe.checkout.sessions.expire(s.id);
    expect(expired.status).toBe("expired");
  },
  "coupons and promotion codes discount a Checkout Session": async (stripe) => {
    const coupon = await stripe.coupons.create({ percent_off: 25, duration: "once", name: "Parity 25" });
    expect(coupon).toMatchObject({ object: "coupon", percent_off: 25, times_redeemed: 0, valid: true });
    const code = `PARITY${Date.now().toString(36).toUpperCase()}`;
    const promo = await stripe.promotionCodes.create({ promotion: { type: "coupon", coupon: coupon.id }, code });
    expect(promo).toMatchObject({ active: true, code, promotion: { type: "coupon", coupon: coupon.id } });
    const found = await stripe.promotionCodes.list({ code: code.toLowerCase() });
    expect(found.data.map((p) => p.id)).toEqual([promo.id]);
    const price = await stripe.prices.create({
      currency: "usd",
      unit_amount: 1500,
      product_data: { name: `Parity ${unique()}` },
    });
    const base = {
      mode: "payment" as const,
      line_items: [{ price: price.id, quantity: 2 }],
      success_url: "https://example.com/ok",
    };
    const s = await stripe.checkout.sessions.create({ ...base, discounts: [{ promotion_code: promo.id }] });
    expect(s).toMatchObject({ amount_subtotal: 3000, amount_total: 2250, total_details: { amount_discount: 750 } });
    await expect(
      stripe.checkout.sessions.create({ ...base, allow_promotion_codes: true, discounts: [{ coupon: coupon.id }] }),
    ).rejects.toMatchObject({ statusCode: 400 });
    await stripe.checkout.sessions.expire(s.id);
    expect(await stripe.coupons.del(coupon.id)).toMatchObject({ id: coupon.id, deleted: true });
  },
  "trial subscriptions start trialing with a $0 invoice": async (stripe) => {
    const price = await stripe.prices.create({
      currency: "usd",
      unit_amount: 900,
      recurring: { interval: "month" },
      product_data: { name: `Parity plan ${unique()}` },
    });
    const customer = await stripe.customers.create({ email: "trial@example.com" });
    const sub = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      trial_period_days: 7,
      expand: ["latest_invoice"],
    });
    expect(sub.status).toBe("trialing");
    expect(sub.trial_end! - sub.trial_start!).toBe(7 * 86400);
    expect((sub.latest_invoice as Stripe.Invoice).total).toBe(0);
    const canceled = await stripe.subscriptions.cancel(sub.id);
    expect(canceled.status).toBe("canceled");
  },
  "events record payment_intent.succeeded": async (stripe) => {
    const pi = await stripe.paymentIntents.create({
      amount: 1100,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
      automatic_payment_methods: { enabled: true, allow_redirects: "never" },
    });
    const event = await eventually(async () =>
      (await stripe.events.list({ type: "payment_intent.succeeded", limit: 20 })).data.find(
        (e) => (e.data.object as Stripe.PaymentIntent).id === pi.id,
      ),
    );
    expect(event.type).toBe("payment_intent.succeeded");
  },
};
