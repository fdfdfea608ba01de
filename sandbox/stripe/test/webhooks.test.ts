// Event log, events.list filters, signed webhook deliveries, retries, pause/drop/delay, resend.
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startReceiver, startTestEmulator, waitFor, type TestEmulator } from "./support";

const PLATFORM_SECRET = "whsec_platform_test_secret";
const CONNECT_SECRET = "whsec_connect_test_secret";

let em: TestEmulator;
let stripe: Stripe;
let platform: Awaited<ReturnType<typeof startReceiver>>;
let connect: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  platform = await startReceiver(PLATFORM_SECRET);
  connect = await startReceiver(CONNECT_SECRET);
  em = await startTestEmulator({
    webhooks: [
      { url: platform.url, secret: PLATFORM_SECRET, connect: false },
      { url: connect.url, secret: CONNECT_SECRET, connect: true },
    ],
  });
  stripe = em.stripe;
});
afterAll(async () => {
  await em.close();
  await platform.close();
  await connect.close();
});
beforeEach(async () => {
  await em.controls.resumeWebhooks();
  platform.setResponder(() => 200);
  connect.setResponder(() => 200);
});

const receivedIds = (r: typeof platform) => r.received.map((x) => x.event.id);

describe("deliveries", () => {
  it("delivers platform events to the platform endpoint only, signed so constructEvent accepts them", async () => {
    const customer = await stripe.customers.create({ email: "hook@example.com" });
    const event = (await stripe.events.list({ type: "customer.created", limit: 1 })).data[0];
    expect((event.data.object as Stripe.Customer).id).toBe(customer.id);
    await waitFor(() => receivedIds(platform).includes(event.id), 3000, "platform delivery");
    const got = platform.received.find((r) => r.event.id === event.id)!;
    expect(got.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(got.event.api_version).toBe("2026-10-28.endive");
    expect(got.event.account).toBeUndefined();
    expect(platform.rejected).toEqual([]);
    expect(receivedIds(connect)).not.toContain(event.id);
    await waitFor(
      async () => (await stripe.events.retrieve(event.id)).pending_webhooks === 0,
      3000,
      "pending_webhooks to reach 0",
    );
  });

  it("delivers connected-account events to the Connect endpoint with `account`", async () => {
    const acct = await stripe.accounts.create({ type: "express" });
    await stripe.paymentIntents.create(
      { amount: 1000, currency: "usd", payment_method: "pm_card_visa", confirm: true },
      { stripeAccount: acct.id },
    );
    const succeeded = await waitFor(
      () => connect.received.find((r) => r.event.type === "payment_intent.succeeded" && r.event.account === acct.id),
      3000,
      "connect delivery",
    );
    expect(succeeded.event.account).toBe(acct.id);
    expect(platform.received.some((r) => r.event.account === acct.id)).toBe(false);
  });

  it("never delivers inside the API request that caused the event", async () => {
    // A slow endpoint: if delivery happened inside the request, the API call would take >= 800ms.
    platform.setDelay(800);
    try {
      const started = Date.now();
      const product = await stripe.products.create({ name: "Async" });
      expect(Date.now() - started).toBeLessThan(400);
      await waitFor(
        () => platform.received.some((r) => (r.event.data.object as Stripe.Product).id === product.id),
        3000,
      );
    } finally {
      platform.setDelay(0);
    }
  });

  it("delivers each event exactly once when the endpoint answers 2xx", async () => {
    const start = platform.received.length;
    for (let i = 0; i < 5; i++) await stripe.customers.create({ email: `once${i}@example.com` });
    const created = (await stripe.events.list({ type: "customer.created", limit: 5 })).data.map((e) => e.id);
    await waitFor(() => created.every((id) => receivedIds(platform).includes(id)), 3000);
    const ids = receivedIds(platform).slice(start);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("retries after a 500 with backoff and records each attempt", async () => {
    let failures = 0;
    platform.setResponder((e) => (e.type === "product.created" && failures++ < 2 ? 500 : 200));
    const product = await stripe.products.create({ name: "Flaky" });
    const event = (await stripe.events.list({ type: "product.created", limit: 1 })).data[0];
    expect((event.data.object as Stripe.Product).id).toBe(product.id);
    // The receiver records the event before it answers, so wait for the emulator to see the 200.
    const delivery = await waitFor(
      async () => (await em.controls.deliveries({ event: event.id })).find((d) => d.state === "succeeded"),
      4000,
      "delivery after retries",
    );
    expect(delivery.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
    expect(receivedIds(platform).filter((id) => id === event.id)).toHaveLength(1);
    expect((await stripe.events.retrieve(event.id)).pending_webhooks).toBe(0);
  });

  it("gives up after the retry schedule; delivery_success=false finds the event", async () => {
    platform.setResponder((e) => ((e.data.object as { email?: string }).email === "down@example.com" ? 503 : 200));
    await stripe.customers.create({ email: "down@example.com" });
    const event = (await stripe.events.list({ type: "customer.created", limit: 1 })).data[0];
    const delivery = await waitFor(
      async () => (await em.controls.deliveries({ event: event.id })).find((d) => d.state === "failed"),
      5000,
      "failed delivery",
    );
    expect(delivery.attempts).toHaveLength(4);
    const undelivered = await stripe.events.list({ delivery_success: false, limit: 100 });
    expect(undelivered.data.map((e) => e.id)).toContain(event.id);
    const delivered = await stripe.events.list({ delivery_success: true, limit: 100 });
    expect(delivered.data.map((e) => e.id)).not.toContain(event.id);
  });

  it("drop mode: events are logged but not delivered; the app recovers through events.list and resend", async () => {
    await em.controls.pauseWebhooks("drop");
    const since = (await em.controls.now()).now;
    const customer = await stripe.customers.create({ email: "dropped@example.com" });
    const event = (await stripe.events.list({ type: "customer.created", limit: 1 })).data[0];
    expect((event.data.object as Stripe.Customer).id).toBe(customer.id);
    await new Promise((r) => setTimeout(r, 150));
    expect(receivedIds(platform)).not.toContain(event.id);
    expect((await em.controls.deliveries({ event: event.id }))[0].state).toBe("dropped");
    const missed = await stripe.events.list({ created: { gte: since }, delivery_success: false });
    expect(missed.data.map((e) => e.id)).toContain(event.id);
    await em.controls.resumeWebhooks();
    await em.controls.resendEvent(event.id);
    await waitFor(() => receivedIds(platform).includes(event.id), 3000, "resent delivery");
    await waitFor(
      async () => (await stripe.events.retrieve(event.id)).pending_webhooks === 0,
      3000,
      "pending_webhooks to reach 0",
    );
  });

  it("delay mode holds deliveries until resume", async () => {
    await em.controls.pauseWebhooks("delay");
    await stripe.customers.create({ email: "delayed@example.com" });
    const event = (await stripe.events.list({ type: "customer.created", limit: 1 })).data[0];
    await new Promise((r) => setTimeout(r, 150));
    expect(receivedIds(platform)).not.toContain(event.id);
    await em.controls.resumeWebhooks();
    await waitFor(() => receivedIds(platform).includes(event.id), 3000, "delayed delivery");
  });
});

describe("webhook endpoints API", () => {
  it("creates an endpoint with a whsec_ secret that receives matching events; deletes it", async () => {
    const receiver = await startReceiver("placeholder");
    const endpoint = await stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ["product.created"] });
    expect(endpoint.secret).toMatch(/^whsec_/);
    const verifierReceiver = await startReceiver(endpoint.secret!);
    await stripe.webhookEndpoints.update(endpoint.id, { url: verifierReceiver.url });
    const listed = await stripe.webhookEndpoints.list();
    expect(listed.data.find((e) => e.id === endpoint.id)?.secret).toBeUndefined();
    await stripe.customers.create({ email: "ignored@example.com" });
    const product = await stripe.products.create({ name: "Endpoint test" });
    await waitFor(
      () => verifierReceiver.received.some((r) => (r.event.data.object as Stripe.Product).id === product.id),
      3000,
    );
    expect(verifierReceiver.types()).toEqual(["product.created"]);
    expect((await stripe.webhookEndpoints.del(endpoint.id)).deleted).toBe(true);
    await receiver.close();
    await verifierReceiver.close();
  });
});

describe("events.list", () => {
  it("filters by type, types[], wildcard, created range and pages with starting_after", async () => {
    const acct = await stripe.accounts.create({ type: "express" });
    const opts = { stripeAccount: acct.id };
    const t0 = (await em.controls.now()).now;
    const c = await stripe.customers.create({ email: "e1@example.com" }, opts);
    await stripe.customers.update(c.id, { name: "E1" }, opts);
    const p = await stripe.products.create({ name: "E" }, opts);
    await stripe.prices.create({ product: p.id, currency: "usd", unit_amount: 100 }, opts);
    expect((await stripe.events.list({ type: "customer.created" }, opts)).data).toHaveLength(1);
    expect((await stripe.events.list({ type: "customer.*" }, opts)).data.map((e) => e.type)).toEqual([
      "customer.updated",
      "customer.created",
    ]);
    expect(
      (await stripe.events.list({ types: ["product.created", "price.created"] }, opts)).data.map((e) => e.type),
    ).toEqual(["price.created", "product.created"]);
    expect((await stripe.events.list({ created: { gte: t0 } }, opts)).data).toHaveLength(4);
    expect((await stripe.events.list({ created: { lt: t0 } }, opts)).data).toHaveLength(0);
    const first = await stripe.events.list({ limit: 2 }, opts);
    expect(first.has_more).toBe(true);
    const next = await stripe.events.list({ limit: 2, starting_after: first.data[1].id }, opts);
    expect(next.data.map((e) => e.type)).toEqual(["customer.updated", "customer.created"]);
    expect(next.has_more).toBe(false);
    await expect(stripe.events.list({ type: "a", types: ["b"] })).rejects.toMatchObject({ param: "types" });
  });

  it("keeps data.object as a snapshot and sets previous_attributes on updates", async () => {
    const c = await stripe.customers.create({ email: "snap@example.com", name: "Before" });
    await stripe.customers.update(c.id, { name: "After" });
    const [updated, created] = (await stripe.events.list({ types: ["customer.created", "customer.updated"], limit: 2 }))
      .data;
    expect((created.data.object as Stripe.Customer).name).toBe("Before");
    expect((updated.data.object as Stripe.Customer).name).toBe("After");
    expect(updated.data.previous_attributes).toEqual({ name: "Before" });
    expect(updated.request?.id).toMatch(/^req_/);
    expect(await stripe.events.retrieve(created.id)).toMatchObject({ id: created.id, type: "customer.created" });
  });
});
