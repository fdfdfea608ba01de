import { expect, type Browser } from "@playwright/test";
import { PASSWORD, signIn, uniqueEmail, useLocale } from "./helpers";

/** A fresh seller whose Stripe account finished onboarding on the emulator, with a one-time and a monthly price. */
export async function onboardedSellerWithProducts(browser: Browser, opts: { storeName?: string } = {}) {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  const email = uniqueEmail("shop");
  expect(
    (
      await page.request.post("/api/auth/sign-up", {
        data: { name: "Shop Owner", email, password: PASSWORD, storeName: opts.storeName ?? "Loja E2E" },
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
  const status = await (await page.request.post("/api/v1/connect/account/refresh")).json();
  expect(status.chargesEnabled).toBe(true);
  const created = await page.request.post("/api/v1/products", {
    data: {
      name: "Vaso de cerâmica",
      description: "Feito à mão",
      prices: [
        { unitAmount: 12990, currency: "BRL" },
        { unitAmount: 3990, currency: "BRL", type: "recurring", interval: "month" },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const product = await created.json();
  const oneTime = product.prices.find((p: { type: string }) => p.type === "ONE_TIME").id as string;
  const monthly = product.prices.find((p: { type: string }) => p.type === "RECURRING").id as string;
  return { context, page, email, oneTime, monthly };
}
