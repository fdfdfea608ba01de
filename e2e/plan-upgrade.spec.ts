// A Free seller hits the product limit, sees why (the limit and an upgrade link), upgrades to Starter
// yearly with a promotion code on the emulator's hosted Checkout, and the limit lifts.
import { expect, test } from "@playwright/test";
import { PASSWORD, shot, signIn, uniqueEmail, useLocale } from "./support/helpers";

const ADMIN = { email: "admin@vitrine.local", password: "admin12345!" };

test("a Free seller at the product limit upgrades yearly with a promotion code and can create products again", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const code = `UPGRADE${Date.now().toString(36).toUpperCase()}`;

  // The platform admin creates a 20 % promotion code for Starter and Pro.
  const adminContext = await browser.newContext({ locale: "en-US" });
  const admin = await adminContext.newPage();
  await useLocale(admin, "en");
  await signIn(admin, ADMIN.email, ADMIN.password);
  const coupon = await admin.request.post("/api/v1/admin/coupons", {
    data: {
      name: "Upgrade 20%",
      percentOffBps: 2_000,
      duration: "once",
      plans: ["starter", "pro"],
      promotionCode: { code },
    },
  });
  expect(coupon.status()).toBe(201);
  await adminContext.close();

  // A new seller (BRL store, Free: 10 products) with a connected account and ten products.
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  const email = uniqueEmail("plan");
  expect(
    (
      await page.request.post("/api/auth/sign-up", {
        data: { name: "Plan Seller", email, password: PASSWORD, storeName: "Loja do Plano" },
      })
    ).status(),
  ).toBe(202);
  await useLocale(page, "en");
  await signIn(page, email);
  expect((await page.request.post("/api/v1/connect/account", { data: { country: "BR", email } })).status()).toBe(201);
  const link = await (
    await page.request.post("/api/v1/connect/account-links", { data: { type: "account_onboarding" } })
  ).json();
  await page.goto(link.url);
  await page.getByTestId("onboard-complete").click();
  await expect(page).toHaveURL(/\/dashboard\/connect/);
  for (let i = 1; i <= 10; i++)
    expect(
      (
        await page.request.post("/api/v1/products", {
          data: { name: `Produto ${i}`, prices: [{ unitAmount: 1000 + i, currency: "BRL" }] },
        })
      ).status(),
    ).toBe(201);

  // The eleventh, from the dashboard form: refused, with the limit and the way up.
  await page.goto("/dashboard/products/new");
  await page.getByLabel("Name").fill("Produto 11");
  await page.getByLabel("Amount").fill("25.00");
  await page.getByRole("button", { name: "Create product" }).click();
  const alert = page.getByTestId("plan-limit-alert");
  await expect(alert).toContainText("Your plan's limit is reached");
  await expect(alert).toContainText("Your Free plan allows 10 active products and this store has 10.");
  await shot(page, "plan-01-limit-reached");
  await alert.getByRole("link", { name: "See plans and upgrade" }).click();
  await expect(page).toHaveURL(/\/dashboard\/plan$/);

  // The plan page: Free in force; Starter yearly in reais with the code.
  await expect(page.getByTestId("current-fee")).toContainText("4.99% + R$0.50");
  await page.getByRole("radio", { name: "Yearly" }).check();
  const starter = page.getByTestId("plan-starter");
  await expect(starter.getByTestId("plan-price")).toHaveText("R$490.00");
  await expect(starter).toContainText("2.99% + R$0.39 per sale");
  await expect(starter).toContainText("Up to 500 products");
  // A wrong code is refused on the page, in words.
  await page.getByTestId("promo-code").fill("NOT-A-CODE");
  await starter.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByText("We don't know this code. Check the spelling.")).toBeVisible();
  await page.getByTestId("promo-code").fill(code.toLowerCase());
  await shot(page, "plan-02-yearly-with-code");
  await starter.getByRole("button", { name: "Subscribe" }).click();

  // The emulator's hosted Checkout: the yearly price with the code's discount, trial first.
  await expect(page.getByTestId("discount")).toContainText(code);
  await expect(page.getByTestId("pay")).toHaveText("Start trial");
  const emailField = page.locator("#email");
  if (!(await emailField.inputValue())) await emailField.fill(email);
  await page.fill('input[name="number"]', "4242 4242 4242 4242");
  await page.fill('input[name="exp"]', "12 / 40");
  await page.fill('input[name="cvc"]', "123");
  await page.fill("#name", "Plan Seller");
  await shot(page, "plan-03-checkout");
  await page.getByTestId("pay").click();

  // Back on the plan page: Starter, yearly, its fee.
  // The toast comes as the sync lands, while the URL drops ?subscribed=… (it lasts 4 s).
  await expect(page.getByText("You're on Starter")).toBeVisible();
  await expect(page).toHaveURL(/\/dashboard\/plan$/);
  await expect(page.getByTestId("current-plan-name")).toHaveText("Starter");
  await expect(page.getByTestId("current-fee")).toContainText("2.99% + R$0.39");
  await expect(page.getByRole("radio", { name: "Yearly" })).toBeChecked();
  await expect(page.getByTestId("plan-starter").getByRole("button", { name: "Current plan" })).toBeDisabled();
  await shot(page, "plan-04-upgraded");

  // The limit lifted: the eleventh product is created.
  await page.goto("/dashboard/products/new");
  await page.getByLabel("Name").fill("Produto 11");
  await page.getByLabel("Amount").fill("25.00");
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByText("Product created")).toBeVisible();
  await expect(page).toHaveURL(/\/dashboard\/products\/[^/]+$/);
  await context.close();
});
