// A seller's card sale moves through the balance page as the Stripe emulator's clock advances:
// pending, then available, then paid out by the daily schedule, the payout listing the sale; then
// the same page on a phone in Portuguese, with nothing sideways.
import { expect, test, type Page } from "@playwright/test";
import { emulator } from "./support/credits";
import { shot, useLocale } from "./support/helpers";
import { onboardedSellerWithProducts } from "./support/seller";

type Balance = {
  stripe: {
    connected: boolean;
    available: { amount: number; currency: string }[];
    pending: { amount: number; currency: string }[];
    nextPayouts: { kind: string; amount: number; date: string }[];
  };
};

const brl = (minor: number) => `R$${(minor / 100).toFixed(2)}`;

/** The page reads Stripe live with a short cache: reload until it shows the expected state. */
async function reloadUntil(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 40_000, intervals: [1_000, 2_000, 5_000] });
}

test("a sale is pending, then available, then paid out, on the seller's balance page", async ({ browser }) => {
  test.setTimeout(240_000);
  const seller = await onboardedSellerWithProducts(browser, { storeName: "Loja Saldo" });
  const page = seller.page;

  const buyer = await browser.newPage();
  await buyer.goto(`/buy/${seller.oneTime}`);
  await buyer.getByRole("button", { name: /continue to payment|continuar/i }).click();
  await buyer.locator("#email").fill("joana@example.com");
  await buyer.getByLabel("Card number").fill("4242 4242 4242 4242");
  await buyer.getByLabel("Expiration date").fill("12 / 34");
  await buyer.getByLabel("Security code").fill("123");
  await buyer.getByTestId("pay").click();
  await expect(buyer.getByTestId("receipt")).toHaveAttribute("data-status", "PAID");
  await buyer.close();

  const api = (await (await page.request.get("/api/v1/balance")).json()) as Balance;
  const net = api.stripe.pending[0]!.amount;
  expect(net).toBeGreaterThan(0);
  expect(net).toBeLessThan(12990);
  const availableOn = Date.parse(api.stripe.nextPayouts[0]!.date) / 1000;

  // Pending first, with the estimated payout.
  await page.goto("/dashboard/balance");
  await expect(page.getByTestId("balance-pending")).toHaveText(brl(net));
  await expect(page.getByTestId("balance-available")).toHaveText("R$0.00");
  await expect(page.getByTestId("balance-next-payout")).toHaveText(brl(net));
  await expect(page.getByText("No payouts yet")).toBeVisible();

  // A minute past available_on: available, not yet paid out.
  const { now } = await emulator.now();
  await emulator.advanceClock(availableOn - now + 60);
  await reloadUntil(page, async () => {
    await expect(page.getByTestId("balance-available")).toHaveText(brl(net), { timeout: 1_000 });
    await expect(page.getByTestId("balance-pending")).toHaveText("R$0.00", { timeout: 1_000 });
  });
  await shot(page, "balance-available-en");

  // The daily payout (12:00 UTC) takes it; the payout lists the sale.
  await emulator.advanceClock("12h");
  const payout = page.getByTestId("payout").first();
  await reloadUntil(page, async () => {
    await expect(payout).toHaveAttribute("data-status", "pending", { timeout: 1_000 });
  });
  await expect(payout).toContainText(brl(net));
  await expect(page.getByTestId("balance-available")).toHaveText("R$0.00");
  await payout.getByText("1 transaction in this payout").click();
  await expect(payout.getByTestId("payout-transaction")).toContainText("Payment");
  await expect(payout.getByTestId("payout-transaction")).toContainText("R$129.90");

  // A day later it has arrived.
  await emulator.advanceClock("1d");
  await reloadUntil(page, async () => {
    await expect(payout).toHaveAttribute("data-status", "paid", { timeout: 1_000 });
  });
  await expect(payout).toContainText("Paid");
  await shot(page, "balance-paid-en");

  // The same page on a phone, in Portuguese.
  await page.setViewportSize({ width: 390, height: 844 });
  await useLocale(page, "pt-BR");
  await page.goto("/dashboard/balance");
  await expect(page.getByRole("heading", { name: "Saldo", exact: true })).toBeVisible();
  await expect(page.getByTestId("payout").first()).toContainText("Pago");
  await expect(page.getByRole("heading", { name: "PIX recebido" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await shot(page, "balance-paid-pt-390");
});
