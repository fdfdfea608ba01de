import { expect, test } from "@playwright/test";
import { useLocale, formAlert, PASSWORD, shot, signIn, signOut, submitSignIn, uniqueEmail } from "./support/helpers";

test("an admin suspends a seller, who can then no longer sign in", async ({ page, request }) => {
  const email = uniqueEmail("tobesuspended");
  const created = await request.post("/api/auth/sign-up", {
    data: { name: "Sam Suspenso", email, password: PASSWORD, storeName: "Sam Shop" },
  });
  expect(created.status()).toBe(202);

  await useLocale(page, "en");
  await signIn(page, "admin@vitrine.local", "admin12345!");
  await page.goto("/admin");
  await expect(page.getByRole("cell", { name: /Sam Shop/ })).toBeVisible();
  await shot(page, "20-admin-tenants");
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const row = page.getByRole("row", { name: new RegExp(email) });
  await row.getByRole("button", { name: "Suspend", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Suspend" }).click();
  await expect(row.getByText("Suspended", { exact: true })).toBeVisible();
  await expect(row.getByRole("button", { name: "Reactivate" })).toBeVisible();
  await shot(page, "21-admin-user-suspended");
  await page.goto("/admin/audit?action=user.suspended");
  // The trail reads as a sentence: who suspended whom.
  await expect(page.getByTestId("audit-entries").getByText(`suspended ${email}`).first()).toBeVisible();
  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByText(/Audit chain intact/)).toBeVisible();
  await shot(page, "22-admin-audit");
  await signOut(page);

  await submitSignIn(page, email);
  await expect(formAlert(page)).toContainText("This account is suspended.");
  await expect(page).toHaveURL(/\/sign-in/);
  await shot(page, "23-suspended-sign-in");
});

test("a seller cannot open the admin area", async ({ page }) => {
  await signIn(page, "bruno@vitrine.local", "demo12345!");
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/dashboard$/);
});
