import { expect, test } from "@playwright/test";
import { formAlert, shot, signIn, signOut, signUpViaUi, submitSignIn, uniqueEmail } from "./support/helpers";

test("a seller signs up, creates an API key that works, signs out and back in", async ({ page, request }) => {
  const email = uniqueEmail("seller");
  await page.goto("/");
  await shot(page, "01-landing");
  await signUpViaUi(page, { name: "Carla Dias", email, storeName: "Carla Cerâmica" });
  await expect(page.getByRole("heading", { name: /welcome, carla/i })).toBeVisible();
  await expect(page.getByTestId("current-store")).toContainText("Carla Cerâmica");
  await shot(page, "02-dashboard");

  await page.getByRole("link", { name: "API keys" }).first().click();
  await expect(page.getByText("No API keys yet")).toBeVisible();
  await shot(page, "03-api-keys-empty");
  await page.getByRole("button", { name: "Create API key" }).first().click();
  await page.getByLabel("Key name").fill("Production server");
  await page.getByRole("dialog").getByRole("button", { name: "Create API key" }).click();
  const secretBlock = page.getByTestId("new-api-key");
  await expect(secretBlock).toBeVisible();
  const secret =
    (await secretBlock.locator("code, pre, input").first().textContent())?.trim() ||
    (await secretBlock.textContent())!.match(/vt_sk_[A-Za-z0-9_-]+/)![0];
  expect(secret).toMatch(/^vt_sk_[A-Za-z0-9_-]{32}$/);
  await shot(page, "04-api-key-secret");
  await page.getByRole("button", { name: "I saved it" }).click();
  await expect(page.getByRole("cell", { name: "Production server" })).toBeVisible();
  await expect(page.getByText(secret)).toHaveCount(0);

  // The key works server-to-server and is scoped to this seller's store.
  const me = await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${secret}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).store.name).toBe("Carla Cerâmica");

  // Revoking it makes the next call fail.
  await page.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("Revoked", { exact: true })).toBeVisible();
  expect((await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${secret}` } })).status()).toBe(401);

  await signOut(page);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, email);
  await expect(page.getByRole("heading", { name: /welcome, carla/i })).toBeVisible();
});

test("sign-up shows clear errors and keeps the form", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Dup");
  await page.getByLabel("Email").fill("ana@vitrine.local");
  await page.getByLabel("Password").fill("e2e-password-42");
  await page.getByLabel("Store name").fill("Dup store");
  await page.getByRole("button", { name: "Create account" }).click();
  // The same answer as for a new email (nothing says the account exists); only the sign-in after it fails.
  await expect(page.getByText("We couldn't sign you in with this email and password.", { exact: false })).toBeVisible();
  await page.getByLabel("Email").fill(uniqueEmail("weak"));
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/at least 10 characters/).last()).toBeVisible();
  await shot(page, "05-sign-up-errors");
  await expect(page).toHaveURL(/\/sign-up/);
});

test("wrong password is refused with a message", async ({ page }) => {
  await submitSignIn(page, "ana@vitrine.local", "not-the-password-1");
  await expect(formAlert(page)).toContainText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a seller opens a second store; its keys and catalog are its own", async ({ page }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("twostores");
  await signUpViaUi(page, { name: "Duda", email, storeName: "Primeira Loja" });
  await page.goto("/dashboard/api-keys");
  await page.getByRole("button", { name: "Create API key" }).first().click();
  await page.getByLabel("Key name").fill("first-store-key");
  await page.getByRole("dialog").getByRole("button", { name: "Create API key" }).click();
  await page.getByRole("button", { name: "I saved it" }).click();

  // Free has one store: the second is refused with the limit and the way to a plan that has more.
  await page.goto("/dashboard/settings");
  await page
    .locator("form")
    .filter({ has: page.getByRole("button", { name: "Create store" }) })
    .getByLabel("Store name")
    .fill("Segunda Loja");
  await page.getByRole("button", { name: "Create store" }).click();
  await expect(page.getByTestId("plan-limit-alert")).toContainText("Your plan allows 1 stores and you have 1.");
  await page.getByTestId("plan-limit-alert").getByRole("link", { name: "See plans and upgrade" }).click();
  await page.getByTestId("plan-starter").getByRole("button", { name: "Subscribe" }).click();
  const checkoutEmail = page.locator("#email");
  if (!(await checkoutEmail.inputValue())) await checkoutEmail.fill(email);
  await page.fill('input[name="number"]', "4242 4242 4242 4242");
  await page.fill('input[name="exp"]', "12 / 40");
  await page.fill('input[name="cvc"]', "123");
  await page.fill("#name", "Duda");
  await page.getByTestId("pay").click();
  await expect(page.getByTestId("current-plan-name")).toHaveText("Starter");

  await page.goto("/dashboard/settings");
  await page
    .locator("form")
    .filter({ has: page.getByRole("button", { name: "Create store" }) })
    .getByLabel("Store name")
    .fill("Segunda Loja");
  await page.getByRole("button", { name: "Create store" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("current-store")).toContainText("Segunda Loja");
  await page.goto("/dashboard/api-keys");
  await expect(page.getByText("No API keys yet")).toBeVisible();

  await page.goto("/dashboard/settings");
  await shot(page, "06-settings-stores");
  await page
    .getByTestId("stores-list")
    .getByRole("listitem")
    .filter({ hasText: "Primeira Loja" })
    .getByRole("button", { name: "Switch" })
    .click();
  await expect(page.getByTestId("current-store")).toContainText("Primeira Loja");
  await page.goto("/dashboard/api-keys");
  await expect(page.getByRole("cell", { name: "first-store-key" })).toBeVisible();
});
