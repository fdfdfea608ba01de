// The seller's overview: a buyer pays a card order on the emulator and the seller sees it on the
// dashboard home (gross, payments, the chart and the latest payments) in English at 1280 px and in
// Portuguese on a 390 px phone. With the app on PostgreSQL (E2E_DATABASE_URL), the sale is moved to
// yesterday in the store's time zone: Today is empty, 7 days shows it on yesterday's bar.
import { expect, type Page, test } from "@playwright/test";
import pg from "pg";
import { shot, useLocale } from "./support/helpers";
import { onboardedSellerWithProducts } from "./support/seller";

const STORE_ZONE = "America/Sao_Paulo";
const BUYER = `overview-buyer-${Date.now().toString(36)}@e2e.test`;

async function buyOnce(page: Page, priceId: string, email: string) {
  await page.goto(`/buy/${priceId}`);
  await page.getByRole("button", { name: /continue to payment|continuar/i }).click();
  await page.locator("#email").fill(email);
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiration date").fill("12 / 34");
  await page.getByLabel("Security code").fill("123");
  await page.getByTestId("pay").click();
  await expect(page.getByTestId("receipt")).toHaveAttribute("data-status", "PAID");
}

/** The store's local date `days` from now, as the chart labels it ("Dec 4" / "4 de dez."). */
function chartDay(days: number, locale: string) {
  const local = new Intl.DateTimeFormat("en-CA", {
    timeZone: STORE_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(Date.now() + days * 86_400_000));
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(
    new Date(`${local}T00:00:00Z`),
  );
}

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

test("a buyer's card payment shows on the seller's overview, its chart and latest payments, in both languages", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const seller = await onboardedSellerWithProducts(browser, { storeName: "Loja Visão Geral" });
  const buyer = await browser.newPage();
  await buyOnce(buyer, seller.oneTime, BUYER);

  const page = seller.page;
  await page.goto("/dashboard?range=today");
  await expect(page.getByRole("link", { name: "Today" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("kpi-gross")).toHaveText("R$129.90");
  await expect(page.getByTestId("kpi-payments")).toHaveText("1");
  await expect(page.getByTestId("kpi-average")).toHaveText("R$129.90");
  await expect(page.getByTestId("chart-total-card")).toHaveText("R$129.90");
  await expect(page.getByTestId("chart-total-pix")).toHaveText("R$0.00");
  await expect(page.getByTestId("sales-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("sales-chart").locator("table")).toContainText(`${chartDay(0, "en")}: card R$129.90`);
  const latest = page.getByTestId("latest-payments");
  await expect(latest).toContainText(BUYER);
  await expect(latest).toContainText("Vaso de cerâmica");
  await expect(page.getByTestId("needs-attention")).toContainText("All clear");
  await shot(page, "overview-en-1280");

  // The latest payment opens its page in the payment history.
  await latest.locator("[data-payment] a").first().click();
  await expect(page).toHaveURL(/\/dashboard\/payments\/[^/?]+$/);

  // In Portuguese on a phone: same figures, pt-BR money, nothing scrolls sideways.
  await useLocale(page, "pt-BR");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dashboard?range=today");
  await expect(page.getByRole("link", { name: "Hoje" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("kpi-gross")).toHaveText("R$ 129,90");
  await expect(page.getByTestId("chart-total-card")).toHaveText("R$ 129,90");
  await expect(page.getByTestId("sales-chart")).toContainText("Vendas por dia");
  await expect(page.getByTestId("latest-payments")).toContainText("Pago");
  await expectNoSidewaysScroll(page);
  await shot(page, "overview-pt-BR-390");
  await seller.context.close();
});

test("yesterday's sale is on yesterday's bar of the last 7 days, not on today's figures", async ({ browser }) => {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  test.skip(!databaseUrl, "moving a sale to yesterday needs the app on PostgreSQL (E2E_DATABASE_URL)");
  test.setTimeout(180_000);
  const host = new URL(databaseUrl!).hostname;
  expect(["127.0.0.1", "localhost", "::1"], "refuses a non-local database").toContain(host);

  const seller = await onboardedSellerWithProducts(browser, { storeName: "Loja Ontem" });
  const buyer = await browser.newPage();
  const email = `yesterday-${BUYER}`;
  await buyOnce(buyer, seller.oneTime, email);
  // The factory step: the paid order as it would be had the buyer paid 24 hours ago.
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const moved = await db.query(
      `UPDATE "Order" SET "paidAt" = "paidAt" - interval '1 day', "createdAt" = "createdAt" - interval '1 day'
        WHERE "customerEmail" = $1 AND status = 'PAID'`,
      [email],
    );
    expect(moved.rowCount).toBe(1);
  } finally {
    await db.end();
  }

  const page = seller.page;
  await page.goto("/dashboard?range=today");
  await expect(page.getByTestId("kpi-gross")).toHaveText("R$0.00");
  await expect(page.getByTestId("overview-period")).toContainText("Compared with");
  // Yesterday's sale is today's comparison: gross is down 100 % against it.
  await expect(page.locator('[data-kpi="gross"] [data-testid="kpi-change"]')).toContainText("100%");

  await page.getByRole("link", { name: "7 days" }).click();
  await expect(page).toHaveURL(/range=7d/);
  await expect(page.getByTestId("kpi-gross")).toHaveText("R$129.90");
  await expect(page.getByTestId("sales-chart").locator("table")).toContainText(`${chartDay(-1, "en")}: card R$129.90`);
  await expect(page.getByTestId("sales-chart").locator("table")).not.toContainText(`${chartDay(0, "en")}:`);
  await expect(page.getByTestId("latest-payments")).toContainText(email);
  await shot(page, "overview-yesterday-en-1280");

  await useLocale(page, "pt-BR");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dashboard?range=7d");
  await expect(page.getByTestId("kpi-gross")).toHaveText("R$ 129,90");
  await expect(page.getByTestId("sales-chart").locator("table")).toContainText(
    `${chartDay(-1, "pt-BR")}: cartão R$ 129,90`,
  );
  await expectNoSidewaysScroll(page);
  await shot(page, "overview-yesterday-pt-BR-390");
  await seller.context.close();
});
