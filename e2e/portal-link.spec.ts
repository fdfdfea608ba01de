// A subscriber manages their subscription from the receipt through an emailed, single-use link
// (lib/checkout/portal-link.ts): the receipt id alone never opens the Stripe customer portal.
import { expect, test, type Page } from "@playwright/test";
import { shot, uniqueEmail, useLocale } from "./support/helpers";
import { MAIL_CATCHER_URL, waitForMail } from "./support/mail";
import { onboardedSellerWithProducts } from "./support/seller";

let monthly: string;

test.beforeAll(async ({ browser }) => {
  const s = await onboardedSellerWithProducts(browser, { storeName: "Loja Assinaturas" });
  monthly = s.monthly;
  await s.context.close();
});

const WORDS = {
  en: {
    receiptEmail: "Email for your receipt",
    continue: "Continue to payment",
    manage: "Manage subscription",
    purchaseEmail: "Email used for the purchase",
    send: "Email me a link",
    subject: /^Manage your subscription at Loja Assinaturas$/,
    open: "Open subscription management",
    invalid: "This link is invalid, expired or was already used. Ask for a new one from your receipt.",
  },
  "pt-BR": {
    receiptEmail: "E-mail para o recibo",
    continue: "Continuar para o pagamento",
    manage: "Gerenciar assinatura",
    purchaseEmail: "E-mail usado na compra",
    send: "Enviar link por e-mail",
    subject: /^Gerencie sua assinatura em Loja Assinaturas$/,
    open: "Abrir gerenciamento da assinatura",
    invalid: "Este link é inválido, expirou ou já foi usado. Peça um novo no seu recibo.",
  },
} as const;

/** Subscribes through the buy link and hosted Checkout on the emulator; returns on the paid receipt. */
async function subscribe(page: Page, locale: keyof typeof WORDS, email: string) {
  const w = WORDS[locale];
  await page.goto(`/buy/${monthly}`);
  await page.getByLabel(w.receiptEmail).fill(email);
  await page.getByRole("button", { name: w.continue }).click();
  await expect(page.getByTestId("amount")).toBeVisible();
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiration date").fill("12 / 34");
  await page.getByLabel("Security code").fill("123");
  await page.getByTestId("pay").click();
  await expect(page).toHaveURL(/\/receipt\//);
  await expect(page.getByTestId("receipt")).toHaveAttribute("data-status", "PAID");
}

/** The manage link in the newest portal-link email to the address (the token is in its fragment). */
async function emailedLink(email: string, subject: RegExp): Promise<string> {
  const caught = await waitForMail(email, subject);
  const message = (await (await fetch(`${MAIL_CATCHER_URL}/_mail/messages/${caught.id}`)).json()) as { text: string };
  const link = message.text.match(/https?:\/\/\S+\/receipt\/[^\s/]+\/manage#[A-Za-z0-9_-]+/)?.[0];
  expect(link, "the email carries the manage link").toBeTruthy();
  return link!;
}

for (const [locale, viewport] of [
  ["en", { width: 1280, height: 900 }],
  ["pt-BR", { width: 390, height: 844 }],
] as const) {
  test.describe(`${locale} at ${viewport.width} px`, () => {
    test.use({ viewport });

    test("the receipt emails a one-time link that opens the customer portal; the same link is then refused", async ({
      page,
    }) => {
      const w = WORDS[locale];
      await useLocale(page, locale);
      const email = uniqueEmail(`portal-${locale}`);
      await subscribe(page, locale, email);
      const receiptUrl = page.url();

      // The receipt asks for the purchase email instead of opening the portal.
      await page.getByRole("button", { name: w.manage }).click();
      await page.getByLabel(w.purchaseEmail).fill(email);
      await page.getByRole("button", { name: w.send }).click();
      await expect(page.getByTestId("portal-link-sent")).toContainText(email);
      await shot(page, `portal-link-sent-${locale}-${viewport.width}`);

      const link = await emailedLink(email, w.subject);
      expect(new URL(link).pathname).toBe(`${new URL(receiptUrl).pathname}/manage`);

      // Opening the link spends nothing; pressing the button does, and lands on the portal.
      await page.goto(link);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await shot(page, `portal-link-open-${locale}-${viewport.width}`);
      await page.getByRole("button", { name: w.open }).click();
      await expect(page).toHaveURL(/\/portal\/[^/?#]+/);
      await expect(page.getByTestId("portal-subscription")).toContainText("Vaso de cerâmica");
      await expect(page.getByTestId("portal-status")).toHaveText("active");

      // The same link a second time is refused, in the page's language.
      await page.goto(link);
      await page.getByRole("button", { name: w.open }).click();
      await expect(page.getByTestId("portal-open-error")).toHaveText(w.invalid);
      await expect(page).toHaveURL(/\/manage/);
      await shot(page, `portal-link-spent-${locale}-${viewport.width}`);
    });
  });
}
