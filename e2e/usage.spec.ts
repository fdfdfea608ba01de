// The usage page as a seller sees it, in Portuguese and English, on a desktop and a phone: API
// calls made with a store key and usage the store reported show against the plan's limits, the
// period can be switched, and the CSV export downloads what the page shows.
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { shot, signUpViaUi, uniqueEmail, useLocale } from "./support/helpers";

let page: Page;
let secret: string;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  await useLocale(page, "pt-BR");
  await signUpViaUi(page, { name: "Uso E2E", email: uniqueEmail("usage"), storeName: "Loja do Uso" });
  const origin = new URL(page.url()).origin;
  const key = await page.request.post("/api/v1/api-keys", { data: { name: "usage e2e" }, headers: { origin } });
  expect(key.status()).toBe(201);
  secret = (await key.json()).secret;
  const auth = { authorization: `Bearer ${secret}` };
  for (let i = 0; i < 7; i++) expect((await page.request.get("/api/v1/me", { headers: auth })).status()).toBe(200);
  const reported = await page.request.post("/api/v1/usage", {
    headers: { ...auth, "idempotency-key": "e2e-emails" },
    data: { resource_type: "emails_sent", quantity: 1200, unit: "emails", source: "e2e" },
  });
  expect(reported.status()).toBe(201);
});

test.afterAll(async () => {
  await page?.context().close();
});

test("pt-BR: the store's usage against the Free plan, the previous period and the CSV", async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/dashboard/usage");
  await expect(page.getByRole("heading", { level: 1, name: "Uso" })).toBeVisible();
  const api = page.getByTestId("usage-api_calls");
  await expect(api).toContainText("Chamadas de API");
  // 7 calls to /me and 1 usage report, all with the store key.
  await expect(api).toContainText(/8\s*de 10\.000/);
  await expect(api).toContainText("Dentro do limite");
  await expect(page.getByTestId("usage-pix_charges")).toContainText(/0\s*de 100/);
  await expect(page.getByRole("cell", { name: "emails_sent" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "1.200" })).toBeVisible();
  await expect(page.getByTestId("usage-chart-total")).toHaveText("Total 8");
  await shot(page, "usage-01-pt-desktop");

  const download = page.waitForEvent("download");
  await page.getByTestId("usage-export").click();
  const file = await (await download).path();
  const csv = readFileSync(file, "utf8").trim().split("\r\n");
  expect(csv[0]).toBe("date,resource,quantity,limit,period_start,period_end");
  const today = new Date().toISOString().slice(0, 10);
  expect(csv).toContainEqual(expect.stringMatching(new RegExp(`^${today},emails_sent,1200,,`)));

  await page.getByRole("link", { name: "Período anterior" }).click();
  await expect(page).toHaveURL(/period=previous/);
  await expect(page.getByTestId("usage-api_calls")).toContainText(/0\s*de 10\.000/);
  await page.getByRole("link", { name: "Este período" }).click();
  await expect(page.getByTestId("usage-api_calls")).toContainText(/\d+\s*de 10\.000/);
});

test("en on a phone: the same page fits 390 px without sideways scrolling", async () => {
  await useLocale(page, "en");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dashboard/usage");
  await expect(page.getByRole("heading", { level: 1, name: "Usage" })).toBeVisible();
  await expect(page.getByTestId("usage-api_calls")).toContainText("API calls");
  await expect(page.getByTestId("usage-api_calls")).toContainText(/of 10,000/);
  await expect(page.getByTestId("usage-products")).toContainText("Products");
  await page.getByTestId("usage-chart-resource").selectOption("emails_sent");
  await expect(page.getByTestId("usage-chart-total")).toHaveText("Total 1,200");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, "usage-02-en-phone");
});
