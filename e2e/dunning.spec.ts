// A seller whose plan renewal failed sees it on the overview (amount, the date the store moves to
// Free, a pay button). One pays the overdue invoice on Stripe's hosted invoice page (the
// emulator's); the other pays it by PIX from the banner's QR code at the platform's gateway (the
// PIX simulator), and the invoice reads PAID and a "payment received" email arrives. Either way the
// banner is gone; the admin saw the store in dunning on /admin/billing meanwhile.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { emulator, emulatorUrl } from "./support/credits";
import { PASSWORD, shot, submitSignIn, uniqueEmail, useLocale } from "./support/helpers";
import { MAIL_CATCHER_URL, waitForMail } from "./support/mail";
import { findSimCharge, simPay } from "./support/pix";

const ADMIN = { email: "admin@vitrine.local", password: "admin12345!" };

async function emulatorGet<T>(path: string): Promise<T> {
  const res = await fetch(`${emulatorUrl}${path}`, { headers: { Authorization: "Bearer sk_test_emulator" } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

/** A new seller on Starter (R$ 49,00 a month) whose first charge after the trial failed. */
async function sellerInDunning(browser: Browser, tag: string, storeName: string) {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  const email = uniqueEmail(tag);
  expect(
    (
      await page.request.post("/api/auth/sign-up", {
        data: { name: "Dunning Seller", email, password: PASSWORD, storeName },
      })
    ).status(),
  ).toBe(202);
  await useLocale(page, "en");
  await submitSignIn(page, email);
  // Password hashing is slow on a loaded machine: wait longer than signIn's default.
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 60_000 });

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
  return { context, page, email, session };
}

/** Reloads the overview until the billing banner is shown (count 1) or gone (0). */
async function bannerCountBecomes(page: Page, count: number) {
  await expect
    .poll(
      async () => {
        await page.goto("/dashboard");
        return page.getByTestId("billing-banner").count();
      },
      { timeout: 60_000, intervals: [1_000] },
    )
    .toBe(count);
}

test("a seller with a failed plan payment sees the banner, pays the overdue invoice, and the banner goes", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { context, page, email, session } = await sellerInDunning(browser, "dunning", "Loja em Atraso");

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
  await submitSignIn(admin, ADMIN.email, ADMIN.password);
  await expect(admin).toHaveURL(/\/admin$/, { timeout: 60_000 });
  await admin.goto("/admin/billing");
  // By the seller's address: a retried run leaves an earlier "Loja em Atraso" in the same database.
  const row = admin.getByRole("row", { name: new RegExp(email.replace(/[.+]/g, "\\$&")) });
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

test("a seller in dunning pays the overdue invoice by PIX from the banner: paid once, banner gone, invoice PAID, email received", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { context, page, email } = await sellerInDunning(browser, "dunning-pix", "Loja do PIX");
  await useLocale(page, "pt-BR");
  await bannerCountBecomes(page, 1);
  const banner = page.getByTestId("billing-banner");
  await expect(banner).toContainText("R$ 49,00");

  // The PIX alternative: the QR code and the copia e cola of a charge at the platform's gateway.
  const pix = page.getByTestId("billing-banner-pix");
  await pix.locator("summary").click();
  await expect(pix.locator("img")).toBeVisible();
  const code = (await page.getByTestId("billing-banner-pix-code").textContent())!.trim();
  expect(code).toMatch(/^000201/);
  // A dynamic code names the gateway's charge (its location), not the amount: the charge is checked below.
  await shot(page, "dunning-05-pix-pt-BR");

  // The seller pays from the bank app: the simulator pays the charge and calls the gateway webhook.
  const charge = await findSimCharge(code);
  expect(charge).toMatchObject({ gateway: "pushinpay", amountCentavos: 4900 });
  const { delivery } = await simPay(charge.gateway, charge.id);
  expect(delivery?.status).toBe(200);

  await bannerCountBecomes(page, 0);
  await shot(page, "dunning-06-pix-paid-pt-BR");

  // The invoice reads PAID (by PIX), with no code left to pay.
  await useLocale(page, "en");
  await page.goto("/dashboard/invoices");
  const row = page.getByRole("row", { name: /R\$49\.00/ });
  await expect(row).toContainText("Paid");
  await row.getByRole("link").first().click();
  // The document's stamp reads PAID (the stamp is the PDF's, in capitals).
  await expect(page.getByText(/^paid$/i).first()).toBeVisible();
  await expect(page.getByText("Pix copia e cola")).toHaveCount(0);
  await shot(page, "dunning-07-invoice-paid-en");

  // And the "payment received" email is in the mail catcher, once.
  const mail = await waitForMail(email, /Payment received|Pagamento recebido/);
  await page.goto(`${MAIL_CATCHER_URL}/`);
  await expect(page.getByText(mail.subject).first()).toBeVisible();
  await shot(page, "dunning-08-mail-catcher");
  const all = (await (
    await fetch(`${MAIL_CATCHER_URL}/_mail/messages?to=${encodeURIComponent(email)}`)
  ).json()) as Array<{
    subject: string;
  }>;
  expect(all.filter((m) => /Payment received|Pagamento recebido/.test(m.subject))).toHaveLength(1);
  await context.close();
});
