// One buy link (issue #17): the same price's /pay link, with quantity and the store's PIX gateway.
// One buyer pays in 3× by card; another takes two and pays by PIX (the store's gateway asks for the
// CPF on the PIX page; the simulator pays it); a third generates a boleto that the emulator pays the
// next day. Each lands on a paid receipt. Both languages, desktop and 390 px.
import { copyFileSync, mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { emulator } from "./support/credits";
import { shot, signIn, useLocale } from "./support/helpers";
import { findSimCharge, simPay } from "./support/pix";
import { onboardedSellerWithProducts } from "./support/seller";

/** What the simulator accepts for SyncPay (it wants name, email, CPF and phone). */
const SIM_SYNCPAY = { client_id: "sim_syncpay_client", client_secret: "sim_syncpay_secret_0001" };
const PHONE = { width: 390, height: 844 };

let oneTime: string;
let sellerEmail: string;
let productId: string;

async function snap(page: Page, name: string) {
  await shot(page, name);
  mkdirSync("/tmp/hE1-shots", { recursive: true });
  copyFileSync(`test-results/screens/${name}.png`, `/tmp/hE1-shots/${name}.png`);
}

test.beforeAll(async ({ browser }) => {
  const s = await onboardedSellerWithProducts(browser, { storeName: "Ateliê Um Link" });
  oneTime = s.oneTime;
  sellerEmail = s.email;
  const seller = s.page;
  // Up to 3 per purchase.
  const products = (await (await seller.request.get("/api/v1/products")).json()) as {
    data: Array<{ id: string; prices: Array<{ id: string }> }>;
  };
  const product = products.data.find((p) => p.prices.some((pr) => pr.id === oneTime))!;
  productId = product.id;
  expect((await seller.request.patch(`/api/v1/products/${product.id}`, { data: { maxQuantity: 3 } })).status()).toBe(
    200,
  );
  const created = await seller.request.post("/api/v1/pix/configs", {
    data: { gateway: "syncpay", label: "SyncPay (simulador)", credentials: SIM_SYNCPAY },
  });
  expect(created.status()).toBe(201);
  const { config } = (await created.json()) as { config: { id: string } };
  expect(
    ((await (await seller.request.post(`/api/v1/pix/configs/${config.id}/verify`)).json()) as { ok: boolean }).ok,
  ).toBe(true);
  expect((await seller.request.patch(`/api/v1/pix/configs/${config.id}`, { data: { active: true } })).status()).toBe(
    200,
  );
  await s.context.close();
});

test("a buyer pays the one link in 3× by card (en, desktop)", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await useLocale(page, "en");
  await page.goto(`/pay/${oneTime}`);
  await expect(page.getByRole("tab", { name: "Card" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Boleto" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "PIX" })).toBeVisible();
  await expect(page.getByTestId("quantity")).toHaveText("1");
  await snap(page, "one-link-en-1280");
  await page.getByLabel(/card number/i).fill("4000 0007 6000 0002");
  await page.getByLabel(/expir/i).fill("12 / 34");
  await page.getByLabel(/cvc|security/i).fill("123");
  await page.getByRole("button", { name: /^Pay R\$/ }).click();
  const plans = page.getByTestId("installment-plans");
  await expect(plans).toBeVisible();
  await plans.getByRole("radio", { name: /^3× R\$\s?43\.30/ }).check();
  await page.getByRole("button", { name: /^Pay 3× R\$\s?43\.30$/ }).click();
  await expect(page).toHaveURL(/\/receipt\//);
  await expect(page.getByTestId("receipt")).toHaveAttribute("data-status", "PAID");
  await snap(page, "one-link-card-receipt-en-1280");
});

test("another buyer takes two and pays the same link by PIX, giving the CPF the gateway needs (pt-BR, 390 px)", async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  await useLocale(page, "pt-BR");
  await page.goto(`/pay/${oneTime}`);
  await page.getByRole("button", { name: "Mais um" }).click();
  await expect(page.getByTestId("quantity")).toHaveText("2");
  await page.getByRole("tab", { name: "PIX" }).click();
  await expect(page.getByTestId("pix-total")).toHaveText(/R\$\s?259,80/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await snap(page, "one-link-pix-pt-390");
  await page.getByRole("button", { name: /^Pagar R\$\s?259,80 com PIX$/ }).click();
  await expect(page).toHaveURL(/\/pay\/pix\//);
  const form = page.getByTestId("pix-buyer-form");
  await expect(form).toBeVisible();
  await expect(page.getByTestId("pix-pay-amount")).toHaveText(/R\$\s?259,80/);
  await form.getByLabel("Nome completo").fill("Maria da Silva");
  await form.getByLabel("E-mail").fill("maria@example.com");
  await form.getByLabel("CPF").fill("529.982.247-25");
  await form.getByLabel("Telefone").fill("11988887777");
  await snap(page, "one-link-pix-data-pt-390");
  await form.getByRole("button", { name: "Gerar código PIX" }).click();
  await expect(page.getByTestId("pix-pay")).toHaveAttribute("data-status", "pending");
  const brCode = (await page.getByTestId("pix-brcode").textContent())!.trim();
  const simCharge = await findSimCharge(brCode);
  expect(simCharge).toMatchObject({ gateway: "syncpay", amountCentavos: 25980 });
  expect((await simPay("syncpay", simCharge.id)).delivery?.status).toBe(200);
  await expect(page.getByTestId("pix-pay")).toHaveAttribute("data-status", "paid", { timeout: 30_000 });
  await snap(page, "one-link-pix-paid-pt-390");
});

test("a third buyer generates a boleto on the same link, paid the next day (en, 390 px)", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await useLocale(page, "en");
  await page.goto(`/pay/${oneTime}`);
  await page.getByRole("button", { name: "One more" }).click();
  await expect(page.getByTestId("quantity")).toHaveText("2");
  await page.getByRole("tab", { name: "Boleto" }).click();
  await expect(page.getByTestId("boleto-total")).toHaveText("R$259.80");
  const form = page.getByTestId("boleto-form");
  await form.getByLabel("Full name").fill("Maria Souza");
  await form.getByLabel("Email").fill("maria@example.com");
  await form.getByLabel("CPF or CNPJ").fill("529.982.247-25");
  await form.getByLabel("Address (street and number)").fill("Rua Augusta, 100");
  await form.getByLabel("City").fill("São Paulo");
  await form.getByLabel("State (UF)").fill("SP");
  await form.getByLabel("CEP").fill("01305-000");
  await snap(page, "one-link-boleto-en-390");
  await form.getByRole("button", { name: "Generate boleto" }).click();
  // Issuing the boleto talks to Stripe (the emulator) before the receipt opens.
  await expect(page).toHaveURL(/\/receipt\//, { timeout: 30_000 });
  const voucher = page.getByTestId("boleto-voucher");
  await expect(voucher.getByTestId("boleto-number")).toHaveText(/^\d{47}$/);
  const href = await voucher.getByRole("link", { name: "Open the boleto" }).getAttribute("href");
  await emulator.payBoleto(new URL(href!).pathname.split("/")[2]!);
  await emulator.advanceClock("1d");
  await expect(page.getByTestId("receipt")).toHaveAttribute("data-status", "PAID", { timeout: 30_000 });
  await expect(page.getByTestId("receipt-amount")).toHaveText("R$259.80");
  await snap(page, "one-link-boleto-paid-en-390");
});

test("the link in Portuguese on a desktop and in English on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await useLocale(page, "pt-BR");
  await page.goto(`/pay/${oneTime}`);
  await expect(page.getByRole("tab", { name: "Cartão" })).toBeVisible();
  await page.getByRole("tab", { name: "PIX" }).click();
  await expect(page.getByTestId("pix-choice")).toBeVisible();
  await snap(page, "one-link-pix-pt-1280");
  await page.setViewportSize(PHONE);
  await useLocale(page, "en");
  await page.goto(`/pay/${oneTime}`);
  await expect(page.getByRole("tab", { name: "Card" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await snap(page, "one-link-en-390");
});

test("the seller shares one link, sets the limit per purchase and reads each payment's method", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await useLocale(page, "en");
  await signIn(page, sellerEmail);
  await page.goto("/dashboard/checkout-links");
  const card = page
    .locator("[data-testid^=links-]")
    .filter({ hasText: "Vaso de cerâmica" })
    .filter({ hasText: "Buy link" });
  await expect(card.getByTestId("embedded-url")).toHaveText(new RegExp(`/pay/${oneTime}$`));
  await expect(card.getByTestId("hosted-url")).toHaveCount(0);
  await snap(page, "one-link-seller-links-en-1280");

  await page.goto(`/dashboard/products/${productId}`);
  await expect(page.getByLabel("Most per purchase")).toHaveValue("3");
  await snap(page, "one-link-seller-product-en-1280");

  await page.goto("/dashboard/payments");
  const table = page.getByTestId("payments-table");
  // The three payments, each with how it was paid; pay-page views nobody paid from are not listed.
  await expect(table.getByTestId("payment-row")).toHaveCount(3);
  const paid = table.getByTestId("payment-row").filter({ hasText: "Paid" });
  await expect(paid).toHaveCount(3);
  // Each row names the product and how many, whatever the method.
  await expect(paid.filter({ hasText: "Boleto · Pay page" })).toContainText("R$259.80");
  await expect(paid.filter({ hasText: "Boleto · Pay page" })).toContainText("Vaso de cerâmica × 2");
  await expect(paid.filter({ hasText: "Card · Pay page" })).toContainText("R$129.90");
  await expect(paid.filter({ hasText: "PIX" })).toContainText("Vaso de cerâmica × 2");
  await snap(page, "one-link-seller-payments-en-1280");

  await useLocale(page, "pt-BR");
  await page.setViewportSize(PHONE);
  await page.goto("/dashboard/payments");
  // On a phone the list replaces the table.
  await expect(page.getByText(/Boleto · Página de pagamento/).last()).toBeVisible();
  await snap(page, "one-link-seller-payments-pt-390");
});
