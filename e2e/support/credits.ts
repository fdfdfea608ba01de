import { expect, type Browser, type Page } from "@playwright/test";
import { emulatorControls } from "../../sandbox/stripe/controls";
import { PASSWORD, shot, signIn, uniqueEmail, useLocale } from "./helpers";

/** The Stripe emulator of this Playwright run (playwright.config.ts starts it on this port). */
export const emulatorUrl = `http://127.0.0.1:${process.env.E2E_STRIPE_EMULATOR_PORT ?? 12112}`;
export const emulator = emulatorControls(emulatorUrl);

/** A fresh seller (BRL store, no Stripe Connect needed: credits are paid to the platform). */
export async function creditsSeller(browser: Browser, locale: "en" | "pt-BR" = "en") {
  const context = await browser.newContext({ locale: locale === "en" ? "en-US" : "pt-BR" });
  const page = await context.newPage();
  const email = uniqueEmail("credits");
  expect(
    (
      await page.request.post("/api/auth/sign-up", {
        data: { name: "Credit Buyer", email, password: PASSWORD, storeName: "Loja Créditos" },
      })
    ).status(),
  ).toBe(202);
  await useLocale(page, locale);
  await signIn(page, email);
  return { context, page, email };
}

/** Fills the emulator's Payment Element stand-in (plain DOM fields, labels in en or pt-BR). */
export async function fillEmulatorCard(page: Page, card: string) {
  const form = page.getByTestId("credits-payment-form");
  await form.getByLabel(/card number|número do cartão/i).fill(card);
  await form.getByLabel(/expir|validade/i).fill("12 / 34");
  await form.getByLabel(/cvc|security code|segurança/i).fill("123");
}

/** Package (by slug) or nothing (the first package is preselected), then a new card in the Payment Element. */
export async function startNewCardPurchase(page: Page, opts: { pkg?: string; saveCard?: boolean } = {}) {
  await page.goto("/dashboard/credits");
  if (opts.pkg) await page.getByTestId(`package-${opts.pkg}`).click();
  if (await page.getByTestId("card-new").isVisible()) await page.getByTestId("card-new").click();
  const save = page.getByRole("checkbox", { name: /save this card|salvar este cartão/i });
  if (opts.saveCard === false) await save.uncheck();
  await page.getByTestId("start-purchase").click();
  await expect(page.getByTestId("credits-payment-form")).toBeVisible();
}

export async function submitCard(page: Page) {
  await page
    .getByTestId("credits-payment-form")
    .getByRole("button", { name: /^(pay|pagar) /i })
    .click();
}

export async function balanceOf(page: Page): Promise<{ balance: number; held: number }> {
  const res = await page.request.get("/api/v1/credits/balance");
  expect(res.status()).toBe(200);
  return res.json();
}

export type Entry = { kind: string; amount: number; balanceAfter: number; reference: string | null };
export async function ledgerOf(page: Page, query = ""): Promise<Entry[]> {
  const res = await page.request.get(`/api/v1/credits/ledger?limit=200${query}`);
  expect(res.status()).toBe(200);
  return (await res.json()).entries;
}

/** The purchase shown on the status page (its id is the last path segment). */
export async function purchaseOnStatusPage(page: Page) {
  const id = new URL(page.url()).pathname.split("/").pop()!;
  const res = await page.request.get(`/api/v1/credits/purchases/${id}`);
  expect(res.status()).toBe(200);
  return (await res.json()).purchase as {
    id: string;
    status: string;
    credits: number;
    paymentIntentId: string;
    creditedAt: string | null;
  };
}

/** The emulator's payment_intent.succeeded event for one PaymentIntent. */
export async function succeededEventOf(paymentIntentId: string): Promise<string> {
  const res = await fetch(`${emulatorUrl}/v1/events?type=payment_intent.succeeded&limit=100`, {
    headers: { Authorization: "Bearer sk_test_emulator" },
  });
  const { data } = (await res.json()) as { data: { id: string; data: { object: { id: string } } }[] };
  const event = data.find((e) => e.data.object.id === paymentIntentId);
  if (!event) throw new Error(`no payment_intent.succeeded event for ${paymentIntentId}`);
  return event.id;
}

/** Waits until every delivery of the event reached the app and was answered 2xx. */
export async function expectDelivered(eventId: string, count: number) {
  await expect
    .poll(async () => (await emulator.deliveries({ event: eventId })).filter((d) => d.state === "succeeded").length, {
      timeout: 20_000,
    })
    .toBeGreaterThanOrEqual(count);
  const all = await emulator.deliveries({ event: eventId });
  expect(all.every((d) => d.state === "succeeded")).toBe(true);
}

/** A full-page screenshot taken from the top, so the sticky header and sidebar sit where a person sees them. */
export async function snap(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, name);
}
