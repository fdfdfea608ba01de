// Wire-level behaviour: auth, errors, unknown params/routes, idempotency, pagination, expand, scoping, CORS.
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "./support";

let em: TestEmulator;
let stripe: Stripe;
const logs: string[] = [];

beforeAll(async () => {
  em = await startTestEmulator({ log: (l) => logs.push(l) });
  stripe = em.stripe;
});
afterAll(() => em.close());

describe("authentication", () => {
  it("rejects a missing key with 401 in Stripe's shape", async () => {
    const res = await fetch(`${em.url}/v1/customers`);
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error.type).toBe("invalid_request_error");
    expect(body.error.message).toMatch(/did not provide an API key/);
  });

  it("rejects live and malformed keys through the SDK as an authentication error", async () => {
    await expect(em.client("sk_live_123456789012").customers.list()).rejects.toMatchObject({
      type: "StripeAuthenticationError",
      statusCode: 401,
    });
    await expect(em.client("nonsense").customers.list()).rejects.toMatchObject({ statusCode: 401 });
  });

  it("accepts curl-style basic auth", async () => {
    const res = await fetch(`${em.url}/v1/customers`, {
      headers: { Authorization: `Basic ${Buffer.from("sk_test_emulator:").toString("base64")}` },
    });
    expect(res.status).toBe(200);
  });

  it("allows the publishable key only on Stripe.js endpoints", async () => {
    const pk = em.client("pk_test_emulator");
    await expect(pk.customers.list()).rejects.toMatchObject({ statusCode: 401, code: "secret_key_required" });
    const pm = await pk.paymentMethods.create({
      type: "card",
      card: { number: "4242424242424242", exp_month: 12, exp_year: 2040, cvc: "123" },
    });
    expect(pm.card?.last4).toBe("4242");
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: "usd" });
    await expect(pk.paymentIntents.retrieve(pi.id)).rejects.toMatchObject({ param: "client_secret" });
    await expect(pk.paymentIntents.retrieve(pi.id, { client_secret: `${pi.id}_secret_wrong` })).rejects.toMatchObject({
      param: "client_secret",
    });
    const viaPk = await pk.paymentIntents.retrieve(pi.id, { client_secret: pi.client_secret! });
    expect(viaPk.id).toBe(pi.id);
  });
});

describe("request validation", () => {
  it("rejects unknown parameters, naming them (the options-order trap)", async () => {
    const product = await stripe.products.create({ name: "Trap" });
    // Request options passed in the params position become a query param on GET.
    await expect(
      stripe.products.retrieve(product.id, { stripeAccount: "acct_123" } as Stripe.ProductRetrieveParams),
    ).rejects.toMatchObject({
      statusCode: 400,
      param: "stripeAccount",
      message: "Received unknown parameter: stripeAccount",
    });
    await expect(
      stripe.checkout.sessions.create({
        mode: "payment",
        line_items: [{ price: "price_x", quantity: 1, bogus: 1 } as Stripe.Checkout.SessionCreateParams.LineItem],
      }),
    ).rejects.toMatchObject({ param: "line_items[0][bogus]", code: "parameter_unknown" });
  });

  it("reports missing required params and bad types with the param", async () => {
    await expect(stripe.products.create({} as Stripe.ProductCreateParams)).rejects.toMatchObject({
      statusCode: 400,
      param: "name",
      code: "parameter_missing",
    });
    const res = await fetch(`${em.url}/v1/payment_intents`, {
      method: "POST",
      headers: { Authorization: "Bearer sk_test_emulator", "Content-Type": "application/x-www-form-urlencoded" },
      body: "amount=abc&currency=usd",
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ param: "amount", message: "Invalid integer: abc" });
  });

  it("404s unknown routes in Stripe's shape and logs them loudly", async () => {
    const res = await fetch(`${em.url}/v1/quotes`, { headers: { Authorization: "Bearer sk_test_emulator" } });
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toMatch(/Unrecognized request URL \(GET: \/v1\/quotes\)/);
    expect(logs.some((l) => l.includes("[stripe-emulator] UNKNOWN ROUTE GET /v1/quotes"))).toBe(true);
  });

  it("returns resource_missing for unknown ids", async () => {
    await expect(stripe.customers.retrieve("cus_nope")).rejects.toMatchObject({
      statusCode: 404,
      code: "resource_missing",
      message: "No such customer: 'cus_nope'",
    });
  });
});

describe("idempotency", () => {
  it("replays the first response for the same key and params", async () => {
    const first = await stripe.customers.create({ email: "idem@example.com" }, { idempotencyKey: "key-1" });
    const second = await stripe.customers.create({ email: "idem@example.com" }, { idempotencyKey: "key-1" });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers["idempotent-replayed"]).toBe("true");
    const list = await stripe.customers.list({ email: "idem@example.com" });
    expect(list.data).toHaveLength(1);
  });

  it("replays errors too (a decline is not retried by replay)", async () => {
    const attempt = () =>
      stripe.paymentIntents.create(
        { amount: 900, currency: "usd", payment_method: "pm_card_chargeDeclined", confirm: true },
        { idempotencyKey: "decline-1" },
      );
    const fail = (e: Stripe.errors.StripeError) => e;
    const a = (await attempt().then(() => null, fail))!;
    const b = (await attempt().then(() => null, fail))!;
    expect(a.statusCode).toBe(402);
    expect(b.statusCode).toBe(402);
    expect((b.raw as { payment_intent: { id: string } }).payment_intent.id).toBe(
      (a.raw as { payment_intent: { id: string } }).payment_intent.id,
    );
  });

  it("rejects the same key with different params", async () => {
    await stripe.customers.create({ email: "a@example.com" }, { idempotencyKey: "key-2" });
    await expect(
      stripe.customers.create({ email: "b@example.com" }, { idempotencyKey: "key-2" }),
    ).rejects.toMatchObject({ type: "StripeIdempotencyError", statusCode: 400 });
  });

  it("scopes keys per account", async () => {
    const acct = await stripe.accounts.create({ type: "express" });
    const platform = await stripe.customers.create({ email: "p@example.com" }, { idempotencyKey: "key-3" });
    const connected = await stripe.customers.create(
      { email: "p@example.com" },
      { idempotencyKey: "key-3", stripeAccount: acct.id },
    );
    expect(connected.id).not.toBe(platform.id);
  });
});

describe("pagination and expand", () => {
  it("pages newest first with has_more, starting_after and ending_before", async () => {
    const acct = await stripe.accounts.create({ type: "express" });
    const opts = { stripeAccount: acct.id };
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await stripe.products.create({ name: `P${i}` }, opts)).id);
    const page1 = await stripe.products.list({ limit: 2 }, opts);
    expect(page1.data.map((p) => p.id)).toEqual([ids[4], ids[3]]);
    expect(page1.has_more).toBe(true);
    const page2 = await stripe.products.list({ limit: 2, starting_after: ids[3] }, opts);
    expect(page2.data.map((p) => p.id)).toEqual([ids[2], ids[1]]);
    const page3 = await stripe.products.list({ limit: 2, starting_after: ids[1] }, opts);
    expect(page3.data.map((p) => p.id)).toEqual([ids[0]]);
    expect(page3.has_more).toBe(false);
    const back = await stripe.products.list({ limit: 2, ending_before: ids[1] }, opts);
    expect(back.data.map((p) => p.id)).toEqual([ids[3], ids[2]]);
    const all: string[] = [];
    for await (const p of stripe.products.list({ limit: 2 }, opts)) all.push(p.id);
    expect(all).toEqual([...ids].reverse());
    await expect(stripe.products.list({ limit: 101 }, opts)).rejects.toMatchObject({ param: "limit" });
  });

  it("expands ids, nested paths and data.* in lists", async () => {
    const customer = await stripe.customers.create({ email: "x@example.com" });
    const pi = await stripe.paymentIntents.create({
      amount: 1200,
      currency: "usd",
      customer: customer.id,
      payment_method: "pm_card_visa",
      confirm: true,
      expand: ["latest_charge", "customer"],
    });
    expect((pi.latest_charge as Stripe.Charge).object).toBe("charge");
    expect((pi.customer as Stripe.Customer).email).toBe("x@example.com");
    const charges = await stripe.charges.list({ payment_intent: pi.id, expand: ["data.payment_intent"] });
    expect((charges.data[0].payment_intent as Stripe.PaymentIntent).id).toBe(pi.id);
    await expect(stripe.paymentIntents.retrieve(pi.id, { expand: ["amount"] })).rejects.toMatchObject({
      param: "expand",
    });
  });
});

describe("Connect scoping", () => {
  it("hides a connected account's objects from the platform and other accounts", async () => {
    const a = await stripe.accounts.create({ type: "express" });
    const b = await stripe.accounts.create({ type: "express" });
    const product = await stripe.products.create({ name: "Only on A" }, { stripeAccount: a.id });
    expect((await stripe.products.retrieve(product.id, undefined, { stripeAccount: a.id })).name).toBe("Only on A");
    await expect(stripe.products.retrieve(product.id)).rejects.toMatchObject({
      statusCode: 404,
      code: "resource_missing",
    });
    await expect(stripe.products.retrieve(product.id, undefined, { stripeAccount: b.id })).rejects.toMatchObject({
      statusCode: 404,
    });
    const platformList = await stripe.products.list({ limit: 100 });
    expect(platformList.data.some((p) => p.id === product.id)).toBe(false);
  });

  it("rejects an unknown Stripe-Account", async () => {
    await expect(stripe.customers.list({}, { stripeAccount: "acct_unknown" })).rejects.toMatchObject({
      statusCode: 403,
    });
  });
});

describe("CORS", () => {
  it("answers preflights and sets CORS headers on API responses", async () => {
    const pre = await fetch(`${em.url}/v1/payment_methods`, {
      method: "OPTIONS",
      headers: { Origin: "http://localhost:3000", "Access-Control-Request-Method": "POST" },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    expect(pre.headers.get("access-control-allow-headers")).toMatch(/Stripe-Account/);
    const js = await fetch(`${em.url}/stripe.js`);
    expect(js.headers.get("content-type")).toMatch(/javascript/);
    expect(js.headers.get("access-control-allow-origin")).toBe("*");
    expect(await js.text()).toMatch(/Stripe.version = "endive"/);
  });
});
