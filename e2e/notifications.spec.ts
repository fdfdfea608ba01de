import { expect, test, type Page } from "@playwright/test";
import { shot, signUpViaUi, uniqueEmail, useLocale } from "./support/helpers";
import { MAIL_CATCHER_URL, waitForMail } from "./support/mail";

const PREFS = "/dashboard/settings/notifications";

async function phone(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a seller sets who gets which notification, sends a test email and reads it in the mail catcher", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("notify");
  await useLocale(page, "en");
  await signUpViaUi(page, { name: "Nina Alves", email, storeName: "Loja da Nina" });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(PREFS);
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  await expect(page.getByText("Nothing sent yet")).toBeVisible();

  // A bad address is named; a good one is saved (lower-cased, the owner's own dropped).
  const extra = page.getByLabel("Other addresses");
  await extra.fill("finance@nina.example\nnot-an-address");
  await page.getByRole("button", { name: "Save addresses" }).click();
  await expect(page.getByText("not-an-address is not a valid email address.")).toBeVisible();
  await extra.fill("Finance@Nina.example");
  await page.getByRole("button", { name: "Save addresses" }).click();
  await expect(page.getByText("Addresses saved")).toBeVisible();
  await expect(extra).toHaveValue("finance@nina.example");

  // Turn on PIX received by email; money owed to us cannot be turned off.
  const pix = page.getByRole("switch", { name: "Email: PIX received" });
  await expect(pix).not.toBeChecked();
  await pix.check();
  await expect(page.getByRole("switch", { name: "Email: Plan payment failed" })).toBeDisabled();
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByText("Preferences saved")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("switch", { name: "Email: PIX received" })).toBeChecked();

  // A Slack URL that is not Slack's is refused before anything is stored.
  await page.getByLabel("Incoming webhook URL").fill("https://example.com/hook");
  await page.getByRole("button", { name: "Save webhook" }).click();
  await expect(page.getByText("Use a Slack incoming-webhook URL")).toBeVisible();

  // The test email goes to the owner and the extra address, and the log says so.
  await page.getByRole("button", { name: "Send test email" }).click();
  await expect(page.getByText("Test email queued")).toBeVisible();
  const log = page.getByTestId("notification-log");
  await expect(log.locator("td:visible", { hasText: "Test message" }).first()).toBeVisible();
  await expect(log.locator("[data-testid=notification-status]:visible").filter({ hasText: "Sent" })).toHaveCount(2, {
    timeout: 45_000,
  });
  const caught = await waitForMail(email, /^Test message from Vitrine$/);
  await waitForMail("finance@nina.example", /^Test message from Vitrine$/);
  await shot(page, "notifications-prefs-en");
  await phone(page, "notifications-prefs-en");

  // The catcher's page lists it and shows the message.
  await page.goto(MAIL_CATCHER_URL);
  await expect(page.getByTestId("mail-item").filter({ hasText: email }).first()).toBeVisible();
  await page.goto(`${MAIL_CATCHER_URL}/m/${caught.id}?view=text`);
  await expect(page.getByTestId("mail-subject")).toHaveText("Test message from Vitrine");
  await expect(page.getByTestId("mail-text")).toContainText("Loja da Nina");
  await expect(page.getByTestId("mail-text")).toContainText("Manage notifications");
  await page.goto(`${MAIL_CATCHER_URL}/m/${caught.id}`);
  await expect(page.frameLocator("iframe").getByText("Notifications work")).toBeVisible();
  await shot(page, "notifications-catcher-message");
  await phone(page, "notifications-catcher-message");

  // The same page in Portuguese.
  await useLocale(page, "pt-BR");
  await page.goto(PREFS);
  await expect(page.getByRole("heading", { name: "Notificações", level: 1 })).toBeVisible();
  await expect(
    page.getByTestId("notification-log").locator("td:visible", { hasText: "Mensagem de teste" }).first(),
  ).toBeVisible();
  await shot(page, "notifications-prefs-pt-BR");
  await phone(page, "notifications-prefs-pt-BR");
});
