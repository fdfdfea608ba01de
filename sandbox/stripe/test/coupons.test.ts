// Coupons and promotion codes through the SDK: shapes, validation, events, lists, Connect scoping,
// and the discount arithmetic (rounding, spreading a fixed amount) as pure functions.
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { percentOf, spread } from "../src/domain/discount-math";
import { startTestEmulator, type TestEmulator } from "./support";

let em: TestEmulator;
let stripe: Stripe;

beforeAll(async () => {
  em = await startTestEmulator();
  stripe = em.stripe;
});
afterAll(() => em.close());
beforeEach(() => em.controls.reset());

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: Stripe.errors.StripeError) => e,
  );

const eventsOf = async (type: string, opts?: Stripe.RequestOptions) =>
  (await stripe.events.list({ type, limit: 100 }, opts)).data;

describe("discount arithmetic", () => {
  it("rounds percent_off half up to the minor unit, without floats", () => {
    expect(percentOf(999, 50)).toBe(500); // 499.5
    expect(percentOf(999, 12.5)).toBe(125); // 124.875
    expect(percentOf(1000, 33.33)).toBe(333); // 333.3
    expect(percentOf(1999, 15)).toBe(300); // 299.85
    expect(percentOf(10, 0.05)).toBe(0); // 0.005
    expect(percentOf(1500, 100)).toBe(1500);
    expect(percentOf(2_000_000_000_00, 25.5)).toBe(51_000_000_000);
  });

  it("spreads a fixed amount over lines in proportion, adding up exactly", () => {
    expect(spread(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(spread(500, [5000, 999])).toEqual([417, 83]);
    expect(spread(0, [10, 20])).toEqual([0, 0]);
    expect(spread(7, [0, 10])).toEqual([0, 7]);
  });
});

describe("coupons", () => {
  it("creates, retrieves, updates, lists and deletes, with Stripe's shape and events", async () => {
    const c = await stripe.coupons.create({
      id: "LAUNCH25",
      percent_off: 25.5,
      duration: "repeating",
      duration_in_months: 3,
      max_redemptions: 100,
      name: "Launch",
      metadata: { campaign: "launch" },
    });
    expect(c).toMatchObject({
      id: "LAUNCH25",
      object: "coupon",
      percent_off: 25.5,
      amount_off: null,
      currency: null,
      duration: "repeating",
      duration_in_months: 3,
      max_redemptions: 100,
      redeem_by: null,
      times_redeemed: 0,
      valid: true,
      livemode: false,
      name: "Launch",
      metadata: { campaign: "launch" },
    });
    // applies_to and currency_options are includable: only present when expanded.
    expect(c.applies_to).toBeUndefined();
    const expanded = await stripe.coupons.retrieve("LAUNCH25", { expand: ["applies_to", "currency_options"] });
    expect(expanded.applies_to).toEqual({ products: [] });
    expect(expanded.currency_options).toEqual({});

    const updated = await stripe.coupons.update("LAUNCH25", { name: "Launch week", metadata: { campaign: "" } });
    expect(updated).toMatchObject({ name: "Launch week", metadata: {} });
    const generated = await stripe.coupons.create({ amount_off: 500, currency: "BRL" });
    expect(generated).toMatchObject({ amount_off: 500, currency: "brl", duration: "once", percent_off: null });
    expect(generated.id).toMatch(/^[0-9A-Za-z]{8}$/);

    const page1 = await stripe.coupons.list({ limit: 1 });
    expect(page1.data.map((x) => x.id)).toEqual([generated.id]);
    expect(page1.has_more).toBe(true);
    const page2 = await stripe.coupons.list({ limit: 1, starting_after: generated.id });
    expect(page2.data.map((x) => x.id)).toEqual(["LAUNCH25"]);

    const deleted = await stripe.coupons.del("LAUNCH25");
    expect(deleted).toMatchObject({ id: "LAUNCH25", object: "coupon", deleted: true });
    expect(await failure(stripe.coupons.retrieve("LAUNCH25"))).toMatchObject({
      statusCode: 404,
      code: "resource_missing",
      message: "No such coupon: 'LAUNCH25'",
    });
    const [upd] = await eventsOf("coupon.updated");
    expect(upd.data.previous_attributes).toEqual({ name: "Launch", metadata: { campaign: "launch" } });
    expect((await eventsOf("coupon.created")).length).toBe(2);
    const [del] = await eventsOf("coupon.deleted");
    expect(del.data.object).toMatchObject({ id: "LAUNCH25", valid: false });
  });

  it("validates like Stripe: one of percent_off / amount_off, currency, duration_in_months, unique id", async () => {
    const cases: Array<[Stripe.CouponCreateParams, Partial<Stripe.errors.StripeError>]> = [
      [{ duration: "once" }, { code: "parameter_missing", param: "percent_off" }],
      [
        { percent_off: 10, amount_off: 100, currency: "usd" },
        { code: "parameters_exclusive", param: "amount_off" },
      ],
      [{ amount_off: 100 }, { code: "parameter_missing", param: "currency" }],
      [
        { percent_off: 10, duration: "repeating" },
        { code: "parameter_missing", param: "duration_in_months" },
      ],
      [{ percent_off: 0 }, { param: "percent_off" }],
      [{ percent_off: 100.5 }, { param: "percent_off" }],
      [{ percent_off: 10, redeem_by: Math.floor(Date.now() / 1000) - 60 }, { param: "redeem_by" }],
      [{ percent_off: 10, currency_options: { eur: { amount_off: 5 } } }, { param: "currency_options" }],
      [{ percent_off: 10, applies_to: { products: ["prod_missing"] } }, { code: "resource_missing" }],
      [{ percent_off: 10, name: "x".repeat(41) }, { param: "name" }],
    ];
    for (const [params, expected] of cases) {
      const err = await failure(stripe.coupons.create(params));
      expect(err, JSON.stringify(params)).toMatchObject({ type: "StripeInvalidRequestError", ...expected });
    }
    await stripe.coupons.create({ id: "TAKEN", percent_off: 10 });
    expect(await failure(stripe.coupons.create({ id: "TAKEN", percent_off: 20 }))).toMatchObject({
      statusCode: 400,
      code: "resource_already_exists",
      param: "id",
    });
    expect(
      await failure(stripe.coupons.update("TAKEN", { percent_off: 50 } as Stripe.CouponUpdateParams)),
    ).toMatchObject({ statusCode: 400, code: "parameter_unknown", param: "percent_off" });
  });

  it("becomes invalid once redeem_by passes on the emulator clock", async () => {
    const { now } = await em.controls.now();
    await stripe.coupons.create({ id: "FLASH", percent_off: 30, redeem_by: now + 3600 });
    expect((await stripe.coupons.retrieve("FLASH")).valid).toBe(true);
    await em.controls.advanceClock("2h");
    expect((await stripe.coupons.retrieve("FLASH")).valid).toBe(false);
  });
});

describe("promotion codes", () => {
  it("points at a coupon with promotion: {type: 'coupon', coupon} (SDK v23 / API 2026-10-28)", async () => {
    await stripe.coupons.create({ id: "TEN", percent_off: 10 });
    const p = await stripe.promotionCodes.create({
      promotion: { type: "coupon", coupon: "TEN" },
      code: "Summer-10",
      metadata: { channel: "email" },
    });
    expect(p.id).toMatch(/^promo_/);
    expect(p).toMatchObject({
      object: "promotion_code",
      active: true,
      code: "Summer-10",
      promotion: { type: "coupon", coupon: "TEN" },
      customer: null,
      expires_at: null,
      max_redemptions: null,
      times_redeemed: 0,
      metadata: { channel: "email" },
      restrictions: { first_time_transaction: false, minimum_amount: null, minimum_amount_currency: null },
    });
    const expanded = await stripe.promotionCodes.retrieve(p.id, { expand: ["promotion.coupon"] });
    expect(expanded.promotion.coupon).toMatchObject({ id: "TEN", object: "coupon", percent_off: 10 });
    const generated = await stripe.promotionCodes.create({ promotion: { type: "coupon", coupon: "TEN" } });
    expect(generated.code).toMatch(/^[0-9A-Z]{8}$/);
    // The pre-2025 top-level `coupon` parameter is not what this API version takes.
    expect(
      await failure(stripe.promotionCodes.create({ coupon: "TEN" } as unknown as Stripe.PromotionCodeCreateParams)),
    ).toMatchObject({ statusCode: 400, code: "parameter_unknown", param: "coupon" });
    expect(
      await failure(stripe.promotionCodes.create({ promotion: { type: "coupon", coupon: "NOPE" } })),
    ).toMatchObject({ statusCode: 404, code: "resource_missing", param: "promotion[coupon]" });
    expect((await eventsOf("promotion_code.created")).length).toBe(2);
  });

  it("keeps codes unique among active codes regardless of case; lists filter by code, coupon, active, customer", async () => {
    await stripe.coupons.create({ id: "A", percent_off: 10 });
    await stripe.coupons.create({ id: "B", amount_off: 500, currency: "usd" });
    const first = await stripe.promotionCodes.create({ promotion: { type: "coupon", coupon: "A" }, code: "WELCOME" });
    expect(
      await failure(stripe.promotionCodes.create({ promotion: { type: "coupon", coupon: "B" }, code: "welcome" })),
    ).toMatchObject({ statusCode: 400, param: "code", rawType: "invalid_request_error" });
    expect(
      await failure(stripe.promotionCodes.create({ promotion: { type: "coupon", coupon: "A" }, code: "no spaces" })),
    ).toMatchObject({ statusCode: 400, param: "code" });

    const off = await stripe.promotionCodes.update(first.id, { active: false });
    expect(off.active).toBe(false);
    const [upd] = await eventsOf("promotion_code.updated");
    expect(upd.data.previous_attributes).toEqual({ active: true });
    const second = await stripe.promotionCodes.create({ promotion: { type: "coupon", coupon: "B" }, code: "welcome" });
    // Reactivating the first would make two active WELCOME codes.
    expect(await failure(stripe.promotionCodes.update(first.id, { active: true }))).toMatchObject({ param: "code" });

    const customer = await stripe.customers.create({ email: "vip@example.com" });
    const mine = await stripe.promotionCodes.create({
      promotion: { type: "coupon", coupon: "A" },
      code: "WELCOME",
      customer: customer.id,
    });

    const ids = async (params: Stripe.PromotionCodeListParams) =>
      (await stripe.promotionCodes.list(params)).data.map((p) => p.id);
    expect(await ids({ code: "Welcome" })).toEqual([mine.id, second.id, first.id]);
    expect(await ids({ code: "welcome", active: true })).toEqual([mine.id, second.id]);
    expect(await ids({ coupon: "B" })).toEqual([second.id]);
    expect(await ids({ customer: customer.id })).toEqual([mine.id]);
    expect(await ids({ active: false })).toEqual([first.id]);
  });

  it("refuses limits beyond the coupon's, and goes inactive when expired, used up or its coupon is deleted", async () => {
    const { now } = await em.controls.now();
    await stripe.coupons.create({ id: "LIMITED", percent_off: 10, max_redemptions: 5, redeem_by: now + 86400 });
    expect(
      await failure(
        stripe.promotionCodes.create({ promotion: { type: "coupon", coupon: "LIMITED" }, max_redemptions: 6 }),
      ),
    ).toMatchObject({ statusCode: 400, param: "max_redemptions" });
    expect(
      await failure(
        stripe.promotionCodes.create({ promotion: { type: "coupon", coupon: "LIMITED" }, expires_at: now + 2 * 86400 }),
      ),
    ).toMatchObject({ statusCode: 400, param: "expires_at" });
    expect(
      await failure(
        stripe.promotionCodes.create({
          promotion: { type: "coupon", coupon: "LIMITED" },
          restrictions: { minimum_amount: 5000 },
        }),
      ),
    ).toMatchObject({ code: "parameter_missing", param: "restrictions[minimum_amount_currency]" });

    const soon = await stripe.promotionCodes.create({
      promotion: { type: "coupon", coupon: "LIMITED" },
      expires_at: now + 3600,
      restrictions: { minimum_amount: 5000, minimum_amount_currency: "BRL", first_time_transaction: true },
    });
    expect(soon.restrictions).toMatchObject({
      minimum_amount: 5000,
      minimum_amount_currency: "brl",
      first_time_transaction: true,
    });
    await em.controls.advanceClock("2h");
    expect((await stripe.promotionCodes.retrieve(soon.id)).active).toBe(false);

    await stripe.coupons.create({ id: "GONE", percent_off: 5 });
    const orphan = await stripe.promotionCodes.create({ promotion: { type: "coupon", coupon: "GONE" } });
    await stripe.coupons.del("GONE");
    expect((await stripe.promotionCodes.retrieve(orphan.id)).active).toBe(false);
  });
});

describe("Connect scoping", () => {
  it("keeps each account's coupons and promotion codes to itself, even with the same ids and codes", async () => {
    const a = await stripe.accounts.create({ type: "express" });
    const b = await stripe.accounts.create({ type: "express" });
    const onA = { stripeAccount: a.id };
    const onB = { stripeAccount: b.id };
    await stripe.coupons.create({ id: "STORE10", percent_off: 10 }, onA);
    await stripe.coupons.create({ id: "STORE10", percent_off: 50 }, onB);
    expect((await stripe.coupons.retrieve("STORE10", undefined, onA)).percent_off).toBe(10);
    expect((await stripe.coupons.retrieve("STORE10", undefined, onB)).percent_off).toBe(50);
    expect(await failure(stripe.coupons.retrieve("STORE10"))).toMatchObject({
      statusCode: 404,
      code: "resource_missing",
    });
    expect((await stripe.coupons.list()).data).toEqual([]);

    const promoA = await stripe.promotionCodes.create(
      { promotion: { type: "coupon", coupon: "STORE10" }, code: "CUPOM10" },
      onA,
    );
    const promoB = await stripe.promotionCodes.create(
      { promotion: { type: "coupon", coupon: "STORE10" }, code: "CUPOM10" },
      onB,
    );
    expect((await stripe.promotionCodes.list({ code: "cupom10" }, onA)).data.map((p) => p.id)).toEqual([promoA.id]);
    expect(await failure(stripe.promotionCodes.retrieve(promoA.id, undefined, onB))).toMatchObject({
      statusCode: 404,
    });
    expect((await stripe.promotionCodes.list({ code: "cupom10" })).data).toEqual([]);

    // A platform coupon cannot discount a seller's Checkout, and deleting A's coupon leaves B's alone.
    await stripe.coupons.create({ id: "PLATFORM", percent_off: 20 });
    const product = await stripe.products.create({ name: "Vase" }, onA);
    const price = await stripe.prices.create({ product: product.id, currency: "brl", unit_amount: 8000 }, onA);
    const err = await failure(
      stripe.checkout.sessions.create(
        {
          mode: "payment",
          line_items: [{ price: price.id, quantity: 1 }],
          success_url: "https://shop.test/ok",
          discounts: [{ coupon: "PLATFORM" }],
        },
        onA,
      ),
    );
    expect(err).toMatchObject({ statusCode: 404, code: "resource_missing", param: "discounts[0][coupon]" });
    await stripe.coupons.del("STORE10", undefined, onA);
    expect((await stripe.coupons.retrieve("STORE10", undefined, onB)).valid).toBe(true);
    expect((await stripe.promotionCodes.retrieve(promoB.id, undefined, onB)).active).toBe(true);
    const created = await eventsOf("coupon.created", onA);
    expect(created.map((e) => e.account)).toEqual([a.id]);
  });
});
