// An operator's day (#18): the admin lands on the admin console, opens a tenant by its Stripe
// account id, suspends it with a reason — its buy link says the store is unavailable and its API
// key is refused with store_suspended — reads it as a sentence in the audit trail, reinstates it,
// and reads the configuration audit with its live checks. Then the tenant page on a phone, in Portuguese.
import { expect, test } from "@playwright/test";
import { shot, signIn, useLocale } from "./support/helpers";
import { onboardedSellerWithProducts } from "./support/seller";

const ADMIN = { email: "admin@vitrine.local", password: "admin12345!" };

test("an admin finds a tenant by its Stripe account, suspends and reinstates it, and reads the config audit", async ({
  browser,
  page,
}) => {
  test.setTimeout(240_000);
  const seller = await onboardedSellerWithProducts(browser, { storeName: "Loja Revisada" });
  const account = (await (await seller.page.request.get("/api/v1/connect/account")).json()) as { accountId: string };
  expect(account.accountId).toMatch(/^acct_/);
  const key = await seller.page.request.post("/api/v1/api-keys", { data: { name: "loja" } });
  expect(key.status()).toBe(201);
  const { secret } = (await key.json()) as { secret: string };

  await useLocale(page, "en");
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(/\/admin$/);

  await page.getByPlaceholder(/Stripe account id/).fill(account.accountId);
  await page.getByRole("button", { name: "Open" }).click();
  await expect(page.getByRole("heading", { name: "Loja Revisada" })).toBeVisible();
  await expect(page.getByTestId("stripe-account-id")).toHaveText(account.accountId);
  await expect(page.getByTestId("review-status")).toHaveText("Approved");
  const tenantUrl = page.url();
  await shot(page, "admin-ops-01-tenant");

  await page.getByRole("button", { name: "Suspend store" }).click();
  await page.getByLabel(/Reason/).fill("Chargebacks above policy");
  await page.getByRole("dialog").getByRole("button", { name: "Suspend store" }).click();
  await expect(page.getByTestId("review-status")).toHaveText("Suspended");
  await expect(page.getByRole("alert").filter({ hasText: "Chargebacks above policy" })).toBeVisible();

  // What suspension does: the buy link says the store is unavailable, the API key is refused.
  const buyer = await browser.newPage();
  await buyer.goto(`/buy/${seller.oneTime}`);
  await expect(buyer.getByTestId("buy-unavailable")).toContainText("This store is unavailable");
  const refused = await buyer.request.get("/api/v1/products", { headers: { authorization: `Bearer ${secret}` } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("store_suspended");

  await page.goto("/admin/audit?action=store.review_suspended");
  await expect(page.getByTestId("audit-entries")).toContainText("suspended store Loja Revisada");
  await shot(page, "admin-ops-02-audit");

  await page.goto(tenantUrl);
  await page.getByRole("button", { name: "Reinstate" }).click();
  await expect(page.getByTestId("review-status")).toHaveText("Approved");
  await buyer.reload();
  await expect(buyer.getByTestId("buy-unavailable")).toHaveCount(0);
  expect(
    (await buyer.request.get("/api/v1/products", { headers: { authorization: `Bearer ${secret}` } })).status(),
  ).toBe(200);

  await page.goto("/admin/config");
  await expect(page.getByTestId("config-checks")).toContainText("reachable in emulator mode");
  await expect(page.locator('[data-setting="STRIPE_WEBHOOK_SECRET"]')).toBeVisible();
  await shot(page, "admin-ops-03-config");

  // The same tenant page on a phone, in Portuguese.
  await page.setViewportSize({ width: 390, height: 844 });
  await useLocale(page, "pt-BR");
  await page.goto(`/admin/tenants?q=${encodeURIComponent(seller.email)}`);
  await expect(page.getByTestId("review-status")).toHaveText("Aprovada");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await shot(page, "admin-ops-04-tenant-pt-390");
  await Promise.all([buyer.close(), seller.context.close()]);
});
