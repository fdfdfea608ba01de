import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, shot, signIn, signOut, uniqueEmail, useLocale } from "./support/helpers";
import { type ManualReviewServer, startManualReviewServer } from "./support/manual-review-server";
import { findPendingSimCharge, simPay } from "./support/pix";

const ANA = { email: "ana@vitrine.local", password: "demo12345!", store: "Ateliê da Ana" };
const ADMIN = { email: "admin@vitrine.local", password: "admin12345!" };

/** The number in a tenant's credits cell ("no credit account" is 0). */
async function creditsOf(page: Page, storeName: string): Promise<number> {
  const text =
    (await page
      .getByRole("row", { name: new RegExp(storeName) })
      .getByTestId("tenant-credits")
      .textContent()) ?? "";
  const first = text.match(/^[\d.,]+/)?.[0];
  return first ? Number(first.replace(/[.,]/g, "")) : 0;
}

test("an admin reviews tenants' credits and PIX, and the PIX webhook deliveries", async ({ page }) => {
  await useLocale(page, "en");
  // The seeded seller takes a PIX payment through the simulator (its PushinPay account) …
  await signIn(page, ANA.email, ANA.password);
  const me = (await (await page.request.get("/api/v1/me")).json()) as { store: { id: string } };
  const amountCentavos = 5000 + Math.floor(Math.random() * 4000);
  const created = await page.request.post("/api/v1/pix/charges", {
    data: { amountCentavos, description: "Admin review e2e" },
  });
  expect(created.status()).toBe(201);
  const { charge } = (await created.json()) as { charge: { reference: string } };
  const simCharge = await findPendingSimCharge("pushinpay", amountCentavos);
  const paid = await simPay("pushinpay", simCharge.id);
  expect(paid.delivery?.status).toBe(200);
  // … and a delivery nobody can match arrives at the same endpoint, carrying a payer's CPF.
  const configs = (await (await page.request.get("/api/v1/pix/configs")).json()) as {
    data: Array<{ gateway: string; active: boolean; webhookUrl: string | null }>;
  };
  const webhookUrl = configs.data.find((c) => c.gateway === "pushinpay" && c.active)!.webhookUrl!;
  const stray = await page.request.post(new URL(webhookUrl).pathname, {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: "id=9b1f0c2e-0000-4000-8000-00000000e2e0&status=paid&value=1234&payer_name=Beto&payer_national_registration=98765432100",
  });
  expect(stray.status()).toBe(200);
  await signOut(page);

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin");
  const before = await creditsOf(page, ANA.store);
  const adjusted = await page.request.post("/api/v1/admin/credits/adjust", {
    headers: { "idempotency-key": `admin-review-${Date.now()}` },
    data: { storeId: me.store.id, amount: 750, reason: "e2e admin review" },
  });
  expect(adjusted.status()).toBe(201);

  // Tenants: credits balance and the PIX picture per store.
  await page.reload();
  const ana = page.getByRole("row", { name: new RegExp(ANA.store) });
  await expect(page.getByRole("columnheader", { name: "Credits" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "PIX" })).toBeVisible();
  expect(await creditsOf(page, ANA.store)).toBe(before + 750);
  await expect(ana.getByTestId("tenant-pix")).toContainText(/1 of \d+ gateways on/);
  await expect(ana.getByTestId("tenant-pix")).toContainText(/30 days: [1-9]\d* paid · R\$[\d,.]+/);
  await expect(page.getByText("PIX paid, last 30 days")).toBeVisible();
  await expect(page.getByRole("link", { name: "Manage credits" })).toHaveAttribute("href", "/admin/credits");
  await shot(page, "admin-tenants-money");

  // Webhooks: Stripe stays the first tab; the PIX tab lists both deliveries with their outcome.
  await page.goto("/admin/webhooks");
  await expect(page.getByRole("tab", { name: "Stripe events" })).toHaveAttribute("aria-selected", "true");
  await shot(page, "admin-webhooks-stripe");
  await page.getByRole("tab", { name: "PIX webhooks" }).click();
  const panel = page.getByRole("tabpanel", { name: "PIX webhooks" });
  const stats = panel.getByTestId("pix-webhook-stats");
  await expect(stats).toContainText("PIX accepted");
  await expect(stats).toContainText("PIX unmatched");
  await expect(stats).toContainText("PIX rejected");
  const accepted = panel.getByRole("row").filter({ hasText: charge.reference });
  await expect(accepted).toContainText(ANA.store);
  await expect(accepted.locator("[data-outcome]")).toHaveAttribute("data-outcome", "accepted");
  await expect(accepted).toContainText(/by transactionId/);
  await expect(accepted).toContainText("pushinpay · PushinPay (simulador)");
  const unmatched = panel
    .getByRole("row")
    .filter({ has: page.locator('[data-outcome="unmatched"]') })
    .first();
  await expect(unmatched).toContainText("no charge");
  await unmatched.getByText(/^Body \(\d+ bytes\)$/).click();
  const body = unmatched.getByTestId("pix-webhook-body");
  await expect(body).toContainText("payer_name=Beto");
  await expect(body).toContainText("payer_national_registration=•••");
  await expect(body).not.toContainText("98765432100");
  await shot(page, "admin-webhooks-pix");
  // Narrowed to one outcome through the URL.
  await panel.getByRole("link", { name: "unmatched" }).click();
  await expect(page).toHaveURL(/outcome=unmatched/);
  const filtered = page.getByRole("tabpanel", { name: "PIX webhooks" });
  await expect(filtered.getByRole("link", { name: "unmatched" })).toHaveAttribute("aria-current", "page");
  await expect(filtered.locator('[data-outcome="unmatched"]').first()).toBeVisible();
  await expect(filtered.locator('[data-outcome="accepted"]')).toHaveCount(0);
  await shot(page, "admin-webhooks-pix-unmatched");

  // The tab survives a link, in Portuguese too.
  await useLocale(page, "pt-BR");
  await page.goto("/admin/webhooks?tab=pix");
  await expect(page.getByRole("tab", { name: "Webhooks PIX" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tabpanel", { name: "Webhooks PIX" }).getByText("PIX aceitos")).toBeVisible();
  await shot(page, "admin-webhooks-pix-pt");
  await page.goto("/admin");
  await expect(page.getByRole("columnheader", { name: "Créditos" })).toBeVisible();
  await shot(page, "admin-tenants-money-pt");
});

// TENANT_REVIEW=manual (a server of its own, e2e/support/manual-review-server.ts): a new store waits
// for review; the admin opens it by its Stripe account id, sees it pending, and approves it.
test.describe("manual tenant review", () => {
  let server: ManualReviewServer;
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    server = await startManualReviewServer();
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("an admin opens a pending store by its Stripe account id and approves it", async ({ browser }) => {
    test.setTimeout(180_000);
    const sellerContext = await browser.newContext({ baseURL: server.baseURL, locale: "en-US" });
    const seller = await sellerContext.newPage();
    const email = uniqueEmail("pending");
    const signUp = await seller.request.post("/api/auth/sign-up", {
      data: { name: "Pending Owner", email, password: PASSWORD, storeName: "Loja Pendente" },
    });
    expect(signUp.status()).toBe(202);
    // The seller's session through next-auth's own endpoints (the API calls below are all it needs).
    const { csrfToken } = (await (await seller.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const session = await seller.request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password: PASSWORD, json: "true" },
    });
    expect(session.ok()).toBe(true);
    // A pending store can set up (a Stripe account) but takes no payments yet.
    const created = await seller.request.post("/api/v1/connect/account", { data: { country: "BR", email } });
    expect(created.status()).toBe(201);
    const { accountId } = (await (await seller.request.get("/api/v1/connect/account")).json()) as { accountId: string };
    expect(accountId).toMatch(/^acct_/);
    const refused = await seller.request.post("/api/v1/pix/charges", {
      data: { amountCentavos: 5000, description: "Before review" },
    });
    expect((await refused.json()).error.code).toBe("store_pending_review");

    const adminContext = await browser.newContext({ baseURL: server.baseURL, locale: "en-US" });
    const page = await adminContext.newPage();
    await useLocale(page, "en");
    await signIn(page, ADMIN.email, ADMIN.password);
    await expect(page).toHaveURL(/\/admin$/);
    await page.getByPlaceholder(/Stripe account id/).fill(accountId);
    await page.getByRole("button", { name: "Open" }).click();
    await expect(page.getByRole("heading", { name: "Loja Pendente" })).toBeVisible();
    await expect(page.getByTestId("stripe-account-id")).toHaveText(accountId);
    await expect(page.getByTestId("review-status")).toHaveText("Pending review");
    await shot(page, "admin-review-01-pending");

    await page.getByRole("button", { name: "Approve" }).click();
    await expect(page.getByTestId("review-status")).toHaveText("Approved");
    await page.reload();
    await expect(page.getByTestId("review-status")).toHaveText("Approved");
    await shot(page, "admin-review-02-approved");
    // Approved: the store's payment routes no longer answer store_pending_review.
    const after = await seller.request.post("/api/v1/pix/charges", {
      data: { amountCentavos: 5000, description: "Before review" },
    });
    expect(((await after.json()) as { error?: { code: string } }).error?.code).not.toBe("store_pending_review");
    await Promise.all([sellerContext.close(), adminContext.close()]);
  });
});
