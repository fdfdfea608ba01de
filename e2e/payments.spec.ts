// The payment history: a seller finds a buyer's card sale by the buyer's email, opens its page,
// refunds half on the emulator, and sees the refund and the delivered payment.refunded callback on
// the payment's timeline; then the same list and page on a 390 px phone, in Portuguese.
// (The sale is made during the test: the e2e server's embedded database cannot be reached from
// here to backdate it to yesterday; the date filters are covered by tests/payments.)
import { expect, test } from "@playwright/test";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { shot, uniqueEmail, useLocale } from "./support/helpers";
import { onboardedSellerWithProducts } from "./support/seller";

test("a seller finds a sale by the buyer's email, refunds half and sees it and the callback on the timeline", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200).end("ok"));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const storeUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/payments/events/`;
  try {
    const seller = await onboardedSellerWithProducts(browser, { storeName: "Loja Histórico" });
    expect((await seller.page.request.post("/api/v1/callbacks/endpoints", { data: { url: storeUrl } })).status()).toBe(
      201,
    );
    const buyerEmail = uniqueEmail("comprador");
    // Another buyer's sale, so the search has something to leave out.
    for (const email of [uniqueEmail("outro"), buyerEmail]) {
      const buyer = await browser.newPage();
      await buyer.goto(`/buy/${seller.oneTime}`);
      await buyer.getByRole("button", { name: /continue to payment|continuar/i }).click();
      await buyer.locator("#email").fill(email);
      await buyer.getByLabel("Card number").fill("4242 4242 4242 4242");
      await buyer.getByLabel("Expiration date").fill("12 / 34");
      await buyer.getByLabel("Security code").fill("123");
      await buyer.getByTestId("pay").click();
      await expect(buyer.getByTestId("receipt")).toHaveAttribute("data-status", "PAID");
      await buyer.close();
    }

    // The old Orders page leads to the card payments of the history.
    const page = seller.page;
    await page.goto("/dashboard/orders");
    await expect(page).toHaveURL(/\/dashboard\/payments\?method=card/);
    await page.getByTestId("payments-search").fill(buyerEmail.toUpperCase());
    await page.getByRole("button", { name: "Apply" }).click();
    const rows = page.getByTestId("payment-row");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(buyerEmail);
    await expect(rows.first()).toContainText("R$129.90");
    await expect(rows.first()).toContainText("Paid");
    await shot(page, "60-payments-search");
    await rows.first().getByRole("link").click();

    const detail = page.getByTestId("payment-detail");
    await expect(detail).toHaveAttribute("data-status", "paid");
    await expect(page.getByTestId("payment-timeline")).toContainText("Paid R$129.90");

    await page.getByTestId("refund-open").click();
    await page.getByLabel("Amount to refund").fill("64.95");
    await page.getByTestId("refund-submit").click();
    await expect(page.getByTestId("timeline-event").filter({ hasText: "Refund of R$64.95" })).toBeVisible();

    // Stripe's webhook moves the payment; the store's endpoint gets payment.refunded, delivered.
    await expect
      .poll(
        async () => {
          await page.reload();
          return detail.getAttribute("data-status");
        },
        { timeout: 30_000 },
      )
      .toBe("partially_refunded");
    const refundedCallback = page.locator('[data-testid="timeline-event"][data-event-type="payment.refunded"]');
    await expect
      .poll(
        async () => {
          await page.reload();
          return (await refundedCallback.count()) ? refundedCallback.first().textContent() : null;
        },
        { timeout: 45_000 },
      )
      .toContain("Delivered");
    await expect(page.getByTestId("payment-refunded")).toHaveText("R$64.95");
    await shot(page, "61-payment-timeline");

    // On a phone, in Portuguese: the list is cards, nothing scrolls sideways, the page reads the same.
    await useLocale(page, "pt-BR");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/dashboard/payments?q=${encodeURIComponent(buyerEmail)}`);
    const card = page.getByTestId("payment-card");
    await expect(card).toHaveCount(1);
    await expect(card).toContainText("Reembolsado em parte");
    await expect(card).toContainText("R$ 129,90");
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await card.click();
    await expect(page.getByTestId("timeline-event").filter({ hasText: "Reembolso de R$ 64,95" })).toBeVisible();
    await expect(refundedCallback.first()).toContainText("Entregue");
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await shot(page, "62-payment-phone-pt");
    await seller.context.close();
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
});
