import { expect, test, type Browser, type Page } from "@playwright/test";
import { shot, signUpViaUi, uniqueEmail, useLocale } from "./support/helpers";
import { findSimCharge, simPay } from "./support/pix";

/** What the simulator accepts for SyncPay (sandbox/pix/src/state.ts), copied so the spec stays free of app imports. */
const SIM_SYNCPAY = { client_id: "sim_syncpay_client", client_secret: "sim_syncpay_secret_0001" };

const DESKTOP = { width: 1280, height: 860 };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** A SyncPay config (it wants name, email, CPF and phone), verified and switched on through the seller's API. */
async function setUpSyncPay(page: Page) {
  const created = await page.request.post("/api/v1/pix/configs", {
    data: { gateway: "syncpay", label: "SyncPay (simulador)", credentials: SIM_SYNCPAY },
  });
  expect(created.status()).toBe(201);
  const { config } = (await created.json()) as { config: { id: string } };
  const verified = await page.request.post(`/api/v1/pix/configs/${config.id}/verify`);
  expect(((await verified.json()) as { ok: boolean }).ok).toBe(true);
  expect((await page.request.patch(`/api/v1/pix/configs/${config.id}`, { data: { active: true } })).status()).toBe(200);
}

/** What a store does when it knows the buyer's name and email but not their CPF or phone. */
async function chargeWithoutCpf(page: Page, amountCentavos: number, description: string): Promise<string> {
  const res = await page.request.post("/api/v1/pix/charges", {
    data: {
      amountCentavos,
      description,
      customer: { name: "Maria da Silva", email: "maria@example.com" },
      collectCustomer: true,
    },
  });
  expect(res.status()).toBe(201);
  const { charge } = (await res.json()) as { charge: { status: string; brCode: string | null; payUrl: string } };
  expect(charge).toMatchObject({ status: "awaiting_customer", brCode: null });
  return charge.payUrl;
}

async function buyerPage(browser: Browser, locale: "en" | "pt-BR", phone = false) {
  const context = await browser.newContext(phone ? { locale, ...PHONE } : { locale, viewport: DESKTOP });
  return { context, page: await context.newPage() };
}

test("a buyer whose store had no CPF gives CPF and phone on the PIX page (pt-BR), sees the QR code and pays", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await useLocale(page, "en");
  await signUpViaUi(page, { name: "Rita Lima", email: uniqueEmail("pixdata"), storeName: "Ateliê da Rita" });
  await setUpSyncPay(page);

  // English, desktop and phone: the form asks only for what SyncPay still needs.
  const enUrl = await chargeWithoutCpf(page, 4590, "Caneca esmaltada azul");
  const en = await buyerPage(browser, "en");
  await en.page.goto(enUrl);
  const enForm = en.page.getByTestId("pix-buyer-form");
  await expect(enForm.getByRole("heading", { name: "A few details before you pay" })).toBeVisible();
  await expect(enForm.getByLabel("CPF")).toBeVisible();
  await expect(enForm.getByLabel("Phone")).toBeVisible();
  await expect(enForm.getByLabel("Full name")).toHaveCount(0);
  await expect(enForm.getByLabel("Email")).toHaveCount(0);
  await shot(en.page, "pix-buyer-data-en-desktop");
  await enForm.getByRole("button", { name: "Generate PIX code" }).click();
  await expect(enForm.getByText("Fill in this field.")).toHaveCount(2);
  await shot(en.page, "pix-buyer-data-en-desktop-errors");
  await en.context.close();
  const enPhone = await buyerPage(browser, "en", true);
  await enPhone.page.goto(enUrl);
  await expect(enPhone.page.getByTestId("pix-buyer-form")).toBeVisible();
  expect(await enPhone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(enPhone.page, "pix-buyer-data-en-mobile");
  await enPhone.context.close();

  // The seller's list says what the charge waits for.
  await page.goto("/dashboard/pix");
  await expect(page.getByTestId("pix-charge-status").first()).toHaveAttribute("data-status", "awaiting_customer");
  await expect(page.getByTestId("pix-charge-status").first()).toHaveText("Waiting for buyer's details");
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, "pix-buyer-data-seller-en");

  // Portuguese, phone first: a CPF whose check digits fail is refused before anything is sent.
  const url = await chargeWithoutCpf(page, 2590, "Vaso de cerâmica");
  const ptPhone = await buyerPage(browser, "pt-BR", true);
  await ptPhone.page.goto(url);
  await expect(ptPhone.page.getByTestId("pix-buyer-form")).toBeVisible();
  expect(await ptPhone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(ptPhone.page, "pix-buyer-data-pt-mobile");
  await ptPhone.context.close();

  const pt = await buyerPage(browser, "pt-BR");
  const buyer = pt.page;
  await buyer.goto(url);
  const form = buyer.getByTestId("pix-buyer-form");
  await expect(form.getByRole("heading", { name: "Alguns dados antes de pagar" })).toBeVisible();
  await expect(buyer.getByTestId("pix-pay-amount")).toHaveText("R$ 25,90");
  const cpf = form.getByLabel("CPF");
  await cpf.fill("52998224726");
  // Typed digits are shown the way a CPF is written.
  await expect(cpf).toHaveValue("529.982.247-26");
  await form.getByLabel("Telefone").fill("11988887777");
  await expect(form.getByLabel("Telefone")).toHaveValue("(11) 98888-7777");
  await form.getByRole("button", { name: "Gerar código PIX" }).click();
  await expect(form.getByText("Este CPF não é válido. Confira os números.")).toBeVisible();
  await shot(buyer, "pix-buyer-data-pt-desktop-invalid-cpf");

  await cpf.fill("529.982.247-25");
  await form.getByRole("button", { name: "Gerar código PIX" }).click();
  await expect(buyer.getByTestId("pix-pay")).toHaveAttribute("data-status", "pending");
  const qr = buyer.getByTestId("pix-qr");
  await expect(qr).toBeVisible();
  await expect(qr).toHaveAttribute("src", /^data:image\/png;base64,/);
  const brCode = (await buyer.getByTestId("pix-brcode").textContent())!.trim();
  expect(brCode).toContain("/syncpay/qr/");
  await shot(buyer, "pix-buyer-data-pt-desktop-qr");

  // SyncPay received the CPF and phone as it wants them (digits only, no +55).
  const simCharge = await findSimCharge(brCode);
  expect(simCharge).toMatchObject({ gateway: "syncpay", amountCentavos: 2590, state: "pending" });

  // A reload shows the same code: the data is not asked for again.
  await buyer.reload();
  await expect(buyer.getByTestId("pix-brcode")).toHaveText(brCode);
  await expect(buyer.getByTestId("pix-buyer-form")).toHaveCount(0);
  const qrPhone = await buyerPage(browser, "pt-BR", true);
  await qrPhone.page.goto(url);
  await expect(qrPhone.page.getByTestId("pix-qr")).toBeVisible();
  expect(await qrPhone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(qrPhone.page, "pix-buyer-data-pt-mobile-qr");
  await qrPhone.context.close();

  const paid = await simPay("syncpay", simCharge.id);
  expect(paid.delivery?.status).toBe(200);
  await expect(buyer.getByTestId("pix-pay")).toHaveAttribute("data-status", "paid", { timeout: 30_000 });
  await expect(buyer.getByTestId("pix-pay-title")).toHaveText("Pagamento recebido");
  await shot(buyer, "pix-buyer-data-pt-desktop-paid");
  await pt.context.close();
});
