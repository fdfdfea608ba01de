// A seller whose plan renewal failed sees it on the overview (amount, the date the store moves to
// Free, a pay button), pays the overdue invoice on Stripe's hosted invoice page (the emulator's),
// and the banner is gone; the admin saw the store in dunning on /admin/billing meanwhile.
import { expect, test } from "@playwright/test";
import { emulator, emulatorUrl } from "./support/credits";
import { PASSWORD, shot, signIn, uniqueEmail, useLocale } from "./support/helpers";

const ADMIN = { email: "admin@vitrine.local", password: "admin12345!" };

async function emulatorGet<T>(path: string): Promise<T> {
  const res = await fetch(`${emulatorUrl}${path}`, { headers: { Authorization: "Bearer sk_test_emulator" } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

test("a seller with a failed plan payment sees the banner, pays the overdue invoice, and the banner goes", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  const email = uniqueEmail("dunning");
  expect(
    (
      await page.request.post("/api/auth/sign-up", {
        data: { name: "Dunning Seller", email, password: PASSWORD, storeName: "Loja em Atraso" },
      })
    ).status(),
  ).toBe(202);
  await useLocale(page, "en");
  await signIn(page, email);

  // Starter, monthly in reais, through the emulator's Checkout (14-day trial, card 4242).
  const subscribed = await page.request.post("/api/v1/platform/subscription", { data: { planCode: "starter" } });
  expect(subscribed.status()).toBe(200);
  const { checkoutUrl } = (await subscribed.json()) as { checkoutUrl: string };
  const sessionId = checkoutUrl.split("/checkout/")[1]!;
  await emulator.completeCheckout(sessionId, { card: "4242424242424242" });
  const session = await emulatorGet<{ customer: string; subscription: string }>(`/v1/checkout/sessions/${sessionId}`);

  // The card starts declining and the trial ends: the first charge fails.
  await emulator.setDefaultCard(session.customer, "4000000000000341");
  await emulator.advanceClock("15d");
  await expect
    .poll(async () => (await emulatorGet<{ status: string }>(`/v1/subscriptions/${session.subscription}`)).status)
    .toBe("past_due");

  const banner = page.getByTestId("billing-banner");
  await expect
    .poll(
      async () => {
        await page.goto("/dashboard");
        return banner.count();
      },
      { timeout: 30_000, intervals: [1_000] },
    )
    .toBe(1);
  await expect(banner).toContainText("Your plan payment failed");
  await expect(banner).toContainText("R$49.00");
  await expect(banner).toContainText("your store moves to the Free plan");
  const pay = page.getByTestId("billing-banner-pay");
  await expect(pay).toHaveText("Pay R$49.00");
  const invoiceUrl = await pay.getAttribute("href");
  expect(invoiceUrl).toMatch(/\/invoice\/in_/);
  await shot(page, "dunning-01-banner-en");

  await useLocale(page, "pt-BR");
  await page.goto("/dashboard");
  await expect(banner).toContainText("O pagamento do seu plano falhou");
  await expect(banner).toContainText("R$ 49,00");
  await shot(page, "dunning-02-banner-pt-BR");

  // The admin sees the store in dunning, with the amount.
  const adminContext = await browser.newContext({ locale: "en-US" });
  const admin = await adminContext.newPage();
  await useLocale(admin, "en");
  await signIn(admin, ADMIN.email, ADMIN.password);
  await admin.goto("/admin/billing");
  const row = admin.getByRole("row", { name: /Loja em Atraso/ });
  await expect(row).toContainText("Starter");
  await expect(row).toContainText("R$49.00");
  await shot(admin, "dunning-03-admin-billing");
  await adminContext.close();

  // The seller pays on Stripe's invoice page with a good card.
  await page.goto(invoiceUrl!);
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiration date").fill("12/40");
  await page.getByLabel("Security code").fill("123");
  await page.getByTestId("invoice-pay").click();
  await expect
    .poll(async () => (await emulatorGet<{ status: string }>(`/v1/subscriptions/${session.subscription}`)).status)
    .toBe("active");
  await useLocale(page, "en");
  await expect
    .poll(
      async () => {
        await page.goto("/dashboard");
        return banner.count();
      },
      { timeout: 30_000, intervals: [1_000] },
    )
    .toBe(0);
  await shot(page, "dunning-04-paid");
  await context.close();
});
