import { expect, test } from "@playwright/test";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { shot } from "./support/helpers";
import { onboardedSellerWithProducts } from "./support/seller";

const webhookHeaders = (h: IncomingHttpHeaders) => ({
  "webhook-id": String(h["webhook-id"]),
  "webhook-timestamp": String(h["webhook-timestamp"]),
  "webhook-signature": String(h["webhook-signature"]),
});

test("a buyer's payment on the emulator reaches the store as a signed callback, visible and redeliverable in the log", async ({
  browser,
}) => {
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
    const seller = await onboardedSellerWithProducts(browser, { storeName: "Loja Callback" });
    const created = await seller.page.request.post("/api/v1/callbacks/endpoints", { data: { url: storeUrl } });
    expect(created.status()).toBe(201);
    const { secret } = await created.json();

    // A buyer pays on the emulator's hosted Checkout; the Connect webhook marks the order paid.
    const buyer = await browser.newPage();
    await buyer.goto(`/buy/${seller.oneTime}`);
    await buyer.getByRole("button", { name: /continue to payment|continuar/i }).click();
    await buyer.locator("#email").fill("buyer@example.com");
    await buyer.getByLabel("Card number").fill("4242 4242 4242 4242");
    await buyer.getByLabel("Expiration date").fill("12 / 34");
    await buyer.getByLabel("Security code").fill("123");
    await buyer.getByTestId("pay").click();
    await expect(buyer.getByTestId("receipt")).toHaveAttribute("data-status", "PAID");

    await expect.poll(() => received.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    const first = received[0]!;
    const event = new Webhook(secret).verify(first.body, webhookHeaders(first.headers)) as {
      id: string;
      type: string;
      data: { amount: number; currency: string; provider: string };
    };
    expect(event).toMatchObject({
      type: "payment.succeeded",
      data: { amount: 12990, currency: "BRL", provider: "stripe" },
    });

    const page = seller.page;
    await page.goto("/dashboard/callbacks");
    await expect(page.getByTestId("delivery-event-id").first()).toHaveText(event.id);
    await expect(page.getByTestId("delivery-status").first()).toHaveText("Delivered");
    await shot(page, "40-payment-callback-log");
    await page.getByRole("button", { name: "Redeliver" }).first().click();
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(2);
    expect(received[1]!.headers["webhook-id"]).toBe(event.id);
    // Exactly one event for this payment, however many paths saw it (webhook, receipt re-read).
    expect(new Set(received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    await seller.context.close();
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
});
