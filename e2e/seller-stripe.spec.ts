import { expect, test, type Page } from "@playwright/test";
import { shot, signUpViaUi, uniqueEmail, useLocale } from "./support/helpers";

// Seller journeys through Stripe (the local emulator): Connect onboarding, catalog, checkout
// links, orders, and the seller's own platform plan. Each test signs up a fresh seller.

async function newSeller(page: Page, tag: string) {
  await useLocale(page, "en");
  await signUpViaUi(page, { name: "Carla Dias", email: uniqueEmail(tag), storeName: `Carla ${tag}` });
}

/** Creates and onboards the store's Express account without the UI (the UI path has its own test). */
async function connectAccount(page: Page) {
  expect(
    (
      await page.request.post("/api/v1/connect/account", { data: { country: "BR", businessType: "individual" } })
    ).status(),
  ).toBe(201);
  const link = await page.request.post("/api/v1/connect/account-links", { data: { type: "account_onboarding" } });
  await page.goto((await link.json()).url);
  await page.getByTestId("onboard-complete").click();
  await expect(page).toHaveURL(/\/dashboard\/connect/);
  await expect(page.getByTestId("status-charges")).toContainText("Enabled");
}

async function fillPrice(
  page: Page,
  row: number,
  p: { amount: string; type?: "Subscription"; interval?: "Month" | "Year"; trial?: string },
) {
  const fieldset = page.getByTestId(`price-row-${row}`);
  await fieldset.getByLabel("Amount").fill(p.amount);
  if (p.type) await fieldset.getByLabel("Billing").selectOption({ label: p.type });
  if (p.interval) await fieldset.getByLabel("Every").selectOption({ label: p.interval });
  if (p.trial) await fieldset.getByLabel("Free trial (days)").fill(p.trial);
}

test("a seller connects Stripe: what is missing is said in words, then charges are enabled", async ({ page }) => {
  await newSeller(page, "connect");
  await page.getByRole("link", { name: "Stripe Connect" }).first().click();
  await expect(page.getByRole("heading", { name: "Why connect Stripe?" })).toBeVisible();
  await page.getByLabel("Store website").fill("carla.example.com");
  await shot(page, "stripe-01-connect-form");
  await page.getByRole("button", { name: "Continue to Stripe" }).click();

  // The emulator's hosted onboarding: submit but leave identity verification outstanding.
  await expect(page.getByRole("heading", { name: "Set up payouts for your store" })).toBeVisible();
  await page.getByTestId("onboard-leave-due").click();
  await expect(page).toHaveURL(/\/dashboard\/connect$/);
  await expect(page.getByText("Welcome back: Stripe still needs a few details")).toBeVisible();
  await expect(page.getByTestId("cannot-sell")).toContainText("Your store cannot sell yet");
  await expect(page.getByTestId("status-charges")).toContainText("Not yet");
  await expect(page.getByTestId("status-details")).toContainText("Submitted");
  const due = page.getByTestId("requirements-due");
  await expect(due).toContainText("Bank account for payouts");
  await expect(due).toContainText("Your ID number (CPF)");
  await expect(due).toContainText("A photo of your ID document");
  await shot(page, "stripe-02-connect-requirements-due");

  // Details were submitted, so the next link is an update; completing it enables charges.
  await page.getByRole("button", { name: "Update details" }).click();
  await expect(page.getByRole("heading", { name: "Update your account" })).toBeVisible();
  await page.getByTestId("onboard-complete").click();
  await expect(page.getByText("Welcome back: your account can take payments")).toBeVisible();
  await expect(page.getByText("You're ready to sell")).toBeVisible();
  for (const id of ["charges", "payouts"]) await expect(page.getByTestId(`status-${id}`)).toContainText("Enabled");
  await expect(page.getByText("Nothing pending. Stripe has everything it needs.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Open Express dashboard" })).toBeVisible();
  await shot(page, "stripe-03-connect-ready");
});

test("products need a connected account; a seller creates one-off and monthly products and gets their links", async ({
  page,
}) => {
  await newSeller(page, "catalog");
  await page.goto("/dashboard/products");
  await expect(page.getByText("Connect Stripe to create products")).toBeVisible();
  await expect(page.getByText("No products yet")).toBeVisible();
  await connectAccount(page);

  await page.goto("/dashboard/products");
  await page.getByRole("link", { name: "New product" }).click();
  await page.getByLabel("Name").fill("Caneca artesanal");
  await fillPrice(page, 0, { amount: "abc" });
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByText("Enter an amount like 89.90.")).toBeVisible();
  await fillPrice(page, 0, { amount: "89.90" });
  // A double click still creates one product: the form sends one Idempotency-Key per mount.
  await page.getByRole("button", { name: "Create product" }).dblclick();
  await expect(page).toHaveURL(/\/dashboard\/products\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: "Caneca artesanal" })).toBeVisible();
  await expect(page.getByTestId("product-prices")).toContainText("R$89.90");
  const mugs = await (await page.request.get("/api/v1/products?q=Caneca")).json();
  expect(mugs.data).toHaveLength(1);

  await page.goto("/dashboard/products/new");
  await page.getByLabel("Name").fill("Clube do café");
  await fillPrice(page, 0, { amount: "39.90", type: "Subscription", interval: "Month", trial: "7" });
  await page.getByRole("button", { name: "Add another price" }).click();
  await fillPrice(page, 1, { amount: "399", type: "Subscription", interval: "Year" });
  await shot(page, "stripe-04-new-product");
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByRole("heading", { name: "Clube do café" })).toBeVisible();
  const prices = page.getByTestId("product-prices");
  await expect(prices).toContainText("R$39.90");
  await expect(prices).toContainText("per month");
  await expect(prices).toContainText("7-day trial");
  await expect(prices).toContainText("R$399.00");
  await expect(prices).toContainText("per year");

  // Archive the yearly price; it stays listed, marked archived.
  await prices.getByRole("listitem").filter({ hasText: "R$399.00" }).getByRole("button", { name: "Archive" }).click();
  await expect(page.getByText("Price archived")).toBeVisible();
  await expect(prices.getByRole("listitem").filter({ hasText: "R$399.00" })).toContainText("Archived");

  await page.goto("/dashboard/products");
  const list = page.getByTestId("products-list");
  await expect(list.getByRole("listitem").filter({ hasText: "Caneca artesanal" })).toHaveCount(1);
  await page.getByRole("searchbox", { name: "Search products" }).fill("café");
  await expect(list.getByText("Caneca artesanal")).toHaveCount(0);
  await expect(list.getByText("Clube do café")).toBeVisible();
  await shot(page, "stripe-05-products");

  await page.getByRole("link", { name: "Checkout links" }).first().click();
  const links = page.getByTestId("checkout-links");
  // One buy link per one-time price (card, boleto, PIX); subscriptions keep hosted checkout.
  await expect(links.getByTestId("hosted-url")).toHaveCount(1);
  await expect(links.getByTestId("embedded-url")).toHaveCount(1);
  const mug = links.locator("[data-testid^=links-]").filter({ hasText: "Caneca artesanal" });
  await expect(mug.getByTestId("hosted-url")).toHaveCount(0);
  await expect(mug.getByTestId("embedded-url")).toHaveText(/\/pay\/[a-z0-9]+$/);
  await expect(links.locator("[data-testid^=links-]").filter({ hasText: "Clube do café" })).toContainText(
    "Subscriptions are sold through hosted checkout only.",
  );
  await expect(page.getByText("curl -X POST")).toBeVisible();
  await shot(page, "stripe-06-checkout-links");
});

test("the payment history lists the checkouts a store starts, with the store's order id", async ({ page }) => {
  await newSeller(page, "orders");
  // The old Orders page is the card filter of the one payment history now.
  await page.goto("/dashboard/orders");
  await expect(page).toHaveURL(/\/dashboard\/payments\?method=card/);
  await expect(page.getByText("No payments match")).toBeVisible();
  await connectAccount(page);
  const product = await page.request.post("/api/v1/products", {
    data: { name: "Vaso azul", prices: [{ unitAmount: 12000, currency: "BRL" }] },
  });
  expect(product.status()).toBe(201);
  const priceId = (await product.json()).prices[0].id;
  const session = await page.request.post("/api/v1/checkout/sessions", {
    data: { priceId, orderId: "loja-1042", customerEmail: "buyer@example.com" },
  });
  expect(session.status()).toBe(201);

  await page.goto("/dashboard/payments");
  const row = page.getByTestId("payment-row").filter({ hasText: "loja-1042" });
  await expect(row).toContainText("Vaso azul");
  await expect(row).toContainText("R$120.00");
  await expect(row).toContainText("Pending");
  await expect(row).toContainText("buyer@example.com");
  await shot(page, "stripe-07-orders");

  await page.goto("/dashboard/payments?method=card&status=paid");
  await expect(page.getByText("No payments match")).toBeVisible();
});

test("a seller subscribes to Starter through Checkout, sees the trial and an invoice, cancels and resumes", async ({
  page,
}) => {
  await newSeller(page, "billing");
  await page.getByRole("link", { name: "Invoices" }).first().click();
  await expect(page.getByText("No invoices yet")).toBeVisible();
  await page.goto("/dashboard/plan");
  await expect(page.getByText("No plan chosen yet")).toBeVisible();
  const starter = page.getByTestId("plan-starter");
  await expect(starter).toContainText("2.99% + R$0.39 per sale");
  await expect(starter).toContainText("14-day free trial");
  await starter.getByRole("button", { name: "Subscribe" }).click();

  // The emulator's hosted Checkout in subscription mode.
  await expect(page.getByTestId("pay")).toHaveText("Start trial");
  const email = page.locator("#email");
  if (!(await email.inputValue())) await email.fill("carla@example.com");
  await page.fill('input[name="number"]', "4242 4242 4242 4242");
  await page.fill('input[name="exp"]', "12 / 40");
  await page.fill('input[name="cvc"]', "123");
  await page.fill("#name", "Carla Dias");
  await page.getByTestId("pay").click();

  await expect(page.getByText("You're on Starter")).toBeVisible();
  await expect(page).toHaveURL(/\/dashboard\/plan$/);
  await expect(page.getByTestId("current-plan-name")).toHaveText("Starter");
  await expect(page.getByTestId("plan-status")).toContainText(/^Trial until /);
  await expect(page.getByTestId("plan-pro").getByRole("button", { name: "Switch to this plan" })).toBeVisible();
  await shot(page, "stripe-08-plan-trialing");

  await page.getByRole("button", { name: "Cancel at period end" }).click();
  await expect(page.getByRole("dialog")).toContainText("You keep Starter");
  await page.getByRole("dialog").getByRole("button", { name: "Cancel at period end" }).click();
  await expect(page.getByTestId("plan-status")).toContainText(/^Cancels on /);
  await expect(page.getByTestId("current-plan")).toContainText("You are not charged again.");
  await shot(page, "stripe-09-plan-canceling");

  await page.getByRole("button", { name: "Resume plan" }).click();
  await expect(page.getByText("Your plan will renew as usual")).toBeVisible();
  await expect(page.getByTestId("plan-status")).toContainText(/^Trial until /);

  // A reload re-syncs from Stripe and agrees.
  await page.reload();
  await expect(page.getByTestId("plan-status")).toContainText(/^Trial until /);

  // Cancelling in Stripe's billing portal (the emulator's) is reflected back in the dashboard.
  await page.getByRole("button", { name: "Manage billing" }).click();
  await expect(page.getByTestId("portal-subscription")).toBeVisible();
  await shot(page, "stripe-10-billing-portal");
  await page.getByTestId("portal-cancel_at_period_end").click();
  await expect(page.getByTestId("portal-when")).toContainText(/Cancels on/);
  await page.getByTestId("portal-return").click();
  await expect(page).toHaveURL(/\/dashboard\/plan/);
  await expect(page.getByTestId("plan-status")).toContainText(/^Cancels on /);

  await page.goto("/dashboard/invoices");
  await expect(page.getByRole("table", { name: "Invoices" }).getByRole("row")).not.toHaveCount(1);
});
