import { expect, test, type Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { shot, signUpViaUi, uniqueEmail, useLocale } from "./support/helpers";
import {
  FAKE_PEM_CERT,
  FAKE_PEM_KEY,
  findPendingSimCharge,
  findSimCharge,
  SIM_BCB,
  simPay,
  SIM_PUSHINPAY_TOKEN,
  startReceiver,
  webhookHeaders,
} from "./support/pix";

const cardOf = (page: Page, gateway: string) => page.locator(`[data-testid=pix-gateway-card][data-gateway=${gateway}]`);

async function addGateway(page: Page, type: string, fields: Record<string, string>, opts: { activate?: boolean } = {}) {
  await page.getByRole("button", { name: "Add gateway" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Add a PIX gateway" });
  await dialog.getByTestId(`pix-type-${type}`).click();
  for (const [label, value] of Object.entries(fields))
    await dialog.getByLabel(new RegExp(`^${label.replace(/[()]/g, "\\$&")}`)).fill(value);
  if (opts.activate === false) await dialog.getByLabel("Use it for new charges right away").uncheck();
  await dialog.getByRole("button", { name: "Save gateway" }).click();
  await expect(dialog).toBeHidden();
}

async function createCharge(page: Page, amount: string, description: string, orderId?: string): Promise<string> {
  await page.getByRole("button", { name: "New PIX charge" }).click();
  const dialog = page.getByRole("dialog", { name: "New PIX charge" });
  await dialog.getByLabel("Amount (R$)").fill(amount);
  await dialog.getByLabel("Description").fill(description);
  if (orderId) await dialog.getByLabel("Your order ID (optional)").fill(orderId);
  await dialog.getByRole("button", { name: "Create charge" }).click();
  const created = page.getByTestId("pix-charge-created");
  await expect(created).toBeVisible();
  const payUrl = (await created.locator("pre code").textContent())!.trim();
  expect(payUrl).toMatch(/\/pay\/pix\/[a-z0-9]+$/);
  await page.getByRole("dialog", { name: "Charge created" }).getByRole("button", { name: "Done" }).click();
  return payUrl;
}

test("a seller sets up PushinPay and a direct key; the buyer's PIX flips to paid and the store gets one signed callback", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const store = await startReceiver();
  try {
    await useLocale(page, "en");
    await signUpViaUi(page, { name: "Carla Souza", email: uniqueEmail("pix"), storeName: "Loja da Carla" });
    await page.goto("/dashboard/pix");
    await expect(page.getByText("No PIX gateway yet")).toBeVisible();

    // The type picker lists every gateway; the form is generated from PushinPay's credential fields.
    await page.getByRole("button", { name: "Add gateway" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a PIX gateway" });
    for (const type of ["syncpay", "pushinpay", "paradise", "wiinpay", "atomopay", "bcb", "direct_key"])
      await expect(dialog.getByTestId(`pix-type-${type}`)).toBeVisible();
    await shot(page, "pix-add-gateway-types");
    await dialog.getByTestId("pix-type-pushinpay").click();
    await expect(dialog.getByTestId("pix-form-type")).toHaveText("PushinPay");
    // A wrong token first: saved, checked against the gateway, refused, not activated.
    await dialog.getByLabel("API token").fill("not-the-right-token-123");
    await shot(page, "pix-add-gateway-form");
    await dialog.getByRole("button", { name: "Save gateway" }).click();
    // The dialog says so and stays open on the saved configuration; no "Gateway added".
    await expect(dialog.getByTestId("pix-form-check-error")).toContainText(/refused these credentials/i);
    await expect(page.getByText(/^Gateway added/)).toHaveCount(0);
    await dialog.getByRole("button", { name: "Close" }).last().click();
    await expect(dialog).toBeHidden();
    const pushin = cardOf(page, "pushinpay");
    await expect(pushin.getByTestId("pix-gateway-verification")).toHaveAttribute("data-ok", "false");
    await expect(pushin.getByTestId("pix-gateway-last-error")).toContainText(/refused these credentials/i);
    await expect(pushin).toHaveAttribute("data-active", "false");
    await expect(pushin.getByTestId("pix-cred-token")).toHaveText("••••-123");
    await expect(page.getByText("not-the-right-token-123")).toHaveCount(0);

    // Edit: only the secret changes; then verify and switch it on.
    await pushin.getByRole("button", { name: "Edit" }).click();
    const edit = page.getByRole("dialog", { name: /^Edit / });
    await expect(edit.getByText(/Leave blank to keep the saved value \(••••-123\)/)).toBeVisible();
    await edit.getByLabel("API token").fill(SIM_PUSHINPAY_TOKEN);
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(edit).toBeHidden();
    await expect(pushin.getByTestId("pix-cred-token")).toHaveText("••••0001");
    await pushin.getByRole("button", { name: "Verify credentials" }).click();
    await expect(pushin.getByTestId("pix-gateway-verification")).toHaveAttribute("data-ok", "true");
    await expect(pushin.getByText("Credentials work")).toBeVisible();
    await pushin.getByRole("switch", { name: "Use for new charges" }).click();
    await expect(pushin).toHaveAttribute("data-active", "true");
    await expect(pushin.getByTestId("pix-webhook-url")).toContainText("/api/webhooks/pix/pushinpay/");

    await addGateway(page, "direct_key", {
      "PIX key": "vendas@lojadacarla.com.br",
      "Receiver name (as registered at the bank)": "Carla Souza",
      "Receiver city": "São Paulo",
    });
    const direct = cardOf(page, "direct_key");
    await expect(direct).toHaveAttribute("data-active", "true");
    await expect(direct.getByTestId("pix-gateway-priority")).toHaveText("2");
    // Priority order: up and back down again; PushinPay stays first.
    await direct.getByRole("button", { name: "Move up" }).click();
    await expect(direct.getByTestId("pix-gateway-priority")).toHaveText("1");
    await expect(page.getByTestId("pix-gateway-card").first()).toHaveAttribute("data-gateway", "direct_key");
    await page.reload();
    await expect(page.getByTestId("pix-gateway-card").first()).toHaveAttribute("data-gateway", "direct_key");
    await cardOf(page, "direct_key").getByRole("button", { name: "Move down" }).click();
    await expect(page.getByTestId("pix-gateway-card").first()).toHaveAttribute("data-gateway", "pushinpay");

    // The store's callback endpoint points at the local receiver.
    const endpoint = await page.request.post("/api/v1/callbacks/endpoints", { data: { url: store.url } });
    expect(endpoint.status()).toBe(201);
    const { secret } = (await endpoint.json()) as { secret: string };

    const payUrl = await createCharge(page, "25,90", "Vaso de cerâmica azul", "order-1042");
    await expect(page.getByTestId("pix-charge-amount").first()).toHaveText("R$25.90");
    await expect(page.getByTestId("pix-charge-status").first()).toHaveAttribute("data-status", "pending");

    // The buyer (Portuguese browser) sees the amount, the QR code, the copia e cola and a countdown.
    const buyerContext = await browser.newContext({ locale: "pt-BR" });
    const buyer = await buyerContext.newPage();
    await buyer.goto(payUrl);
    await expect(buyer.getByTestId("pix-pay")).toHaveAttribute("data-status", "pending");
    await expect(buyer.getByTestId("pix-pay-amount")).toHaveText("R$ 25,90");
    await expect(buyer.getByText("Pagamento para Loja da Carla")).toBeVisible();
    const qr = buyer.getByTestId("pix-qr");
    await expect(qr).toBeVisible();
    await expect(qr).toHaveAttribute("src", /^data:image\/png;base64,/);
    await expect(qr).toHaveAttribute("alt", /^QR code PIX de R\$\s25,90 para Loja da Carla$/);
    expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
    const brCode = (await buyer.getByTestId("pix-brcode").textContent())!.trim();
    // A dynamic BR Code whose location is the gateway's (the simulator's) QR endpoint.
    expect(brCode).toMatch(/^000201010212/);
    expect(brCode).toContain("/pushinpay/qr/");
    const simCharge = await findSimCharge(brCode);
    expect(simCharge).toMatchObject({ gateway: "pushinpay", amountCentavos: 2590, state: "pending" });
    await expect(buyer.getByTestId("pix-countdown")).toHaveText(/^Expira em \d+:\d\d(:\d\d)?$/);
    await buyer.getByRole("button", { name: "Copiar código" }).click();
    await expect(buyer.getByRole("button", { name: "Copiado" })).toBeVisible();
    await shot(buyer, "pix-buyer-pending");

    const phone = await browser.newContext({
      locale: "pt-BR",
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    const mobile = await phone.newPage();
    await mobile.goto(payUrl);
    await expect(mobile.getByTestId("pix-qr")).toBeVisible();
    expect(await mobile.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(mobile, "pix-buyer-pending-mobile");
    await phone.close();

    // The simulator marks it paid and POSTs PushinPay's webhook to the app; the buyer's page flips by itself.
    const paid = await simPay("pushinpay", simCharge.id);
    expect(paid.delivery?.status).toBe(200);
    // The webhook's re-read confirms it; the page, polling our database every few seconds, flips soon after
    // (the long timeout covers a webhook re-read deferred by PushinPay's one-read-a-minute budget).
    await expect(buyer.getByTestId("pix-pay")).toHaveAttribute("data-status", "paid", { timeout: 75_000 });
    await expect(buyer.getByTestId("pix-pay-title")).toHaveText("Pagamento recebido");
    await expect(buyer.getByTestId("pix-qr")).toHaveCount(0);
    await shot(buyer, "pix-buyer-paid");

    await expect.poll(() => store.received.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    const first = store.received[0]!;
    const event = new Webhook(secret).verify(first.body, webhookHeaders(first.headers)) as {
      id: string;
      type: string;
      data: Record<string, unknown>;
    };
    expect(event).toMatchObject({
      type: "payment.succeeded",
      data: { provider: "pix", amount: 2590, orderId: "order-1042", gateway: "pushinpay" },
    });
    // The same currency spelling as a Stripe order's callback.
    expect(event.data.currency).toBe("BRL");
    // The webhook, the buyer's polling re-reads and the reconciler all saw it paid: still one event.
    await buyer.reload();
    await expect(buyer.getByTestId("pix-pay")).toHaveAttribute("data-status", "paid");
    await page.waitForTimeout(3_000);
    expect(store.received).toHaveLength(1);
    await buyerContext.close();

    await page.reload();
    await expect(page.getByTestId("pix-charge-status").first()).toHaveAttribute("data-status", "paid");
    await expect(cardOf(page, "pushinpay").getByTestId("pix-stat-paid")).toHaveText("1");
    await expect(cardOf(page, "pushinpay").getByTestId("pix-stat-conversion")).toHaveText("100%");
    await expect(cardOf(page, "pushinpay").getByTestId("pix-stat-amount")).toHaveText("R$25.90");
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, "pix-seller-en");

    await page.getByRole("button", { name: "Details" }).first().click();
    const detail = page.getByTestId("pix-charge-detail");
    await expect(detail).toHaveAttribute("data-status", "paid");
    await expect(detail.getByTestId("pix-attempts").getByRole("listitem")).toHaveCount(1);
    await expect(detail.getByText("PushinPay has no refund API")).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, "pix-charge-detail");
    await page.keyboard.press("Escape");

    await useLocale(page, "pt-BR");
    await page.goto("/dashboard/pix");
    await expect(page.getByRole("heading", { name: "Cobranças PIX" })).toBeVisible();
    await expect(page.getByTestId("pix-charge-amount").first()).toHaveText("R$ 25,90");
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, "pix-seller-pt-BR");
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, "pix-seller-pt-BR-mobile");
  } finally {
    await store.close();
  }
});

test("a direct-key charge shows a static QR and the seller's manual confirmation flips the buyer's page", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await useLocale(page, "en");
  await signUpViaUi(page, { name: "Davi Rocha", email: uniqueEmail("pixkey"), storeName: "Café do Davi" });
  await page.goto("/dashboard/pix");
  await addGateway(page, "direct_key", {
    "PIX key": "+5511987654321",
    "Receiver name (as registered at the bank)": "Davi Rocha",
    "Receiver city": "Belo Horizonte",
  });
  await expect(
    cardOf(page, "direct_key").getByText("Not needed: you confirm direct-key payments yourself."),
  ).toBeVisible();

  // A config that never charged can be removed (with a confirmation).
  await addGateway(page, "pushinpay", { "API token": SIM_PUSHINPAY_TOKEN }, { activate: false });
  await expect(cardOf(page, "pushinpay")).toHaveAttribute("data-active", "false");
  await cardOf(page, "pushinpay").getByRole("button", { name: "Remove" }).click();
  await page.getByRole("dialog", { name: "Remove this gateway?" }).getByRole("button", { name: "Remove" }).click();
  await expect(cardOf(page, "pushinpay")).toHaveCount(0);

  const payUrl = await createCharge(page, "12", "Café especial 250 g");
  const buyerContext = await browser.newContext({ locale: "pt-BR" });
  const buyer = await buyerContext.newPage();
  await buyer.goto(payUrl);
  await expect(buyer.getByTestId("pix-pay")).toHaveAttribute("data-status", "pending");
  await expect(buyer.getByTestId("pix-pay-amount")).toHaveText("R$ 12,00");
  await expect(buyer.getByTestId("pix-qr")).toBeVisible();
  const brCode = (await buyer.getByTestId("pix-brcode").textContent())!.trim();
  // Static BR Code: the key itself (tag 26-01), the amount (54) and the sanitised receiver.
  expect(brCode).toMatch(/^000201/);
  expect(brCode).toContain("br.gov.bcb.pix");
  expect(brCode).toContain("+5511987654321");
  expect(brCode).toContain("540512.00");
  expect(brCode).toContain("5910Davi Rocha");
  await expect(buyer.getByText(/O vendedor confirma este pagamento manualmente/)).toBeVisible();
  await shot(buyer, "pix-buyer-direct-key");

  await page.getByRole("button", { name: "Details" }).first().click();
  const detail = page.getByTestId("pix-charge-detail");
  await expect(detail.getByText(/Direct-key charges are not reported/)).toBeVisible();
  await page.getByRole("button", { name: "Confirm payment received" }).click();
  await expect(detail.getByText("Confirm you received this PIX?")).toBeVisible();
  await detail.getByRole("button", { name: "Confirm payment received" }).click();
  await expect(detail).toHaveAttribute("data-status", "paid");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("pix-charge-status").first()).toHaveAttribute("data-status", "paid");

  await expect(buyer.getByTestId("pix-pay")).toHaveAttribute("data-status", "paid", { timeout: 15_000 });
  await expect(buyer.getByText("Café do Davi recebeu o seu PIX de R$ 12,00.", { exact: false })).toBeVisible();

  // A link that is not a charge: a clear 404 page, no store data.
  const missing = await buyer.goto("/pay/pix/cm0000000000000000000000");
  expect(missing?.status()).toBe(404);
  await expect(buyer.getByTestId("pix-pay-not-found")).toContainText("Pagamento não encontrado");
  await buyerContext.close();
});

test("a bank API Pix (BCB) charge is refunded from the seller's page, partly and then the rest, never above what was paid", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await useLocale(page, "en");
  await signUpViaUi(page, { name: "Eva Lima", email: uniqueEmail("pixbcb"), storeName: "Eva Ateliê" });
  await page.goto("/dashboard/pix");
  await addGateway(page, "bcb", {
    "Client ID": SIM_BCB.clientId,
    "Client secret": SIM_BCB.clientSecret,
    "Client certificate (PEM)": FAKE_PEM_CERT,
    "Certificate private key (PEM)": FAKE_PEM_KEY,
    "PIX key": SIM_BCB.pixKey,
  });
  const bcb = cardOf(page, "bcb");
  await expect(bcb.getByTestId("pix-gateway-verification")).toHaveAttribute("data-ok", "true");
  await expect(bcb).toHaveAttribute("data-active", "true");
  await expect(bcb.getByTestId("pix-cred-private_key")).toHaveText("••••");

  await createCharge(page, "30", "Encomenda de quadro");
  const simCharge = await findPendingSimCharge("bcb", 3000);
  expect((await simPay("bcb", simCharge.id)).delivery?.status).toBe(200);
  await expect(page.getByTestId("pix-charge-status").first()).toHaveAttribute("data-status", "paid", {
    timeout: 15_000,
  });

  await page.getByRole("button", { name: "Details" }).first().click();
  const detail = page.getByTestId("pix-charge-detail");
  await expect(detail).toHaveAttribute("data-status", "paid");
  await page.getByRole("button", { name: "Refund", exact: true }).click();
  const amount = detail.getByLabel("Amount to refund");
  await expect(amount).toHaveValue("30.00");
  await amount.fill("40");
  await detail.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(detail.getByText("At most R$30.00 can be refunded.")).toBeVisible();
  await amount.fill("10,00");
  await detail.getByLabel("Reason (optional)").fill("Moldura diferente");
  await detail.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(detail.getByTestId("pix-refunds").getByRole("listitem")).toHaveCount(1);
  await expect(detail.getByTestId("pix-refunds")).toContainText("R$10.00");
  await expect(page.getByRole("dialog").getByTestId("pix-charge-status")).toHaveText("Partially refunded", {
    timeout: 15_000,
  });
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, "pix-refund-partial");

  // The rest: the form offers exactly what is left.
  await page.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(detail.getByLabel("Amount to refund")).toHaveValue("20.00");
  await detail.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(detail.getByTestId("pix-refunds").getByRole("listitem")).toHaveCount(2);
  await expect(detail).toHaveAttribute("data-status", "refunded", { timeout: 15_000 });
  await expect(page.getByRole("button", { name: "Refund", exact: true })).toHaveCount(0);
});

test("SyncPay asks for the buyer's data in the charge form; split settings in the gateway form (en and pt-BR, desktop and 390 px)", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await useLocale(page, "en");
  await signUpViaUi(page, { name: "Fabi Costa", email: uniqueEmail("pixsync"), storeName: "Fabi Modas" });
  await page.goto("/dashboard/pix");
  await page.getByRole("button", { name: "Add gateway" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Add a PIX gateway" });
  await dialog.getByTestId("pix-type-syncpay").click();
  await dialog.getByLabel(/^Client ID/).fill("sim_syncpay_client");
  await dialog.getByLabel(/^Client secret/).fill("sim_syncpay_secret_0001");
  const split = dialog.getByTestId("pix-split-fields");
  await expect(split).toContainText("up to 3 recipient(s)");
  await split.getByLabel("Recipient account id").first().fill("parceiro_1");
  await split.getByLabel("Share").first().fill("10");
  await shot(page, "pix-gateway-form-split-en");
  await dialog.getByRole("button", { name: "Save gateway" }).click();
  await expect(dialog).toBeHidden();
  await expect(cardOf(page, "syncpay")).toHaveAttribute("data-active", "true");

  // The first chargeable gateway is SyncPay: the charge form asks for what it requires.
  await page.getByRole("button", { name: "New PIX charge" }).click();
  const form = page.getByRole("dialog", { name: "New PIX charge" });
  const buyer = form.getByTestId("pix-buyer-fields");
  await expect(buyer).toContainText("SyncPay only creates a charge with these details of the buyer.");
  await form.getByLabel("Amount (R$)").fill("25");
  await form.getByLabel("Description").fill("Vestido");
  await buyer.getByLabel(/^Full name/).fill("Maria da Silva");
  await buyer.getByLabel(/^Email/).fill("maria@example.com");
  await buyer.getByLabel(/^CPF/).fill("123.456.789-00");
  await buyer.getByLabel(/^Phone/).fill("(11) 99999-0000");
  await form.getByRole("button", { name: "Create charge" }).click();
  await expect(buyer).toContainText("This CPF or CNPJ is not valid (check digits).");
  await shot(page, "pix-new-charge-buyer-en");
  await buyer.getByLabel(/^CPF/).fill("123.456.789-09");
  await form.getByRole("button", { name: "Create charge" }).click();
  await expect(page.getByTestId("pix-charge-created")).toBeVisible();
  await page.getByRole("dialog", { name: "Charge created" }).getByRole("button", { name: "Done" }).click();

  await useLocale(page, "pt-BR");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dashboard/pix");
  await cardOf(page, "syncpay").getByRole("button", { name: "Editar" }).click();
  const edit = page.getByRole("dialog", { name: /^Editar / });
  await expect(edit.getByTestId("pix-split-fields")).toContainText("até 3 recebedor(es)");
  await expect(edit.getByLabel("ID da conta recebedora").first()).toHaveValue("parceiro_1");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, "pix-gateway-form-split-pt-mobile");
});
