// The Stripe.js stand-in inside a real React <Elements> tree (@stripe/react-stripe-js + loadStripe), in Chromium.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import type { Browser, Page } from "@playwright/test";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HAS_CHROMIUM, SHOTS, launch, localOnly, startShop, type Shop } from "./browser";
import { startTestEmulator, type TestEmulator } from "./support";

describe.skipIf(!HAS_CHROMIUM)("Stripe.js stand-in with React Elements", () => {
  let em: TestEmulator;
  let shop: Shop;
  let browser: Browser;
  const blocked: string[] = [];

  beforeAll(async () => {
    em = await startTestEmulator();
    const outdir = mkdtempSync(path.join(tmpdir(), "vitrine-elements-"));
    await build({
      entryPoints: [path.join(__dirname, "fixtures", "elements-app.ts")],
      bundle: true,
      format: "iife",
      platform: "browser",
      outfile: path.join(outdir, "app.js"),
      define: { "process.env.NODE_ENV": '"production"' },
      logLevel: "silent",
    });
    const bundle = readFileSync(path.join(outdir, "app.js"), "utf8");
    const html = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Shop checkout</title>
<style>body{font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;background:#f6f8fb;margin:0;padding:48px 16px;color:#1a1f36}
.box{max-width:440px;margin:0 auto;background:#fff;border-radius:12px;padding:28px;box-shadow:0 1px 3px rgba(0,0,0,.08),0 8px 24px rgba(0,0,0,.06)}
h1{font-size:20px;margin:0 0 4px}.muted{color:#6b7280;margin:0 0 20px}
button{width:100%;margin-top:16px;padding:12px;font:inherit;font-weight:600;border:0;border-radius:8px;background:#4f46e5;color:#fff;cursor:pointer}
.error{color:#c0123c}.ok{color:#146c2e;font-weight:600}</style>
<script src="${em.url}/stripe.js"></script></head><body><div id="root"></div><script src="/app.js"></script></body></html>`;
    shop = await startShop({
      "/": { type: "text/html", body: html },
      "/app.js": { type: "application/javascript", body: bundle },
    });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    await em?.close();
    expect(blocked).toEqual([]);
  });

  async function openPay(locale = "en"): Promise<{ page: Page; pi: Stripe.PaymentIntent }> {
    const pi = await em.stripe.paymentIntents.create({
      amount: 2000,
      currency: "usd",
      automatic_payment_methods: { enabled: true },
    });
    const page = await browser.newPage({ viewport: { width: 900, height: 760 } });
    await localOnly(page, blocked);
    await page.goto(`${shop.url}/?cs=${encodeURIComponent(pi.client_secret!)}&locale=${locale}`);
    await page.locator('[data-testid="pay"][data-ready="true"]').waitFor();
    return { page, pi };
  }

  async function fillCard(page: Page, number: string) {
    await page.locator('input[name="cardnumber"]').fill(number);
    await page.locator('input[name="exp-date"]').fill("1240");
    await page.locator('input[name="cvc"]').fill("123");
  }

  it("4242 succeeds without a redirect", async () => {
    const { page, pi } = await openPay();
    await page.screenshot({ path: `${SHOTS}/elements-form.png` });
    await fillCard(page, "4242424242424242");
    await page.getByTestId("pay").click();
    await expect(page.getByTestId("status").textContent()).resolves.toBe("succeeded");
    expect((await em.stripe.paymentIntents.retrieve(pi.id)).status).toBe("succeeded");
    await page.close();
  });

  it("0002 shows the decline message", async () => {
    const { page, pi } = await openPay();
    await fillCard(page, "4000000000000002");
    await page.getByTestId("pay").click();
    await expect(page.getByTestId("error").textContent()).resolves.toBe("Your card was declined.");
    await expect(page.getByTestId("error-raw").textContent()).resolves.toBe(
      "card_declined|generic_decline|Your card was declined.",
    );
    expect((await em.stripe.paymentIntents.retrieve(pi.id)).status).toBe("requires_payment_method");
    await page.close();
  });

  it("9995 reports insufficient funds", async () => {
    const { page } = await openPay();
    await fillCard(page, "4000 0000 0000 9995");
    await page.getByTestId("pay").click();
    await expect(page.getByTestId("error-raw").textContent()).resolves.toBe(
      "card_declined|insufficient_funds|Your card has insufficient funds.",
    );
    await page.close();
  });

  it("3155 opens the 3-D Secure modal; Complete resolves to succeeded", async () => {
    const { page, pi } = await openPay();
    await fillCard(page, "4000002500003155");
    await page.getByTestId("pay").click();
    const modal = page.getByTestId("stripe-3ds-modal");
    await modal.waitFor();
    await page.screenshot({ path: `${SHOTS}/elements-3ds-modal.png` });
    await modal.getByRole("button", { name: "Complete" }).click();
    await expect(page.getByTestId("status").textContent()).resolves.toBe("succeeded");
    expect((await em.stripe.paymentIntents.retrieve(pi.id)).status).toBe("succeeded");
    await page.close();
  });

  it("3155 then Fail returns payment_intent_authentication_failure", async () => {
    const { page } = await openPay();
    await fillCard(page, "4000002500003155");
    await page.getByTestId("pay").click();
    await page.getByTestId("stripe-3ds-modal").getByRole("button", { name: "Fail" }).click();
    await expect(page.getByTestId("error-raw").textContent()).resolves.toMatch(
      /^payment_intent_authentication_failure\|/,
    );
    await page.close();
  });

  it("validates incomplete fields through elements.submit() and renders Portuguese labels for pt-BR", async () => {
    const { page } = await openPay("pt-BR");
    expect(await page.locator("label").allTextContents()).toEqual([
      "Número do cartão",
      "Data de validade",
      "Código de segurança",
    ]);
    await page.locator('input[name="cardnumber"]').fill("4242");
    await page.getByTestId("pay").click();
    await expect(page.getByTestId("error").textContent()).resolves.toBe("O número do cartão está incompleto.");
    await page.screenshot({ path: `${SHOTS}/elements-pt-BR.png` });
    await page.close();
  });
});
