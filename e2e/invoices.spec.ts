// A seller issues an invoice to a buyer, finds it in the invoices list, opens it (PIX code from the
// demo store's simulated gateway, parties with the CPF) and downloads its PDF, in both languages.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { shot, signIn, useLocale } from "./support/helpers";

test("a seller opens an invoice and downloads its PDF", async ({ page }) => {
  test.setTimeout(180_000);
  await useLocale(page, "pt-BR");
  await signIn(page, "ana@vitrine.local", "demo12345!");

  // The demo seller issues an invoice to a buyer through the API (the session works as the key).
  const created = await page.request.post("/api/v1/invoices", {
    headers: {
      "content-type": "application/json",
      origin: new URL(page.url()).origin,
      "idempotency-key": `e2e-${Date.now()}`,
    },
    data: {
      customer: { name: "Joana Pereira", email: "joana@example.com", taxIdType: "cpf", taxId: "111.444.777-35" },
      lines: [{ description: "Cesta de crochê sob medida", quantity: 2, unitAmount: 12500 }],
      dueInDays: 5,
    },
  });
  expect(created.status()).toBe(201);
  const { invoice } = await created.json();
  expect(invoice.number).toMatch(/^[A-Z0-9]+-\d{6}$/);

  await page.goto("/dashboard/invoices");
  await expect(page.getByRole("heading", { name: "Faturas" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: invoice.number });
  await expect(row).toContainText("R$ 250,00");
  await expect(row).toContainText("Em aberto");
  await row.getByRole("link", { name: invoice.number, exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`/dashboard/invoices/${invoice.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Fatura ${invoice.number}` })).toBeVisible();
  await expect(page.getByText("CPF 111.444.777-35")).toBeVisible();
  await expect(page.getByText("Pague com PIX")).toBeVisible();
  await expect(page.getByText(/^000201/)).toBeVisible();
  await shot(page, "invoice-detail-pt-BR");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Baixar PDF" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${invoice.number}.pdf`);
  const bytes = readFileSync((await file.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");

  // In English, the same invoice and its PDF.
  await useLocale(page, "en");
  await page.goto(`/dashboard/invoices/${invoice.id}`);
  await expect(page.getByRole("heading", { level: 1, name: `Invoice ${invoice.number}` })).toBeVisible();
  await expect(page.getByText("Pay with PIX")).toBeVisible();
  const en = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download PDF" }).click();
  expect((await en).suggestedFilename()).toBe(`${invoice.number}.pdf`);
  await shot(page, "invoice-detail-en");
});
