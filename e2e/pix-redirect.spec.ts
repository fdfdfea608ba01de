// The buyer's PIX page follows the store's after-payment destination: with "redirect" the paid state
// is shown, then the buyer goes to the seller's success URL with orderId; with "receipt" the page
// keeps Vitrine's paid state.
import { expect, test } from "@playwright/test";
import { PASSWORD, shot, signIn, uniqueEmail, useLocale } from "./support/helpers";

test("a paid PIX sends the buyer to the seller's page when the store chose it, and stays on the paid state otherwise", async ({
  page: seller,
  browser,
}) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("pix-redirect");
  expect(
    (
      await seller.request.post("/api/auth/sign-up", {
        data: { name: "Carla Souza", email, password: PASSWORD, storeName: "Ateliê da Carla" },
      })
    ).status(),
  ).toBe(202);
  await useLocale(seller, "en");
  await signIn(seller, email);

  // A direct-key gateway: the seller confirms the payment by hand.
  const created = await seller.request.post("/api/v1/pix/configs", {
    data: {
      gateway: "direct_key",
      credentials: { pix_key: "vendas@atelie.com.br", merchant_name: "Atelie da Carla", merchant_city: "Recife" },
    },
  });
  expect(created.status()).toBe(201);
  const configId = (await created.json()).config.id as string;
  expect((await (await seller.request.post(`/api/v1/pix/configs/${configId}/verify`)).json()).ok).toBe(true);
  expect((await seller.request.patch(`/api/v1/pix/configs/${configId}`, { data: { active: true } })).status()).toBe(
    200,
  );
  const settings = (afterPayment: Record<string, string>) =>
    seller.request.patch("/api/settings/store", { data: { afterPayment } });
  expect(
    (
      await settings({
        mode: "redirect",
        successUrl: "https://atelie.example/obrigado?src=pix",
        cancelUrl: "https://atelie.example/carrinho",
      })
    ).status(),
  ).toBe(200);
  const charge = await seller.request.post("/api/v1/pix/charges", {
    data: { amountCentavos: 2590, description: "Pedido 77 — caneca", orderId: "77" },
  });
  expect(charge.status()).toBe(201);
  const { id } = (await charge.json()).charge as { id: string };

  // The buyer, on a phone, in Portuguese. The seller's site is stood in for by a routed page.
  const context = await browser.newContext({ locale: "pt-BR", viewport: { width: 390, height: 844 } });
  const buyer = await context.newPage();
  await context.route("https://atelie.example/**", (route) =>
    route.fulfill({ contentType: "text/html", body: "<h1>Obrigado pela compra</h1>" }),
  );
  await useLocale(buyer, "pt-BR");
  await buyer.goto(`/pay/pix/${id}`);
  await expect(buyer.getByTestId("pix-pay")).toHaveAttribute("data-status", "pending");

  expect((await seller.request.post(`/api/v1/pix/charges/${id}/confirm`)).status()).toBe(200);
  // The page polls a direct-key charge every 10 s; the paid state shows first, with the way on.
  await expect(buyer.getByTestId("pix-pay")).toHaveAttribute("data-status", "paid", { timeout: 30_000 });
  await expect(buyer.getByTestId("pix-pay-title")).toHaveText("Pagamento recebido");
  await expect(buyer.getByRole("link", { name: "Continuar para Ateliê da Carla" })).toHaveAttribute(
    "href",
    "https://atelie.example/obrigado?src=pix&orderId=77",
  );
  await shot(buyer, "pix-paid-redirect-pt-390");
  await buyer.waitForURL("https://atelie.example/obrigado?src=pix&orderId=77", { timeout: 15_000 });
  await expect(buyer.getByRole("heading", { name: "Obrigado pela compra" })).toBeVisible();

  // Back to Vitrine's receipt: the same paid page now stays put.
  expect((await settings({ mode: "receipt" })).status()).toBe(200);
  await buyer.goto(`/pay/pix/${id}`);
  await expect(buyer.getByTestId("pix-pay")).toHaveAttribute("data-status", "paid");
  await expect(buyer.getByTestId("pix-paid-redirect")).toHaveCount(0);
  await buyer.waitForTimeout(6_500);
  await expect(buyer).toHaveURL(new RegExp(`/pay/pix/${id}$`));
  await shot(buyer, "pix-paid-receipt-pt-390");
  await context.close();
});
