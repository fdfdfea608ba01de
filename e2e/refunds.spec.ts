// A seller refunds half of a paid card order from its page: the refund and what remains show on
// the page, Stripe's webhook moves the order to partially refunded, and the store's endpoint gets
// the signed payment.refunded callback, shown delivered on the same page. Then on a phone, in Portuguese.
import { expect, test } from "@playwright/test";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { shot, useLocale } from "./support/helpers";
import { onboardedSellerWithProducts } from "./support/seller";

type Callback = { type: string; data: { refundAmount?: number; amountRefunded?: number; status: string } };

test("a seller refunds half of a paid order and sees the refund, what remains and the callback delivered", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const storeUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/payments/events/`;
  try {
    const seller = await onboardedSellerWithProducts(browser, { storeName: "Loja Reembolso" });
    const created = await seller.page.request.post("/api/v1/callbacks/endpoints", { data: { url: storeUrl } });
    expect(created.status()).toBe(201);
    const { secret } = await created.json();
    const events = () =>
      received.map(
        (r) =>
          new Webhook(secret).verify(r.body, {
            "webhook-id": String(r.headers["webhook-id"]),
            "webhook-timestamp": String(r.headers["webhook-timestamp"]),
            "webhook-signature": String(r.headers["webhook-signature"]),
          }) as Callback,
      );

    const buyer = await browser.newPage();
    await buyer.goto(`/buy/${seller.oneTime}`);
    await buyer.getByRole("button", { name: /continue to payment|continuar/i }).click();
    await buyer.locator("#email").fill("maria@example.com");
    await buyer.getByLabel("Card number").fill("4242 4242 4242 4242");
    await buyer.getByLabel("Expiration date").fill("12 / 34");
    await buyer.getByLabel("Security code").fill("123");
    await buyer.getByTestId("pay").click();
    await expect(buyer.getByTestId("receipt")).toHaveAttribute("data-status", "PAID");

    // The seller opens the paid order from the Orders list.
    const page = seller.page;
    await page.goto("/dashboard/orders");
    await page.locator('a[href^="/dashboard/orders/"]').first().click();
    const detail = page.getByTestId("order-detail");
    await expect(detail).toHaveAttribute("data-status", "PAID");
    await expect(page.getByTestId("refunds-remaining")).toHaveText("R$129.90");

    // Refund half (R$ 64,95 of R$ 129,90) with a reason.
    await page.getByTestId("refund-open").click();
    await page.getByLabel("Amount to refund").fill("64.95");
    await page.getByLabel("Reason").selectOption("requested_by_customer");
    await expect(page.getByTestId("refund-submit")).toHaveText("Refund R$64.95");
    await page.getByTestId("refund-submit").click();
    await expect(page.getByTestId("refund-list")).toContainText("R$64.95");
    await expect(page.getByTestId("refunds-remaining")).toHaveText("R$64.95");

    // Stripe's webhook moves the order; the store's endpoint gets payment.refunded, shown delivered.
    await expect
      .poll(async () => {
        await page.reload();
        return detail.getAttribute("data-status");
      })
      .toBe("PARTIALLY_REFUNDED");
    await expect
      .poll(() => events().find((e) => e.type === "payment.refunded") ?? null, { timeout: 30_000 })
      .toEqual(
        expect.objectContaining({
          data: expect.objectContaining({ status: "partially_refunded", refundAmount: 6495, amountRefunded: 6495 }),
        }),
      );
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByTestId("order-callback").filter({ hasText: "Payment refunded" }).textContent();
        },
        { timeout: 30_000 },
      )
      .toContain("Delivered");
    await expect(page.getByTestId("refund-status")).toHaveText("Refunded");
    await shot(page, "50-order-partial-refund");

    // The same page on a phone, in Portuguese; half still refundable.
    await useLocale(page, "pt-BR");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goBack();
    await page.reload();
    await expect(page.getByTestId("refunds-remaining")).toHaveText("R$ 64,95");
    await expect(page.getByTestId("order-callback").filter({ hasText: "Pagamento reembolsado" })).toContainText(
      "Entregue",
    );
    await expect(page.getByRole("button", { name: "Reembolsar" })).toBeVisible();
    await shot(page, "51-order-partial-refund-phone-pt");
    await seller.context.close();
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
});
