import { expect, test, type Page } from "@playwright/test";
import { shot, useLocale } from "./support/helpers";
import { onboardedSellerWithProducts } from "./support/seller";

let prices: { oneTime: string; monthly: string };
let seller: Page;

test.beforeAll(async ({ browser }) => {
  const s = await onboardedSellerWithProducts(browser);
  prices = { oneTime: s.oneTime, monthly: s.monthly };
  seller = s.page;
});

async function fillEmulatorCard(page: Page, card: string) {
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiration date").fill("12 / 34");
  await page.getByLabel("Security code").fill("123");
}

test("a buyer opens the buy link, pays on hosted Checkout with 4242 and lands on a paid receipt", async ({ page }) => {
  await useLocale(page, "pt-BR");
  await page.goto(`/buy/${prices.oneTime}`);
  await expect(page.getByRole("heading", { name: "Vaso de cerâmica" })).toBeVisible();
  await expect(page.getByTestId("price-amount")).toHaveText("R$ 129,90");
  await shot(page, "30-buy-link-pt");
  await page.getByLabel("E-mail para o recibo").fill("comprador@example.com");
  await page.getByRole("button", { name: "Continuar para o pagamento" }).click();
  await expect(page.getByTestId("amount")).toBeVisible();
  await fillEmulatorCard(page, "4242 4242 4242 4242");
  await shot(page, "31-hosted-checkout");
  await page.getByTestId("pay").click();
  await expect(page).toHaveURL(/\/receipt\//);
  await expect(page.getByTestId("receipt")).toHaveAttribute("data-status", "PAID");
  await expect(page.getByRole("status")).toHaveText("Pagamento recebido");
  await expect(page.getByTestId("receipt-amount")).toHaveText("R$ 129,90");
  await shot(page, "32-receipt-paid");
});

test("a buyer pays on the embedded Elements page", async ({ page }) => {
  await useLocale(page, "en");
  await page.goto(`/pay/${prices.oneTime}`);
  await expect(page.getByLabel("Card number")).toBeVisible();
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel(/expir/i).fill("12 / 34");
  await page.getByLabel(/cvc|security/i).fill("123");
  await shot(page, "33-elements-form");
  await page.getByRole("button", { name: /^Pay R\$/ }).click();
  await expect(page).toHaveURL(/\/receipt\//);
  await expect(page.getByTestId("receipt")).toHaveAttribute("data-status", "PAID");
  await expect(page.getByRole("status")).toHaveText("Payment received");
});

test("a declined card (4000 0000 0000 0002) shows the decline in the buyer's language and nothing is paid", async ({
  page,
}) => {
  await useLocale(page, "pt-BR");
  await page.goto(`/pay/${prices.oneTime}`);
  await page.getByLabel(/número do cartão/i).fill("4000 0000 0000 0002");
  await page.getByLabel(/validade/i).fill("12 / 34");
  await page.getByLabel(/cvc|segurança/i).fill("123");
  await page.getByRole("button", { name: /^Pagar R\$/ }).click();
  await expect(page.getByTestId("payment-error")).toHaveText("Seu cartão foi recusado. Tente outro cartão.");
  await shot(page, "34-elements-declined-pt");
  await expect(page).toHaveURL(/\/pay\//);
});

test("3-D Secure (4000 0025 0000 3155): the buyer completes the authentication step and pays", async ({ page }) => {
  await useLocale(page, "en");
  await page.goto(`/pay/${prices.oneTime}`);
  await page.getByLabel("Card number").fill("4000 0025 0000 3155");
  await page.getByLabel(/expir/i).fill("12 / 34");
  await page.getByLabel(/cvc|security/i).fill("123");
  await page.getByRole("button", { name: /^Pay R\$/ }).click();
  const modal = page.getByTestId("stripe-3ds-modal");
  await expect(modal).toBeVisible();
  await shot(page, "35-elements-3ds");
  await modal.locator("button[data-result=complete]").click();
  await expect(page).toHaveURL(/\/receipt\//);
  await expect(page.getByTestId("receipt")).toHaveAttribute("data-status", "PAID");
});

test("the seller sees the orders with their platform fees", async () => {
  const res = await seller.request.get("/api/v1/orders");
  const orders = (await res.json()).data as Array<{
    id: string;
    status: string;
    amountTotal: number;
    applicationFeeAmount: number;
  }>;
  const paid = orders.filter((o) => o.status === "PAID");
  expect(paid).toHaveLength(3);
  // The seller chose no plan: Free's 4.99 % + R$ 0,50 (648.2 → 648, + 50).
  for (const o of paid) expect(o).toMatchObject({ amountTotal: 12990, applicationFeeAmount: 698 });
  // The declined Elements attempt converges from Stripe when the seller opens it.
  const others = orders.filter((o) => o.status !== "PAID") as Array<{ id?: string }>;
  const refreshed = await Promise.all(
    others.map(async (o) => (await seller.request.get(`/api/v1/orders/${o.id}`)).json()),
  );
  expect(refreshed.map((o) => [o.status, o.failureCode])).toContainEqual(["FAILED", "generic_decline"]);
});
