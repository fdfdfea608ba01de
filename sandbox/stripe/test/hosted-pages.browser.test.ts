// Hosted pages (checkout, 3-D Secure step, onboarding, portal, invoice, Express dashboard) driven in Chromium.
import type { Browser, Page } from "@playwright/test";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HAS_CHROMIUM, SHOTS, launch, localOnly, startShop, type Shop } from "./browser";
import { startTestEmulator, type TestEmulator } from "./support";

describe.skipIf(!HAS_CHROMIUM)("hosted pages in Chromium", () => {
  let em: TestEmulator;
  let shop: Shop;
  let browser: Browser;
  let stripe: Stripe;
  let price: Stripe.Price;
  const blocked: string[] = [];

  beforeAll(async () => {
    em = await startTestEmulator();
    stripe = em.stripe;
    shop = await startShop();
    browser = await launch();
    const product = await stripe.products.create({ name: "Handmade ceramic mug" });
    price = await stripe.prices.create({ product: product.id, currency: "usd", unit_amount: 2400 });
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    await em?.close();
    expect(blocked).toEqual([]);
  });

  async function open(url: string, width = 1100): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 820 } });
    await localOnly(page, blocked);
    await page.goto(url);
    return page;
  }

  async function fill(page: Page, card: string) {
    await page.fill("#email", "buyer@example.com");
    await page.fill('input[name="number"]', card);
    await page.fill('input[name="exp"]', "12 / 40");
    await page.fill('input[name="cvc"]', "123");
    await page.fill("#name", "Jenny Rosen");
  }

  const session = (extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) =>
    stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [{ price: price.id, quantity: 2 }],
      success_url: `${shop.url}/thanks?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${shop.url}/cart`,
      ...extra,
    });

  it("checkout: 4242 pays and redirects to success_url with the session id", async () => {
    const s = await session();
    const page = await open(s.url!);
    await expect(page.getByTestId("amount").textContent()).resolves.toBe("$48.00");
    await page.screenshot({ path: `${SHOTS}/checkout.png` });
    await fill(page, "4242 4242 4242 4242");
    await page.getByTestId("pay").click();
    await page.waitForURL(`${shop.url}/thanks?session_id=${s.id}`);
    expect(await stripe.checkout.sessions.retrieve(s.id)).toMatchObject({ status: "complete", payment_status: "paid" });
    await page.close();
  });

  it("checkout: 0002 shows the decline inline; the quick-fill chips work; mobile layout stacks", async () => {
    const s = await session();
    const page = await open(s.url!, 390);
    await page.getByRole("button", { name: /Declined/ }).click();
    await page.getByTestId("pay").click();
    await expect(page.getByTestId("checkout-error").textContent()).resolves.toBe("Your card was declined.");
    await page.screenshot({ path: `${SHOTS}/checkout-declined-mobile.png`, fullPage: true });
    expect((await stripe.checkout.sessions.retrieve(s.id)).status).toBe("open");
    await page.close();
  });

  it("checkout: 3155 goes through the authentication step", async () => {
    const s = await session();
    const page = await open(s.url!);
    await fill(page, "4000002500003155");
    await page.getByTestId("pay").click();
    await page.getByTestId("three-ds").waitFor();
    await page.screenshot({ path: `${SHOTS}/checkout-3ds.png` });
    await page.getByTestId("3ds-complete").click();
    await page.waitForURL(`${shop.url}/thanks?session_id=${s.id}`);
    expect((await stripe.checkout.sessions.retrieve(s.id)).payment_status).toBe("paid");
    await page.close();
  });

  it("checkout: a promotion code typed on the page applies, shows the discounted total and is paid", async () => {
    await stripe.coupons.create({ id: "MUG10", percent_off: 10, name: "Mug lovers" });
    const promo = await stripe.promotionCodes.create({ promotion: { type: "coupon", coupon: "MUG10" }, code: "MUGS" });
    const s = await session({ allow_promotion_codes: true });
    const page = await open(s.url!);
    await page.fill("#promotion_code", "nope");
    await page.getByTestId("apply-promo").click();
    await expect(page.getByTestId("promo-error").textContent()).resolves.toBe("This code is invalid.");
    await page.screenshot({ path: `${SHOTS}/checkout-promotion-code-invalid.png` });
    await page.fill("#promotion_code", "mugs");
    await page.getByTestId("apply-promo").click();
    await expect(page.getByTestId("promo-applied").textContent()).resolves.toBe("MUGS");
    await expect(page.getByTestId("discount-amount").textContent()).resolves.toBe("−$4.80");
    await expect(page.getByTestId("amount").textContent()).resolves.toBe("$43.20");
    await expect(page.getByTestId("pay").textContent()).resolves.toBe("Pay $43.20");
    await page.screenshot({ path: `${SHOTS}/checkout-promotion-code.png` });
    await fill(page, "4242 4242 4242 4242");
    await page.getByTestId("pay").click();
    await page.waitForURL(`${shop.url}/thanks?session_id=${s.id}`);
    const done = await stripe.checkout.sessions.retrieve(s.id, { expand: ["payment_intent"] });
    expect(done).toMatchObject({ amount_total: 4320, discounts: [{ promotion_code: promo.id }] });
    expect((done.payment_intent as Stripe.PaymentIntent).amount_received).toBe(4320);
    expect((await stripe.promotionCodes.retrieve(promo.id)).times_redeemed).toBe(1);
    await page.close();
  });

  it("onboarding: complete enables charges and returns to return_url", async () => {
    const acct = await stripe.accounts.create({ type: "express", email: "ana@example.com" });
    const link = await stripe.accountLinks.create({
      account: acct.id,
      type: "account_onboarding",
      refresh_url: `${shop.url}/refresh`,
      return_url: `${shop.url}/return`,
    });
    const page = await open(link.url, 900);
    await page.screenshot({ path: `${SHOTS}/onboarding.png`, fullPage: true });
    await page.fill("#business_name", "Ana Ceramics");
    await page.getByTestId("onboard-complete").click();
    await page.waitForURL(`${shop.url}/return`);
    expect(await stripe.accounts.retrieve(acct.id)).toMatchObject({
      charges_enabled: true,
      details_submitted: true,
      business_profile: { name: "Ana Ceramics" },
    });
    await page.goto(link.url);
    await page.waitForURL(`${shop.url}/refresh`);
    await stripe.paymentIntents.create(
      { amount: 3000, currency: "usd", payment_method: "pm_card_visa", confirm: true, description: "Order #1001" },
      { stripeAccount: acct.id },
    );
    const login = await stripe.accounts.createLoginLink(acct.id);
    await page.goto(login.url);
    await expect(page.getByTestId("balance").textContent()).resolves.toBe("$30.00");
    await page.screenshot({ path: `${SHOTS}/express-dashboard.png`, fullPage: true });
    await page.close();
  });

  it("portal: cancel at period end, then resume", async () => {
    const product = await stripe.products.create({ name: "Seller Pro" });
    const monthly = await stripe.prices.create({
      product: product.id,
      currency: "usd",
      unit_amount: 1900,
      recurring: { interval: "month" },
    });
    await stripe.prices.create({
      product: product.id,
      currency: "usd",
      unit_amount: 19000,
      recurring: { interval: "year" },
      nickname: "Seller Pro yearly",
    });
    const customer = await stripe.customers.create({ email: "owner@example.com", payment_method: "pm_card_visa" });
    const pm = (await stripe.customers.listPaymentMethods(customer.id)).data[0];
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } });
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: monthly.id }] });
    const portal = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      return_url: `${shop.url}/account`,
    });
    const page = await open(portal.url, 1000);
    await page.screenshot({ path: `${SHOTS}/portal.png`, fullPage: true });
    await page.getByTestId("portal-cancel_at_period_end").click();
    await page.getByTestId("portal-flash").waitFor();
    await expect(page.getByTestId("portal-when").textContent()).resolves.toMatch(/^Cancels on /);
    expect((await stripe.subscriptions.retrieve(sub.id)).cancel_at_period_end).toBe(true);
    await page.screenshot({ path: `${SHOTS}/portal-canceling.png`, fullPage: true });
    await page.getByTestId("portal-resume").click();
    await page.getByTestId("portal-flash").waitFor();
    expect((await stripe.subscriptions.retrieve(sub.id)).cancel_at_period_end).toBe(false);
    await page.getByTestId("portal-return").click();
    await page.waitForURL(`${shop.url}/account`);
    await page.close();
  });

  it("invoice: the hosted invoice page pays an open invoice", async () => {
    const product = await stripe.products.create({ name: "Storefront plan" });
    const monthly = await stripe.prices.create({
      product: product.id,
      currency: "usd",
      unit_amount: 4900,
      recurring: { interval: "month" },
    });
    const customer = await stripe.customers.create({ email: "late@example.com", name: "Late Payer" });
    await em.controls.setDefaultCard(customer.id, "4000000000000341");
    const sub = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: monthly.id }],
      expand: ["latest_invoice"],
    });
    const inv = sub.latest_invoice as Stripe.Invoice;
    expect(inv.status).toBe("open");
    const page = await open(inv.hosted_invoice_url!);
    await page.screenshot({ path: `${SHOTS}/invoice.png` });
    await page.fill('input[name="number"]', "4242424242424242");
    await page.fill('input[name="exp"]', "12 / 40");
    await page.fill('input[name="cvc"]', "123");
    await page.getByTestId("invoice-pay").click();
    await page.getByTestId("invoice-paid").waitFor();
    await page.screenshot({ path: `${SHOTS}/invoice-paid.png` });
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("active");
    await page.close();
  });
});
