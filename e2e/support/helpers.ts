import { expect, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";

let n = 0;
export function uniqueEmail(tag: string) {
  return `${tag}-${Date.now().toString(36)}-${n++}@e2e.test`;
}

/** Full-page screenshot kept with the run (test-results/screens) for a person to look at. */
export async function shot(page: Page, name: string) {
  mkdirSync("test-results/screens", { recursive: true });
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

export const PASSWORD = "e2e-password-42";

export async function signUpViaUi(
  page: Page,
  opts: { name: string; email: string; storeName: string; password?: string },
) {
  await page.goto("/sign-up");
  await page.getByLabel(/your name|seu nome/i).fill(opts.name);
  await page.getByLabel(/^e-?mail/i).fill(opts.email);
  await page.getByLabel(/^(password|senha)/i).fill(opts.password ?? PASSWORD);
  await page.getByLabel(/store name|nome da loja/i).fill(opts.storeName);
  await page.getByRole("button", { name: /create account|criar conta/i }).click();
  // Sellers land on their dashboard; an admin without a store lands on the admin console.
  await expect(page).toHaveURL(/\/(dashboard|admin)$/, { timeout: 30_000 });
}

/** Fills and submits the sign-in form (does not wait: failures are tested too). */
export async function submitSignIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel(/^e-?mail/i).fill(email);
  await page.getByLabel(/^(password|senha)/i).fill(password);
  await page
    .locator("form:not([action])")
    .getByRole("button", { name: /^(sign in|entrar)$/i })
    .click();
}

export async function signOut(page: Page) {
  await page
    .getByRole("button", { name: /sign out|sair/i })
    .first()
    .click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** Signs in and waits for the dashboard. */
export async function signIn(page: Page, email: string, password = PASSWORD) {
  await submitSignIn(page, email, password);
  // Sellers land on their dashboard; an admin without a store lands on the admin console.
  await expect(page).toHaveURL(/\/(dashboard|admin)$/, { timeout: 30_000 });
}

export function formAlert(page: Page) {
  return page.locator("form [role=alert]");
}

/** Pins the UI language for this browser context (the explicit choice beats the account's saved one). */
export async function useLocale(page: Page, locale: "en" | "pt-BR") {
  await page.goto("/api/health");
  await page
    .context()
    .addCookies([{ name: "vitrine_locale", value: locale, url: new URL("/", page.url()).toString() }]);
}
