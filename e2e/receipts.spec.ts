// Receipts for every buyer (#17 item 5). A PIX buyer pays through the simulator and the PIX page
// becomes a receipt (store, item, amount, paid at, E2E id) with its PDF; the receipt email reaches
// the mail catcher. A boleto buyer (English) gets the voucher by email at once and, once the bank
// pays, the receipt page's PDF link and an English receipt email. Both languages, 1280 and 390 px.
import { mkdirSync, writeFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { emulator } from "./support/credits";
import { shot, signIn, uniqueEmail, useLocale } from "./support/helpers";
import { mailTo, waitForMail } from "./support/mail";
import { findSimCharge, simPay } from "./support/pix";
import { onboardedSellerWithProducts } from "./support/seller";

const ANA = { email: "ana@vitrine.local", password: "demo12345!" };
const SHOTS = process.env.RECEIPT_SHOTS_DIR ?? "test-results/screens";

async function bothWidths(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await shot(page, `${name}-${width}`);
  }
}

test("a PIX buyer pays through the simulator, sees the receipt with its PDF, and gets the receipt email", async ({
  page: seller,
  browser,
}) => {
  test.setTimeout(300_000);
  await useLocale(seller, "en");
  await signIn(seller, ANA.email, ANA.password);
  const buyerEmail = uniqueEmail("pix-receipt");
  const amountCentavos = 3000 + Math.floor(Math.random() * 4000);
  const created = await seller.request.post("/api/v1/pix/charges", {
    data: {
      amountCentavos,
      description: "Vaso de cerâmica azul",
      customer: { name: "Maria da Silva", email: buyerEmail },
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()).charge as { id: string };

  const context = await browser.newContext({ locale: "pt-BR" });
  const buyer = await context.newPage();
  await useLocale(buyer, "pt-BR");
  await buyer.goto(`/pay/pix/${id}`);
  await expect(buyer.getByTestId("pix-pay")).toHaveAttribute("data-status", "pending");
  const brCode = (await buyer.getByTestId("pix-brcode").textContent())!;
  const sim = await findSimCharge(brCode);
  expect((await simPay(sim.gateway, sim.id)).delivery?.status).toBe(200);

  // The open page polls when the gateway's read budget allows (up to a minute for PushinPay; see
  // e2e/pix.spec.ts): a poll scheduled just before the webhook lands comes a minute later.
  await expect(buyer.getByTestId("pix-pay")).toHaveAttribute("data-status", "paid", { timeout: 90_000 });
  const receipt = buyer.getByTestId("pix-receipt");
  await expect(receipt).toContainText("Vaso de cerâmica azul");
  await expect(receipt.getByTestId("pix-receipt-e2e")).toHaveText(/^E\w{20,}/);
  const pdfLink = receipt.getByTestId("receipt-pdf");
  await expect(pdfLink).toHaveText("Baixar recibo (PDF)");
  await bothWidths(buyer, "receipt-pix-pt");

  const href = (await pdfLink.getAttribute("href"))!;
  expect(href).toBe(`/api/public/pix/charges/${id}/receipt?locale=pt-BR`);
  const pdf = await buyer.request.get(href);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(`${SHOTS}/receipt-pix-pt.pdf`, await pdf.body());
  // Another id is no way in.
  expect((await buyer.request.get(`/api/public/pix/charges/${id.slice(0, -1)}x/receipt`)).status()).toBe(404);

  await useLocale(buyer, "en");
  await buyer.goto(`/pay/pix/${id}`);
  await expect(buyer.getByTestId("pix-receipt").getByTestId("receipt-pdf")).toHaveText("Download receipt (PDF)");
  await bothWidths(buyer, "receipt-pix-en");

  // The receipt email (the invoices job, then the notices job, then the sender): once.
  const mail = await waitForMail(buyerEmail, /Seu recibo de|Your receipt from/, 150_000);
  expect((await mailTo(buyerEmail)).filter((m) => m.subject === mail.subject)).toHaveLength(1);
  await context.close();
});

test("a boleto buyer (English) gets the voucher by email, then the receipt page's PDF and an English receipt", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const s = await onboardedSellerWithProducts(browser, { storeName: "Ateliê Boleto" });
  await s.context.close();
  const buyerEmail = uniqueEmail("boleto-receipt");
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await useLocale(page, "en");
  await page.goto(`/pay/${s.oneTime}`);
  await page.getByRole("tab", { name: "Boleto" }).click();
  const form = page.getByTestId("boleto-form");
  await form.getByLabel("Full name").fill("Mary Smith");
  await form.getByLabel("Email").fill(buyerEmail);
  await form.getByLabel("CPF or CNPJ").fill("529.982.247-25");
  await form.getByLabel("Address (street and number)").fill("Rua Augusta, 100");
  await form.getByLabel("City").fill("São Paulo");
  await form.getByLabel("State (UF)").fill("SP");
  await form.getByLabel("CEP").fill("01305-000");
  await form.getByRole("button", { name: "Generate boleto" }).click();
  await expect(page).toHaveURL(/\/receipt\//);
  const voucher = page.getByTestId("boleto-voucher");
  const number = (await voucher.getByTestId("boleto-number").textContent())!;

  const voucherMail = await waitForMail(buyerEmail, /^Your boleto for Ateliê Boleto$/, 60_000);
  expect(voucherMail.subject).toBe("Your boleto for Ateliê Boleto");
  await page.reload();
  expect((await mailTo(buyerEmail)).filter((m) => /boleto/i.test(m.subject))).toHaveLength(1);
  expect(number).toMatch(/^\d{47}$/);

  const href = await voucher.getByRole("link", { name: "Open the boleto" }).getAttribute("href");
  await emulator.payBoleto(new URL(href!).pathname.split("/")[2]!);
  await emulator.advanceClock("1d");
  await expect(page.getByTestId("receipt")).toHaveAttribute("data-status", "PAID", { timeout: 60_000 });
  await expect(page.getByTestId("receipt-pdf")).toHaveText("Download receipt (PDF)");
  await bothWidths(page, "receipt-boleto-en");
  const orderId = new URL(page.url()).pathname.split("/")[2]!;
  const pdf = await page.request.get(`/api/public/orders/${orderId}/receipt?locale=en`);
  expect(pdf.status()).toBe(200);
  writeFileSync(`${SHOTS}/receipt-boleto-en.pdf`, await pdf.body());

  await useLocale(page, "pt-BR");
  await page.goto(`/receipt/${orderId}`);
  await expect(page.getByTestId("receipt-pdf")).toHaveText("Baixar recibo (PDF)");
  await bothWidths(page, "receipt-boleto-pt");

  const receiptMail = await waitForMail(buyerEmail, /^Your receipt from Ateliê Boleto/, 150_000);
  expect(receiptMail.subject).toMatch(/^Your receipt from Ateliê Boleto \(/);
  await context.close();
});
