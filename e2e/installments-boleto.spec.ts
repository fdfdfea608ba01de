import { expect, test } from "@playwright/test";
import { emulator } from "./support/credits";
import { shot, useLocale } from "./support/helpers";
import { onboardedSellerWithProducts } from "./support/seller";

// A Brazilian store's Elements pay page: one buyer pays R$ 129,90 in 3× by card (a Brazilian test
// card, so Stripe offers plans); another generates a boleto that the bank pays and Stripe confirms
// the next day (the emulator's clock advances a day).
let oneTime: string;

test.beforeAll(async ({ browser }) => {
  const s = await onboardedSellerWithProducts(browser);
  oneTime = s.oneTime;
  await s.context.close();
});

test("a buyer pays in 3× by card (pt-BR)", async ({ page }) => {
  await useLocale(page, "pt-BR");
  await page.goto(`/pay/${oneTime}`);
  await page.getByLabel(/número do cartão/i).fill("4000 0007 6000 0002");
  await page.getByLabel(/validade/i).fill("12 / 34");
  await page.getByLabel(/cvc|segurança/i).fill("123");
  await page.getByRole("button", { name: /^Pagar R\$/ }).click();
  const plans = page.getByTestId("installment-plans");
  await expect(plans).toBeVisible();
  await plans.getByRole("radio", { name: /^3× R\$\s?43,30 sem juros$/ }).check();
  await shot(page, "installments-plans-pt");
  await page.getByRole("button", { name: /^Pagar 3× R\$\s?43,30$/ }).click();
  await expect(page).toHaveURL(/\/receipt\//);
  await expect(page.getByTestId("receipt")).toHaveAttribute("data-status", "PAID");
  await expect(page.getByTestId("receipt-installments")).toHaveText("Pago em 3 parcelas");
  await shot(page, "installments-receipt-pt");
});

test("a buyer generates a boleto that is paid the next day (en, 390 px)", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await useLocale(page, "en");
  await page.goto(`/pay/${oneTime}`);
  await page.getByRole("tab", { name: "Boleto" }).click();
  const form = page.getByTestId("boleto-form");
  await form.getByLabel("Full name").fill("Maria Souza");
  await form.getByLabel("Email").fill("maria@example.com");
  await form.getByLabel("CPF or CNPJ").fill("111.111.111-11");
  await form.getByLabel("Address (street and number)").fill("Rua Augusta, 100");
  await form.getByLabel("City").fill("São Paulo");
  await form.getByLabel("State (UF)").fill("SP");
  await form.getByLabel("CEP").fill("01305-000");
  await form.getByRole("button", { name: "Generate boleto" }).click();
  await expect(form.getByText("Enter a valid CPF or CNPJ.")).toBeVisible();
  await form.getByLabel("CPF or CNPJ").fill("529.982.247-25");
  await shot(page, "boleto-form-en-390");
  await form.getByRole("button", { name: "Generate boleto" }).click();
  await expect(page).toHaveURL(/\/receipt\//);
  await expect(page.getByRole("status")).toHaveText("Awaiting payment");
  const voucher = page.getByTestId("boleto-voucher");
  await expect(voucher.getByTestId("boleto-number")).toHaveText(/^\d{47}$/);
  await shot(page, "boleto-receipt-en-390");

  // The buyer pays at the bank; Stripe confirms the next business day.
  const href = await voucher.getByRole("link", { name: "Open the boleto" }).getAttribute("href");
  const paymentIntent = new URL(href!).pathname.split("/")[2]!;
  await emulator.payBoleto(paymentIntent);
  await emulator.advanceClock("1d");
  await expect(page.getByTestId("receipt")).toHaveAttribute("data-status", "PAID", { timeout: 30_000 });
  await expect(page.getByRole("status")).toHaveText("Payment received");
  await expect(voucher).toHaveCount(0);
  await shot(page, "boleto-paid-en-390");
});
