// What a first walkthrough tripped over (#16 item 8), walked again in the browser: Getting started
// follows the store's data, refused PIX credentials are said as such (in Portuguese, no "added"),
// a delivery opens with its body and headers, the callbacks guide is a public page in both
// languages, the 404 page follows the visitor's language, and Credits says what a credit buys.
import { expect, test } from "@playwright/test";
import { shot, signUpViaUi, uniqueEmail, useLocale } from "./support/helpers";
import { SIM_PUSHINPAY_TOKEN, startReceiver } from "./support/pix";

test("a new seller's walkthrough in Portuguese: checklist, PIX refusal then success, a delivery opened, credits explained", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const store = await startReceiver();
  try {
    await useLocale(page, "pt-BR");
    await signUpViaUi(page, { name: "Rita Lima", email: uniqueEmail("walk"), storeName: "Loja da Rita" });

    // Getting started: in order, computed; only the store exists yet.
    const checklist = page.getByTestId("getting-started");
    await expect(checklist).toHaveAttribute("data-complete", "false");
    const steps = checklist.locator("[data-step]");
    await expect(steps).toHaveCount(7);
    expect(await steps.evaluateAll((els) => els.map((e) => e.getAttribute("data-step")))).toEqual([
      "store",
      "connect",
      "product",
      "pix",
      "apiKey",
      "callbacks",
      "firstPayment",
    ]);
    await expect(checklist.locator("[data-step=store]")).toHaveAttribute("data-done", "true");
    await expect(checklist.locator("[data-step=pix]")).toHaveAttribute("data-done", "false");

    // PIX: a wrong token is refused, in Portuguese, with the gateway's reason and no "Gateway adicionado".
    await page.goto("/dashboard/pix");
    await page.getByRole("button", { name: "Adicionar gateway" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Adicionar gateway PIX" });
    await dialog.getByTestId("pix-type-pushinpay").click();
    await dialog.getByLabel(/^Token de API|^API token/).fill("token-errado-9876");
    await dialog.getByRole("button", { name: "Salvar gateway" }).click();
    const refusal = dialog.getByTestId("pix-form-check-error");
    await expect(refusal).toContainText("O gateway recusou essas credenciais");
    await expect(refusal).toContainText("Resposta do gateway: Unauthenticated.");
    await expect(page.getByText(/^Gateway adicionado/)).toHaveCount(0);
    await expect(page.getByText("token-errado-9876")).toHaveCount(0);
    await shot(page, "walkthrough-pix-refused-pt");

    // The right token in the same dialog: checked, turned on, and the old error is gone from the card.
    await dialog.getByLabel(/^Token de API|^API token/).fill(SIM_PUSHINPAY_TOKEN);
    // The refused configuration was saved (inactive): the same dialog now edits it.
    await dialog.getByRole("button", { name: "Salvar alterações" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(/o gateway aceitou as credenciais/)).toBeVisible();
    const card = page.locator("[data-testid=pix-gateway-card][data-gateway=pushinpay]");
    await expect(card.getByTestId("pix-gateway-verification")).toHaveAttribute("data-ok", "true");
    await expect(card).toHaveAttribute("data-active", "true");
    await expect(card.getByTestId("pix-gateway-last-error")).toHaveCount(0);

    await page.goto("/dashboard");
    await expect(page.getByTestId("getting-started").locator("[data-step=pix]")).toHaveAttribute("data-done", "true");

    // Callbacks: an endpoint, a test event, and the delivery opened with its body and headers.
    await page.goto("/dashboard/callbacks");
    await page.getByRole("button", { name: "Adicionar endpoint" }).first().click();
    const add = page.getByRole("dialog");
    await add.getByLabel("URL do endpoint").fill(store.url);
    await add.getByRole("button", { name: "Adicionar endpoint" }).click();
    await page.getByRole("button", { name: "Já guardei" }).click();
    await expect(page.getByRole("link", { name: "o guia de callbacks da loja" })).toHaveAttribute(
      "href",
      "/docs/callbacks",
    );
    await page.getByRole("button", { name: "Enviar evento de teste" }).first().click();
    await expect.poll(() => store.received.length, { timeout: 30_000 }).toBeGreaterThan(0);
    // The table (desktop) and the card list (phones) both render the row; the hidden one is skipped.
    const view = page.getByTestId("delivery-view").filter({ visible: true }).first();
    await expect(view).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId("delivery-subject").filter({ visible: true }).first()).toContainText(
      "Evento de teste",
    );
    await view.click();
    const detail = page.getByTestId("delivery-detail");
    await expect(detail.getByTestId("delivery-body")).toContainText('"test": true');
    await expect(detail.getByTestId("delivery-headers")).toContainText("webhook-signature");
    await expect(detail.getByTestId("delivery-headers")).toContainText(
      JSON.parse(store.received[0]!.body).id as string,
    );
    await expect(detail.getByTestId("delivery-attempts")).toContainText("200");
    await shot(page, "walkthrough-delivery-pt");
    await page.keyboard.press("Escape");

    // Credits: what a credit pays for, and its price in reais.
    await page.goto("/dashboard/credits");
    const uses = page.getByTestId("credit-uses");
    await expect(uses).toContainText("Para que servem os créditos");
    await expect(uses.getByTestId("credit-price")).toContainText(/R\$\s?0,50 por crédito/);
    await expect(uses).toContainText("POST /api/v1/credits/spend");
  } finally {
    await store.close();
  }
});

test("the callbacks guide is public and the 404 page follows the visitor's language", async ({ browser }) => {
  for (const locale of ["pt-BR", "en"] as const) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await useLocale(page, locale);
    await page.goto("/docs/callbacks");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      locale === "en" ? "Store callbacks" : "Callbacks da loja",
    );
    for (const type of ["payment.succeeded", "payment.refunded", "dispute.created", "subscription.canceled"])
      await expect(page.locator(`[data-event="${type}"]`)).toBeVisible();
    await expect(page.getByTestId("retry-schedule").locator("tbody tr")).toHaveCount(9);
    await expect(page.getByText("verifyWithStandardWebhooks").first()).toBeVisible();

    const res = await page.goto("/esta-pagina-nao-existe");
    expect(res?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toContainText(
      locale === "en" ? "We couldn't find this page" : "Não encontramos esta página",
    );
    await expect(
      page.getByRole("link", { name: locale === "en" ? "Go to the home page" : "Ir para a página inicial" }),
    ).toBeVisible();
    await context.close();
  }
});
