import { expect, test } from "@playwright/test";
import { shot, signIn, signOut, signUpViaUi, uniqueEmail } from "./support/helpers";

test("the language switch changes every string and money is formatted per locale", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in to Vitrine" })).toBeVisible();
  await page.getByRole("button", { name: "Português (Brasil)" }).click();
  await expect(page.getByRole("heading", { name: "Entrar na Vitrine" })).toBeVisible();
  await expect(page.getByLabel("Senha")).toBeVisible();
  await shot(page, "10-sign-in-pt");

  await signIn(page, "ana@vitrine.local", "demo12345!");
  await expect(page.getByRole("heading", { name: /Olá, Ana/ })).toBeVisible();
  // The overview's money is formatted per locale (Ana's demo store has no sales: R$ 0,00).
  await expect(page.getByTestId("overview-kpis")).toContainText("R$ 0,00");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: /Welcome, Ana/ })).toBeVisible();
  await expect(page.getByTestId("overview-kpis")).toContainText("R$0.00");
});

test("the chosen language is saved on the account and follows the seller to a new browser", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("locale");
  await signUpViaUi(page, { name: "Lia", email, storeName: "Lia Store" });
  await page.goto("/dashboard/settings");
  await page.getByRole("combobox", { name: "Language" }).selectOption("pt-BR");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("heading", { name: "Configurações", exact: true })).toBeVisible();
  await shot(page, "11-settings-pt");
  await signOut(page);

  const fresh = await browser.newContext({ locale: "en-US" });
  const other = await fresh.newPage();
  await other.goto("/sign-in");
  await expect(other.getByRole("heading", { name: "Sign in to Vitrine" })).toBeVisible();
  await signIn(other, email);
  await expect(other.getByRole("heading", { name: /Olá, Lia/ })).toBeVisible();
  await fresh.close();
});
