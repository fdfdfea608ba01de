import { expect, test, type Page } from "@playwright/test";
import { signIn, useLocale } from "./support/helpers";
import {
  balanceOf,
  creditsSeller,
  snap as shot,
  emulator,
  emulatorUrl,
  expectDelivered,
  fillEmulatorCard,
  ledgerOf,
  purchaseOnStatusPage,
  startNewCardPurchase,
  submitCard,
  succeededEventOf,
} from "./support/credits";

// One seller buys credits through the whole file (a BRL store: Básico = 100 credits for R$ 50,00).
let seller: Page;
let sellerEmail: string;

test.beforeAll(async ({ browser }) => {
  const s = await creditsSeller(browser, "en");
  seller = s.page;
  sellerEmail = s.email;
});

test.afterAll(async () => {
  await seller?.context().close();
});

test("4242: the balance rises exactly once, and a re-sent payment_intent.succeeded changes nothing", async () => {
  const page = seller;
  await useLocale(page, "en");
  await page.goto("/dashboard/credits");
  await expect(page.getByTestId("credits-balance")).toHaveText("0");
  await expect(page.getByTestId("package-basic")).toContainText("100 credits");
  await expect(page.getByTestId("package-basic")).toContainText("R$50.00");
  await shot(page, "credits-01-page-en");

  await startNewCardPurchase(page, { pkg: "basic" });
  await expect(page.getByTestId("purchase-summary")).toHaveText("100 credits for R$50.00");
  await fillEmulatorCard(page, "4242 4242 4242 4242");
  await shot(page, "credits-02-elements-en");
  await submitCard(page);

  await expect(page).toHaveURL(/\/dashboard\/credits\/purchases\//);
  await expect(page.getByTestId("purchase-status")).toHaveAttribute("data-credited", "true");
  await expect(page.getByTestId("purchase-message")).toHaveText("100 credits were added to your balance.");
  await shot(page, "credits-03-status-credited-en");
  const purchase = await purchaseOnStatusPage(page);
  expect(purchase).toMatchObject({ status: "SUCCEEDED", credits: 100 });

  // The webhook for the payment reaches the app too; together with the confirm call it credits once.
  const eventId = await succeededEventOf(purchase.paymentIntentId);
  await expectDelivered(eventId, 1);
  expect(await balanceOf(page)).toMatchObject({ balance: 100, held: 0 });

  // Stripe re-sends the same event (as the Dashboard's "Resend" or a retry would).
  const resent = await emulator.resendEvent(eventId);
  expect(resent.length).toBeGreaterThan(0);
  await expectDelivered(eventId, 2);
  expect(await balanceOf(page)).toMatchObject({ balance: 100, held: 0 });
  const purchases = (await ledgerOf(page)).filter((e) => e.kind === "PURCHASE");
  expect(purchases).toEqual([
    expect.objectContaining({ amount: 100, balanceAfter: 100, reference: purchase.paymentIntentId }),
  ]);

  await page.getByRole("link", { name: "Back to credits" }).click();
  await expect(page.getByTestId("credits-balance")).toHaveText("100");
  await expect(page.locator("[data-testid=ledger-kind-badge][data-kind=PURCHASE]")).toHaveCount(1);
  await expect(page.getByTestId("chart-bought")).toHaveText("100");
  await shot(page, "credits-04-after-purchase-en");
});

test("4000 0000 0000 0002: the decline is shown in Portuguese and the balance does not move", async () => {
  const page = seller;
  await useLocale(page, "pt-BR");
  await startNewCardPurchase(page, { pkg: "basic", saveCard: false });
  await fillEmulatorCard(page, "4000 0000 0000 0002");
  await submitCard(page);
  await expect(page.getByTestId("payment-error")).toHaveText("Seu cartão foi recusado. Tente outro cartão.");
  await expect(page).toHaveURL(/\/dashboard\/credits$/);
  await shot(page, "credits-05-declined-pt");
  expect(await balanceOf(page)).toMatchObject({ balance: 100 });
  expect((await ledgerOf(page)).filter((e) => e.kind === "PURCHASE")).toHaveLength(1);
});

test("4000 0000 0000 9995: insufficient funds is shown, nothing is credited", async () => {
  const page = seller;
  await useLocale(page, "en");
  await startNewCardPurchase(page, { pkg: "basic", saveCard: false });
  await fillEmulatorCard(page, "4000 0000 0000 9995");
  await submitCard(page);
  await expect(page.getByTestId("payment-error")).toHaveText("Your card has insufficient funds. Try another card.");
  await shot(page, "credits-06-insufficient-en");
  expect(await balanceOf(page)).toMatchObject({ balance: 100 });
});

test("4000 0025 0000 3155: the 3-D Secure step is completed and the credits land", async () => {
  const page = seller;
  await useLocale(page, "pt-BR");
  await startNewCardPurchase(page, { pkg: "standard" });
  await expect(page.getByTestId("purchase-summary")).toHaveText("500 créditos por R$ 225,00");
  await fillEmulatorCard(page, "4000 0025 0000 3155");
  await submitCard(page);
  const modal = page.getByTestId("stripe-3ds-modal");
  await expect(modal).toBeVisible();
  await shot(page, "credits-07-3ds-pt");
  await modal.locator("button[data-result=complete]").click();
  await expect(page).toHaveURL(/\/dashboard\/credits\/purchases\//);
  await expect(page.getByTestId("purchase-status")).toHaveAttribute("data-credited", "true");
  await expect(page.getByTestId("purchase-message")).toHaveText("500 créditos foram adicionados ao seu saldo.");
  await shot(page, "credits-08-status-credited-pt");
  expect(await balanceOf(page)).toMatchObject({ balance: 600 });
});

test("a saved card pays again without typing it; a saved 3-D Secure card asks for the step first", async () => {
  const page = seller;
  await useLocale(page, "en");
  await page.goto("/dashboard/credits");
  const saved = page.getByTestId("saved-card");
  await expect(saved).toHaveCount(2);
  await saved.filter({ hasText: "Visa ending in 4242" }).click();
  await page.getByTestId("package-basic").click();
  await expect(page.getByTestId("start-purchase")).toHaveText("Pay R$50.00");
  await page.getByTestId("start-purchase").click();
  await expect(page).toHaveURL(/\/dashboard\/credits\/purchases\//);
  await expect(page.getByTestId("purchase-status")).toHaveAttribute("data-credited", "true");
  expect(await balanceOf(page)).toMatchObject({ balance: 700 });

  // The server confirms the saved 3155 card on-session: it comes back REQUIRES_ACTION and Stripe.js runs the step.
  await page.goto("/dashboard/credits");
  await page.getByTestId("saved-card").filter({ hasText: "Visa ending in 3155" }).click();
  await page.getByTestId("package-basic").click();
  await page.getByTestId("start-purchase").click();
  const modal = page.getByTestId("stripe-3ds-modal");
  await expect(modal).toBeVisible();
  await modal.locator("button[data-result=complete]").click();
  await expect(page).toHaveURL(/\/dashboard\/credits\/purchases\//);
  await expect(page.getByTestId("purchase-status")).toHaveAttribute("data-credited", "true");
  expect(await balanceOf(page)).toMatchObject({ balance: 800 });
});

test("a custom amount previews its credits; the ledger filters and exports the same rows", async () => {
  const page = seller;
  await useLocale(page, "pt-BR");
  await page.goto("/dashboard/credits");
  await page.getByTestId("package-custom").click();
  await page.getByLabel("Valor em BRL").fill("10,00");
  await page.getByLabel("Valor em BRL").blur();
  await expect(page.getByText("Escolha um valor entre R$ 25,00 e R$ 5.000,00.")).toBeVisible();
  await page.getByLabel("Valor em BRL").fill("37,50");
  await expect(page.getByTestId("credits-preview")).toHaveText("Você recebe 75 créditos");
  await shot(page, "credits-09-custom-amount-pt");

  await page.getByTestId("ledger-kind").selectOption("PURCHASE");
  await expect(page.locator("[data-testid=ledger-kind-badge]")).toHaveCount(4);
  // "Today" as the ledger shows it: São Paulo's calendar day, which is what the filter counts too.
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Sao_Paulo" }).format(new Date());
  await page.getByTestId("ledger-from").fill(today);
  await page.getByTestId("ledger-to").fill(today);
  await expect(page.locator("[data-testid=ledger-kind-badge]")).toHaveCount(4);
  await shot(page, "credits-10-ledger-filtered-pt");
  const href = await page.getByTestId("ledger-export").getAttribute("href");
  expect(href).toBe(`/api/v1/credits/ledger/export?kind=PURCHASE&from=${today}&to=${today}&tz=America%2FSao_Paulo`);
  const csv = await (await page.request.get(href!)).text();
  const lines = csv.trim().split(/\r?\n/);
  expect(lines).toHaveLength(1 + 4);
  expect(lines.slice(1).every((l) => l.includes("PURCHASE"))).toBe(true);

  await page.getByTestId("ledger-kind").selectOption("SPEND");
  await expect(page.getByText("Nenhum lançamento com esses filtros.")).toBeVisible();
});

test("admin: verify the ledger, adjust a store's credits with a reason, rename a package", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-US" });
  const admin = await context.newPage();
  await useLocale(admin, "en");
  await signIn(admin, "admin@vitrine.local", "admin12345!");
  await admin.goto("/admin/credits");
  await expect(admin.getByRole("heading", { name: "Credits", level: 1 })).toBeVisible();
  await admin.getByRole("button", { name: "Verify ledger" }).first().click();
  await expect(admin.getByTestId("verify-result")).toContainText(
    /Balances checked: \d+\. Every one matches its ledger\./,
  );

  const option = admin.locator("option", { hasText: sellerEmail });
  const storeId = await option.getAttribute("value");
  await admin.getByLabel("Store", { exact: true }).selectOption(storeId!);
  await admin.getByLabel("Credits (+/−)").fill("-25");
  await admin.getByLabel("Reason").fill("Goodwill correction for the e2e run");
  await admin.getByRole("button", { name: "Apply adjustment" }).click();
  await expect(admin.getByTestId("adjust-result")).toHaveText("Adjustment recorded. New balance: 775 credits.");

  const row = admin.getByTestId("admin-package-basic-BRL");
  await row.getByLabel("Name").fill("Básico+");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByText("Package saved.")).toBeVisible();
  await shot(admin, "credits-11-admin-en");

  expect(await balanceOf(seller)).toMatchObject({ balance: 775 });
  await useLocale(seller, "en");
  await seller.goto("/dashboard/credits");
  await expect(seller.getByTestId("package-basic")).toContainText("Básico+");
  await expect(seller.getByText("Goodwill correction for the e2e run")).toBeVisible();
  await row.getByLabel("Name").fill("Básico");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByRole("button", { name: "Save" })).toBeDisabled();
  await context.close();
});

test("on a phone the Credits page stacks into one column", async () => {
  const page = seller;
  await useLocale(page, "pt-BR");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dashboard/credits");
  await expect(page.getByTestId("credits-balance")).toHaveText("775");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await shot(page, "credits-12-phone-pt");
});

/** The emulator's Stripe API on the platform account (form-encoded, as the stripe SDK sends it). */
async function stripeApi<T>(method: "GET" | "POST", path: string, params: Record<string, string> = {}): Promise<T> {
  const res = await fetch(`${emulatorUrl}${path}`, {
    method,
    headers: {
      Authorization: "Bearer sk_test_emulator",
      ...(method === "POST" ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
    },
    body: method === "POST" ? new URLSearchParams(params).toString() : undefined,
  });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return (await res.json()) as T;
}

/** The ledger row of one kind (newest first, so the first match is the latest such entry). */
const ledgerRow = (page: Page, kind: string) =>
  page.locator("tr", { has: page.locator(`[data-testid=ledger-kind-badge][data-kind=${kind}]`) }).first();

/** Creates the seller's platform customer (as the first purchase would) and saves `card` on it. */
async function saveCardOnCustomer(page: Page, card: string) {
  const res = await page.request.post("/api/v1/customer");
  expect(res.status()).toBeLessThan(300);
  const { customer } = (await res.json()) as { customer: { id: string } };
  await emulator.setDefaultCard(customer.id, card);
  return customer.id;
}

test("a partial refund and a dispute (held, then won) appear on the seller's ledger with the right balances", async ({
  browser,
}) => {
  const { page, context } = await creditsSeller(browser, "en");
  await startNewCardPurchase(page, { pkg: "basic", saveCard: false });
  await fillEmulatorCard(page, "4242 4242 4242 4242");
  await submitCard(page);
  await expect(page.getByTestId("purchase-status")).toHaveAttribute("data-credited", "true");
  const purchase = await purchaseOnStatusPage(page);
  expect(await balanceOf(page)).toMatchObject({ balance: 100, held: 0 });

  // The platform refunds R$ 20,00 of the R$ 50,00: floor(100 × 2000 / 5000) = 40 credits are reversed.
  await stripeApi("POST", "/v1/refunds", { payment_intent: purchase.paymentIntentId, amount: "2000" });
  await expect.poll(async () => (await balanceOf(page)).balance, { timeout: 20_000 }).toBe(60);

  // The cardholder disputes the charge (R$ 50,00 → 100 credits held, the balance may go below zero)…
  const pi = await stripeApi<{ latest_charge: string }>("GET", `/v1/payment_intents/${purchase.paymentIntentId}`);
  const dispute = await emulator.openDispute(pi.latest_charge, "fraudulent");
  await expect.poll(async () => balanceOf(page), { timeout: 20_000 }).toMatchObject({ balance: -40, held: 100 });
  await page.goto("/dashboard/credits");
  await expect(page.getByTestId("credits-balance")).toHaveText("-40");
  await expect(ledgerRow(page, "DISPUTE_HOLD")).toContainText("Dispute hold");
  await shot(page, "credits-13-dispute-held-en");

  // …and the platform wins it: the hold is released.
  await emulator.closeDispute(dispute.id, "won");
  await expect.poll(async () => balanceOf(page), { timeout: 20_000 }).toMatchObject({ balance: 60, held: 0 });
  await page.reload();
  await expect(page.getByTestId("credits-balance")).toHaveText("60");
  const refund = ledgerRow(page, "REFUND_REVERSAL");
  await expect(refund).toContainText("Refund reversal");
  await expect(refund.locator("td").nth(2)).toHaveText("−40");
  await expect(refund.locator("td").nth(3)).toHaveText("60");
  const hold = ledgerRow(page, "DISPUTE_HOLD");
  await expect(hold.locator("td").nth(2)).toHaveText("−100");
  await expect(hold.locator("td").nth(3)).toHaveText("-40");
  const release = ledgerRow(page, "DISPUTE_RELEASE");
  await expect(release).toContainText("Dispute released");
  await expect(release.locator("td").nth(2)).toHaveText("+100");
  await expect(release.locator("td").nth(3)).toHaveText("60");
  expect((await ledgerOf(page)).map((e) => [e.kind, e.amount, e.balanceAfter])).toEqual([
    ["DISPUTE_RELEASE", 100, 60],
    ["DISPUTE_HOLD", -100, -40],
    ["REFUND_REVERSAL", -40, 60],
    ["PURCHASE", 100, 100],
  ]);
  await shot(page, "credits-14-refund-dispute-ledger-en");
  await context.close();
});

test("a saved card that attaches but declines on charge (…0341) shows the decline; nothing is credited", async ({
  browser,
}) => {
  const { page, context } = await creditsSeller(browser, "pt-BR");
  await saveCardOnCustomer(page, "4000000000000341");
  await page.goto("/dashboard/credits");
  await page.getByTestId("saved-card").filter({ hasText: "0341" }).click();
  await page.getByTestId("package-basic").click();
  await page.getByTestId("start-purchase").click();
  await expect(page.getByTestId("payment-error")).toHaveText("Seu cartão foi recusado. Tente outro cartão.");
  await expect(page).toHaveURL(/\/dashboard\/credits$/);
  await shot(page, "credits-15-saved-card-declined-pt");
  expect(await balanceOf(page)).toMatchObject({ balance: 0 });
  expect(await ledgerOf(page)).toEqual([]);
  await context.close();
});

test("3-D Secure left unfinished: the status page says so and the purchase can be canceled", async ({ browser }) => {
  const { page, context } = await creditsSeller(browser, "en");
  await saveCardOnCustomer(page, "4000002760003184"); // always asks for 3-D Secure
  await page.goto("/dashboard/credits");
  await page.getByTestId("saved-card").filter({ hasText: "3184" }).click();
  await page.getByTestId("package-basic").click();
  const started = page.waitForResponse(
    (r) => r.url().endsWith("/api/v1/credits/purchases") && r.request().method() === "POST",
  );
  await page.getByTestId("start-purchase").click();
  const { purchase } = (await (await started).json()) as { purchase: { id: string; status: string } };
  expect(purchase.status).toBe("REQUIRES_ACTION");
  await expect(page.getByTestId("stripe-3ds-modal")).toBeVisible();
  // The seller walks away from the bank's step and later opens the purchase.
  await page.goto(`/dashboard/credits/purchases/${purchase.id}`);
  const status = page.getByTestId("purchase-status");
  await expect(status).toHaveAttribute("data-view", "action");
  await expect(status.getByRole("status")).toHaveText("Card authentication not finished");
  await shot(page, "credits-16-3ds-unfinished-en");
  // "Check again" asks Stripe again: still waiting for the step.
  const confirm = page.waitForResponse((r) => r.url().endsWith("/api/v1/credits/confirm"));
  await page.getByTestId("purchase-check-again").click();
  expect((await confirm).status()).toBe(409);
  await expect(status).toHaveAttribute("data-view", "action");
  await page.getByTestId("purchase-cancel").click();
  await expect(status).toHaveAttribute("data-status", "CANCELED");
  await expect(page.getByTestId("purchase-message")).toHaveText("This purchase was canceled; nothing was charged.");
  await expect(page.getByRole("link", { name: "Buy credits again" })).toBeVisible();
  await shot(page, "credits-17-canceled-en");
  const pi = await stripeApi<{ status: string }>(
    "GET",
    `/v1/payment_intents/${(await purchaseOnStatusPage(page)).paymentIntentId}`,
  );
  expect(pi.status).toBe("canceled");
  expect(await balanceOf(page)).toMatchObject({ balance: 0 });
  await context.close();
});

test("a purchase that never settles: polling stops after 2 minutes with Check again (pt-BR)", async ({ browser }) => {
  const { page, context } = await creditsSeller(browser, "pt-BR");
  // A purchase is started (PaymentIntent created) but the card form is never submitted.
  await page.goto("/dashboard/credits");
  await page.getByTestId("package-basic").click();
  const started = page.waitForResponse(
    (r) => r.url().endsWith("/api/v1/credits/purchases") && r.request().method() === "POST",
  );
  await page.getByTestId("start-purchase").click();
  const { purchase } = (await (await started).json()) as { purchase: { id: string } };

  await page.clock.install();
  await page.goto(`/dashboard/credits/purchases/${purchase.id}`);
  const status = page.getByTestId("purchase-status");
  await expect(status).toHaveAttribute("data-view", "polling");
  await expect(status.getByRole("status")).toHaveText("Aguardando pagamento");
  await page.clock.fastForward("01:30");
  await expect(status).toHaveAttribute("data-view", "polling");
  await page.clock.fastForward("00:35");
  await expect(status).toHaveAttribute("data-view", "stalled");
  await expect(status.getByRole("status")).toHaveText("Ainda em processamento");
  await expect(page.getByTestId("purchase-check-again")).toHaveText("Verificar de novo");
  await expect(page.getByRole("link", { name: "Voltar para créditos" })).toBeVisible();
  // No more polling once stalled.
  let polls = 0;
  page.on("request", (r) => {
    if (r.url().includes(`/api/v1/credits/purchases/${purchase.id}`)) polls++;
  });
  await page.clock.fastForward("00:10");
  await page.waitForTimeout(500);
  expect(polls).toBe(0);
  await shot(page, "credits-18-stalled-pt");

  // "Verificar de novo" re-reads the payment and polls again for another window.
  const confirm = page.waitForResponse((r) => r.url().endsWith("/api/v1/credits/confirm"));
  await page.getByTestId("purchase-check-again").click();
  expect((await confirm).status()).toBe(409);
  await expect(status).toHaveAttribute("data-view", "polling");
  await page.clock.fastForward("02:05");
  await expect(status).toHaveAttribute("data-view", "stalled");
  await page.getByTestId("purchase-cancel").click();
  await expect(status).toHaveAttribute("data-status", "CANCELED");
  await expect(page.getByTestId("purchase-message")).toHaveText("Esta compra foi cancelada; nada foi cobrado.");
  await context.close();
});
