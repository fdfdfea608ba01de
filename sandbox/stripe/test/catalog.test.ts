// Accounts, account links, login links, products, prices, customers and search.
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

describe("accounts", () => {
  it("creates an Express account with nothing enabled and requirements due", async () => {
    const acct = await stripe.accounts.create({
      type: "express",
      country: "US",
      email: "seller@example.com",
      capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
      metadata: { store: "s1" },
    });
    expect(acct.id).toMatch(/^acct_/);
    expect(acct).toMatchObject({
      type: "express",
      charges_enabled: false,
      payouts_enabled: false,
      details_submitted: false,
      email: "seller@example.com",
      metadata: { store: "s1" },
    });
    expect(acct.requirements?.currently_due).toEqual(
      expect.arrayContaining(["business_profile.url", "external_account", "individual.first_name"]),
    );
    expect(acct.capabilities).toMatchObject({ card_payments: "inactive", transfers: "inactive" });
  });

  it("creates controller-property accounts, updates, lists and deletes", async () => {
    const acct = await stripe.accounts.create({
      controller: {
        stripe_dashboard: { type: "express" },
        fees: { payer: "application" },
        losses: { payments: "application" },
      },
    });
    expect(acct.type).toBe("express");
    expect(acct.controller?.stripe_dashboard?.type).toBe("express");
    const updated = await stripe.accounts.update(acct.id, {
      business_profile: { name: "Loja da Ana" },
      metadata: { k: "v" },
    });
    expect(updated.business_profile?.name).toBe("Loja da Ana");
    const ev = (await stripe.events.list({ type: "account.updated" }, { stripeAccount: acct.id })).data[0];
    expect(ev.account).toBe(acct.id);
    expect(
      (ev.data.previous_attributes as { business_profile?: { name: string | null } }).business_profile?.name,
    ).toBeNull();
    expect((await stripe.accounts.list({ limit: 100 })).data.map((a) => a.id)).toContain(acct.id);
    expect((await stripe.accounts.retrieve(acct.id)).business_profile?.name).toBe("Loja da Ana");
    const del = await stripe.accounts.del(acct.id);
    expect(del).toMatchObject({ id: acct.id, deleted: true });
    await expect(stripe.accounts.retrieve(acct.id)).rejects.toMatchObject({ statusCode: 404 });
  });

  it("account links point at the hosted onboarding page; login links need an onboarded Express account", async () => {
    const acct = await stripe.accounts.create({ type: "express" });
    const link = await stripe.accountLinks.create({
      account: acct.id,
      type: "account_onboarding",
      refresh_url: "https://shop.test/refresh",
      return_url: "https://shop.test/return",
    });
    expect(link.url).toMatch(new RegExp(`^${em.url}/onboard/onb_`));
    expect(link.expires_at - link.created).toBe(300);
    await expect(stripe.accounts.createLoginLink(acct.id)).rejects.toMatchObject({ statusCode: 400 });
    const res = await fetch(link.url, {
      method: "POST",
      body: new URLSearchParams({ action: "complete", business_name: "Ana Crafts" }),
      redirect: "manual",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("https://shop.test/return");
    const after = await stripe.accounts.retrieve(acct.id);
    expect(after).toMatchObject({
      charges_enabled: true,
      payouts_enabled: true,
      details_submitted: true,
      business_profile: { name: "Ana Crafts" },
    });
    expect(after.requirements?.currently_due).toEqual([]);
    const again = await fetch(link.url, { redirect: "manual" });
    expect(again.headers.get("location")).toBe("https://shop.test/refresh");
    const login = await stripe.accounts.createLoginLink(acct.id);
    expect(login.url).toMatch(/\/express\/ll_/);
    const dash = await fetch(login.url);
    expect(await dash.text()).toContain("Express dashboard");
  });

  it("'Leave requirements due' submits details but keeps charges disabled; links expire after 5 minutes", async () => {
    const acct = await stripe.accounts.create({ type: "express" });
    const link = await stripe.accountLinks.create({
      account: acct.id,
      type: "account_onboarding",
      refresh_url: "https://shop.test/refresh",
      return_url: "https://shop.test/return",
    });
    await fetch(link.url, { method: "POST", body: new URLSearchParams({ action: "leave_due" }), redirect: "manual" });
    const after = await stripe.accounts.retrieve(acct.id);
    expect(after).toMatchObject({ details_submitted: true, charges_enabled: false, payouts_enabled: false });
    expect(after.requirements?.currently_due?.length).toBeGreaterThan(0);
    const fresh = await stripe.accountLinks.create({
      account: acct.id,
      type: "account_update",
      refresh_url: "https://shop.test/refresh",
      return_url: "https://shop.test/return",
    });
    await em.controls.advanceClock(301);
    const expired = await fetch(fresh.url, { redirect: "manual" });
    expect(expired.headers.get("location")).toBe("https://shop.test/refresh");
  });
});

describe("products and prices", () => {
  it("creates products and prices, filters by active/product/type/lookup_keys", async () => {
    const acct = await stripe.accounts.create({ type: "express" });
    const opts = { stripeAccount: acct.id };
    const product = await stripe.products.create(
      { name: "Pro plan", description: "All features", metadata: { tier: "pro" } },
      opts,
    );
    const monthly = await stripe.prices.create(
      {
        product: product.id,
        currency: "brl",
        unit_amount: 2990,
        recurring: { interval: "month" },
        lookup_key: "pro_monthly",
      },
      opts,
    );
    const yearly = await stripe.prices.create(
      {
        product: product.id,
        currency: "brl",
        unit_amount: 29900,
        recurring: { interval: "year" },
        lookup_key: "pro_yearly",
      },
      opts,
    );
    const oneTime = await stripe.prices.create(
      { currency: "brl", unit_amount: 5000, product_data: { name: "Setup fee" } },
      opts,
    );
    expect(monthly).toMatchObject({
      type: "recurring",
      unit_amount: 2990,
      currency: "brl",
      recurring: { interval: "month", interval_count: 1 },
    });
    expect(oneTime.type).toBe("one_time");
    expect((await stripe.prices.list({ product: product.id }, opts)).data.map((p) => p.id)).toEqual([
      yearly.id,
      monthly.id,
    ]);
    expect((await stripe.prices.list({ type: "one_time" }, opts)).data.map((p) => p.id)).toEqual([oneTime.id]);
    expect((await stripe.prices.list({ lookup_keys: ["pro_yearly"] }, opts)).data.map((p) => p.id)).toEqual([
      yearly.id,
    ]);
    await expect(
      stripe.prices.create({ product: product.id, currency: "brl", unit_amount: 1, lookup_key: "pro_yearly" }, opts),
    ).rejects.toMatchObject({ param: "lookup_key" });
    const moved = await stripe.prices.create(
      {
        product: product.id,
        currency: "brl",
        unit_amount: 24900,
        recurring: { interval: "year" },
        lookup_key: "pro_yearly",
        transfer_lookup_key: true,
      },
      opts,
    );
    expect((await stripe.prices.list({ lookup_keys: ["pro_yearly"] }, opts)).data.map((p) => p.id)).toEqual([moved.id]);
    await stripe.prices.update(monthly.id, { active: false }, opts);
    expect((await stripe.prices.list({ active: true, product: product.id }, opts)).data.map((p) => p.id)).not.toContain(
      monthly.id,
    );
    const archived = await stripe.products.update(product.id, { active: false }, opts);
    expect(archived.active).toBe(false);
    expect((await stripe.products.list({ active: false }, opts)).data.map((p) => p.id)).toEqual([product.id]);
    const found = await stripe.products.search({ query: "metadata['tier']:'pro'" }, opts);
    expect(found.data.map((p) => p.id)).toEqual([product.id]);
    const created = (await stripe.events.list({ types: ["product.created", "price.created"] }, opts)).data.length;
    expect(created).toBe(6);
  });

  it("creates a product with default_price_data", async () => {
    const p = await stripe.products.create({ name: "Mug", default_price_data: { currency: "usd", unit_amount: 1800 } });
    const price = await stripe.prices.retrieve(p.default_price as string);
    expect(price).toMatchObject({ unit_amount: 1800, product: p.id });
  });
});

describe("customers", () => {
  it("creates, updates (with previous_attributes), lists by email and searches", async () => {
    const c = await stripe.customers.create({ email: "maria@example.com", name: "Maria", metadata: { store: "s9" } });
    const u = await stripe.customers.update(c.id, { name: "Maria S.", metadata: { plan: "pro" } });
    expect(u.metadata).toEqual({ store: "s9", plan: "pro" });
    const updated = (await stripe.events.list({ type: "customer.updated" })).data[0];
    expect((updated.data.previous_attributes as { name: string }).name).toBe("Maria");
    expect((await stripe.customers.list({ email: "maria@example.com" })).data.map((x) => x.id)).toEqual([c.id]);
    expect((await stripe.customers.search({ query: "email:'maria@example.com'" })).data.map((x) => x.id)).toEqual([
      c.id,
    ]);
    expect(
      (await stripe.customers.search({ query: "name~'mar' AND metadata['plan']:'pro'" })).data.map((x) => x.id),
    ).toEqual([c.id]);
    const del = await stripe.customers.del(c.id);
    expect(del.deleted).toBe(true);
  });
});
