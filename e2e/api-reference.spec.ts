// A store developer opens the live API reference (#18 item 6): the overview, then the Credits
// section with the credits spend endpoint — its body fields, the required Idempotency-Key, its
// error codes and a curl example — in English at desktop width and in Portuguese on a phone. The
// machine-readable document behind the page is served at /api/v1/openapi.json.
import { expect, test } from "@playwright/test";
import { shot, useLocale } from "./support/helpers";

const SPEND = '[data-operation="POST /api/v1/credits/spend"]';

test("a developer finds the credits spend endpoint in the API reference (en, 1280)", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await useLocale(page, "en");
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1, name: "Vitrine API" })).toBeVisible();
  await expect(page.getByRole("link", { name: "OpenAPI 3.1 document (JSON)" })).toHaveAttribute(
    "href",
    "/api/v1/openapi.json",
  );
  await shot(page, "api-reference-01-overview-en");

  await page
    .getByRole("navigation", { name: "Sections" })
    .getByRole("link", { name: /^Credits/ })
    .click();
  await expect(page).toHaveURL(/\/docs\/api\/credits$/);
  await expect(page.getByRole("heading", { level: 1, name: "Credits" })).toBeVisible();
  const spend = page.locator(SPEND);
  await expect(spend.getByRole("heading", { name: /POST\s*\/api\/v1\/credits\/spend/ })).toBeVisible();
  await expect(spend).toContainText("Auth: API key");
  await expect(spend).toContainText("Idempotency-Key required");
  await expect(spend.getByText("amount", { exact: true })).toBeVisible();
  await expect(spend.getByText("reason", { exact: true })).toBeVisible();
  await expect(spend).toContainText("insufficient_credits");
  await expect(spend.locator("pre")).toContainText("curl -X POST");
  await expect(spend.locator("pre")).toContainText("/api/v1/credits/spend");
  await spend.scrollIntoViewIfNeeded();
  await shot(page, "api-reference-02-credits-en");

  const doc = await page.request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  const json = (await doc.json()) as { openapi: string; paths: Record<string, { post?: { operationId: string } }> };
  expect(json.openapi).toBe("3.1.0");
  expect(json.paths["/api/v1/credits/spend"]?.post?.operationId).toBe("post_credits_spend");
});

test("a developer finds the credits spend endpoint on a phone, in Portuguese (390)", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await useLocale(page, "pt-BR");
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1, name: "API da Vitrine" })).toBeVisible();
  await page.locator("summary").filter({ hasText: "Seções" }).click();
  await page
    .getByRole("navigation", { name: "Seções" })
    .first()
    .getByRole("link", { name: /^Créditos/ })
    .click();
  await expect(page).toHaveURL(/\/docs\/api\/credits$/);
  await expect(page.getByRole("heading", { level: 1, name: "Créditos" })).toBeVisible();
  const spend = page.locator(SPEND);
  await expect(spend).toContainText("Autenticação: Chave de API");
  await expect(spend).toContainText("Idempotency-Key obrigatório");
  await expect(spend).toContainText("Corpo da requisição");
  await expect(spend).toContainText("Exemplo de requisição");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await spend.scrollIntoViewIfNeeded();
  await shot(page, "api-reference-03-credits-pt-390");
});
