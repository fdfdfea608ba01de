// Store settings (/dashboard/settings): name, time zone and where buyers go after paying, saved and
// read back after a reload; a bad redirect URL is shown next to its field in the page's language;
// the currency is locked, with the reason, once the store has a product.
import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, shot, signIn, uniqueEmail, useLocale } from "./support/helpers";
import { onboardedSellerWithProducts } from "./support/seller";

const WORDS = {
  en: {
    name: "Store name",
    timeZone: "Time zone",
    currency: "Currency",
    redirect: "A page on my website",
    successUrl: "After a payment",
    cancelUrl: "When the buyer goes back",
    save: "Save store settings",
    saved: "Store settings saved",
    notHttps: "Use an https:// address (http:// only for localhost while testing).",
    invalid: "Enter a full address, like https://mystore.com/thanks.",
    locked:
      "Locked: this store already has prices. Amounts already priced are in this currency; create another store to sell in another one.",
  },
  "pt-BR": {
    name: "Nome da loja",
    timeZone: "Fuso horário",
    currency: "Moeda",
    redirect: "Uma página do meu site",
    successUrl: "Depois de um pagamento",
    cancelUrl: "Quando o comprador volta",
    save: "Salvar configurações da loja",
    saved: "Configurações da loja salvas",
    notHttps: "Use um endereço https:// (http:// só para localhost em testes).",
    invalid: "Informe o endereço completo, como https://minhaloja.com.br/obrigado.",
    locked:
      "Bloqueada: esta loja já tem preços. Os valores já cadastrados estão nesta moeda; crie outra loja para vender em outra moeda.",
  },
} as const;

const form = (page: Page) => page.getByTestId("store-settings");

for (const [locale, viewport, zone] of [
  ["en", { width: 1280, height: 900 }, "America/New_York"],
  ["pt-BR", { width: 390, height: 844 }, "America/Manaus"],
] as const) {
  test.describe(`${locale} at ${viewport.width} px`, () => {
    test.use({ viewport });

    test("a seller renames the store, picks a time zone and sends buyers to https pages of their site", async ({
      browser,
    }) => {
      const w = WORDS[locale];
      const seller = await onboardedSellerWithProducts(browser, { storeName: `Loja ${locale}` });
      const page = seller.page;
      await page.setViewportSize(viewport);
      await useLocale(page, locale);
      await page.goto("/dashboard/settings");
      const f = form(page);

      // The store has prices: the currency cannot change, and the page says why.
      await expect(f.getByLabel(w.currency)).toBeDisabled();
      await expect(f.getByLabel(w.currency)).toHaveAccessibleDescription(w.locked);

      const newName = `Ateliê ${locale} Novo`;
      await f.getByLabel(w.name).fill(newName);
      await f.getByLabel(w.timeZone).selectOption(zone);
      await f.getByRole("radio", { name: w.redirect }).check();
      // Plain http (not localhost) and a non-URL: each field says what is wrong, in the page's language.
      await f.getByLabel(w.successUrl).fill("http://ateliê.example/obrigado");
      await f.getByLabel(w.cancelUrl).fill("ateliê carrinho");
      await f.getByRole("button", { name: w.save }).click();
      await expect(f.getByLabel(w.successUrl)).toHaveAccessibleDescription(w.notHttps);
      await expect(f.getByLabel(w.cancelUrl)).toHaveAccessibleDescription(w.invalid);
      await expect(f.getByLabel(w.successUrl)).toHaveAttribute("aria-invalid", "true");
      await shot(page, `settings-errors-${locale}-${viewport.width}`);

      await f.getByLabel(w.successUrl).fill("https://atelie.example/obrigado?src=vitrine");
      await f.getByLabel(w.cancelUrl).fill("https://atelie.example/carrinho");
      await f.getByRole("button", { name: w.save }).click();
      await expect(page.getByText(w.saved)).toBeVisible();
      await expect(f.getByLabel(w.successUrl)).not.toHaveAttribute("aria-invalid", "true");

      await page.reload();
      const again = form(page);
      await expect(again.getByLabel(w.name)).toHaveValue(newName);
      await expect(again.getByLabel(w.timeZone)).toHaveValue(zone);
      await expect(again.getByRole("radio", { name: w.redirect })).toBeChecked();
      await expect(again.getByLabel(w.successUrl)).toHaveValue("https://atelie.example/obrigado?src=vitrine");
      await expect(again.getByLabel(w.cancelUrl)).toHaveValue("https://atelie.example/carrinho");
      await expect(again.getByLabel(w.currency)).toBeDisabled();
      await shot(page, `settings-saved-${locale}-${viewport.width}`);
      await seller.context.close();
    });
  });
}

test("a store without products may still change its currency", async ({ page }) => {
  const email = uniqueEmail("settings-new");
  expect(
    (
      await page.request.post("/api/auth/sign-up", {
        data: { name: "New Owner", email, password: PASSWORD, storeName: "Loja Nova" },
      })
    ).status(),
  ).toBe(202);
  await useLocale(page, "en");
  await signIn(page, email);
  await page.goto("/dashboard/settings");
  const f = form(page);
  await expect(f.getByLabel(WORDS.en.currency)).toBeEnabled();
  await f.getByLabel(WORDS.en.currency).selectOption("USD");
  await f.getByRole("button", { name: WORDS.en.save }).click();
  await expect(page.getByText(WORDS.en.saved)).toBeVisible();
  await page.reload();
  await expect(form(page).getByLabel(WORDS.en.currency)).toHaveValue("USD");
});
