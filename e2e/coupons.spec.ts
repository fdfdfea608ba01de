import { expect, test, type Page } from "@playwright/test";
import { shot, useLocale } from "./support/helpers";
import { onboardedSellerWithProducts } from "./support/seller";

// A store coupon ("cupom de desconto") made by the seller, used by buyers: typed on Stripe's hosted
// Checkout page, and on the embedded pay page where the server re-prices the payment. Each buyer
// pays the discounted total and the seller sees each use once.
let oneTime: string;
let seller: Page;

test.beforeAll(async ({ browser }) => {
  const s = await onboardedSellerWithProducts(browser, { storeName: "Loja Cupom" });
  oneTime = s.oneTime;
  seller = s.page;
  const created = await seller.request.post("/api/v1/coupons", {
    data: { name: "Boas-vindas", percentOffBps: 2000, maxRedemptions: 10, promotionCode: { code: "BEMVINDO20" } },
  });
  expect(created.status()).toBe(201);
});

async function fillEmulatorCard(page: Page) {
  await page.getByLabel(/card number|número do cartão/i).fill("4242 4242 4242 4242");
  await page.getByLabel(/expir|validade/i).fill("12 / 34");
  await page.getByLabel(/security code|cvc|segurança/i).fill("123");
}

test("a buyer types the store's code on hosted Checkout and pays the discounted amount", async ({ page }) => {
  await useLocale(page, "pt-BR");
  await page.goto(`/buy/${oneTime}`);
  await page.getByLabel("E-mail para o recibo").fill("cupom@example.com");
  await page.getByRole("button", { name: "Continuar para o pagamento" }).click();
  // The store has a running code: Stripe's page offers the field.
  await page.getByTestId("promo-form").getByLabel("Promotion code").fill("bemvindo20");
  await page.getByTestId("apply-promo").click();
  await expect(page.getByTestId("promo-applied")).toHaveText("BEMVINDO20");
  // 20 % of R$ 129,90 is R$ 25,98.
  await expect(page.getByTestId("discount-amount")).toContainText(/25[.,]98/);
  await shot(page, "coupons-01-hosted-checkout-code");
  await fillEmulatorCard(page);
  await page.getByTestId("pay").click();
  await expect(page).toHaveURL(/\/receipt\//);
  await expect(page.getByTestId("receipt")).toHaveAttribute("data-status", "PAID");
  await expect(page.getByTestId("receipt-amount")).toHaveText("R$ 103,92");
  await shot(page, "coupons-02-receipt-discounted");
});

test("on the pay page a wrong code is explained, the right one lowers the total before paying", async ({ page }) => {
  await useLocale(page, "en");
  await page.goto(`/pay/${oneTime}`);
  const field = page.getByTestId("coupon-field");
  await field.getByLabel("Discount code").fill("NOPE");
  await field.getByRole("button", { name: "Apply" }).click();
  await expect(field.getByRole("alert")).toHaveText("This code does not exist. Check the spelling.");
  await field.getByLabel("Discount code").fill("bemvindo20");
  await field.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("coupon-total")).toHaveText("R$103.92");
  await expect(page.getByRole("button", { name: "Pay R$103.92" })).toBeVisible();
  await shot(page, "coupons-03-pay-page-code");
  await fillEmulatorCard(page);
  await page.getByRole("button", { name: "Pay R$103.92" }).click();
  await expect(page).toHaveURL(/\/receipt\//);
  await expect(page.getByTestId("receipt")).toHaveAttribute("data-status", "PAID");
  await expect(page.getByTestId("receipt-amount")).toHaveText("R$103.92");
});

test("the seller sees both uses once, in Portuguese", async () => {
  await useLocale(seller, "pt-BR");
  await seller.goto("/dashboard/coupons");
  await expect(seller.getByText("2 de 10")).toBeVisible();
  const uses = seller.getByRole("row").filter({ hasText: "BEMVINDO20" }).filter({ hasText: "R$ 25,98" });
  await expect(uses.filter({ hasText: "Usado" })).toHaveCount(2);
  await shot(seller, "coupons-04-seller-uses");
});
