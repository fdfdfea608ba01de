// Platform invoices paid by PIX at the platform's own gateway (the simulator's PushinPay here): an
// open BRL plan invoice from the Stripe emulator gets a dynamic charge for its exact amount; the
// simulator pays it; the gateway's webhook through the real route — or, when the webhook is lost,
// the reconciler — marks the invoice paid once and Stripe hears it was paid out of band. Repeated
// webhooks and a reconciler run after the webhook change nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { sellerWithStore } from "../support/seller";
import { useStripeEmulator } from "../support/stripe";
import { callRoute, startReceiver, usePixSimulator } from "../pix/support";
import { POST as webhookRoute } from "@/app/api/webhooks/pix/[gateway]/[token]/route";
import { prisma } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env/server";
import { platformInvoicePix } from "@/lib/invoices/pix";
import { reconcilePlatformPixCharges } from "@/lib/invoices/platform-pix";
import { isValidBrCode } from "@/lib/pix/brcode";
import { clearTokenCache } from "@/lib/pix/token-cache";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";
import { syncStripeEvents } from "@/lib/webhooks/stripe/sync";

const TOKEN = "test_platform_pix_webhook_token_01";

describe("platform invoices paid at the platform's PIX gateway", () => {
  useTestDatabase();
  const stripe = useStripeEmulator();
  const pix = usePixSimulator();
  let priceId: string;

  beforeAll(async () => {
    process.env.PLATFORM_PIX_GATEWAY = "pushinpay";
    process.env.PLATFORM_PIX_GATEWAY_CREDENTIALS = JSON.stringify({ token: "sim_pushinpay_token_0001" });
    process.env.PLATFORM_PIX_WEBHOOK_TOKEN = TOKEN;
    process.env.RATE_LIMIT_WEBHOOK = "10000/minute";
    resetEnvCache();
    resetRateLimiters();
    clearTokenCache();
    const price = await stripe().stripe.prices.create({
      currency: "brl",
      unit_amount: 4900,
      recurring: { interval: "month" },
      product_data: { name: "Vitrine Starter" },
    });
    priceId = price.id;
    return () => {
      delete process.env.PLATFORM_PIX_GATEWAY;
      delete process.env.PLATFORM_PIX_GATEWAY_CREDENTIALS;
      delete process.env.PLATFORM_PIX_WEBHOOK_TOKEN;
      resetEnvCache();
    };
  });

  /** A seller whose renewal failed at Stripe: one open BRL platform invoice of R$ 49,00. */
  async function openPlanInvoice(tag: string) {
    const { store } = await sellerWithStore();
    const s = stripe().stripe;
    const customer = await s.customers.create({ email: `platform-pix-${tag}@example.com` });
    await prisma.store.update({ where: { id: store.id }, data: { platformCustomerId: customer.id } });
    const failing = await s.paymentMethods.attach("pm_card_chargeCustomerFail", { customer: customer.id });
    await s.subscriptions
      .create({
        customer: customer.id,
        items: [{ price: priceId }],
        default_payment_method: failing.id,
        payment_behavior: "allow_incomplete",
      })
      .catch(() => null);
    await syncStripeEvents({ lookbackMinutes: 60 * 24 * 90 });
    const open = await prisma.invoice.findFirstOrThrow({ where: { storeId: store.id, issuer: "PLATFORM" } });
    expect(open).toMatchObject({ status: "open", amountDue: 4900, currency: "BRL" });
    return open;
  }

  const paidAudits = (invoiceId: string) =>
    prisma.auditLog.count({ where: { targetId: invoiceId, action: "invoice.paid" } });

  it("the gateway's webhook through the real route marks the invoice paid once; repeats and the reconciler change nothing", async () => {
    const open = await openPlanInvoice("webhook");
    const code = await platformInvoicePix({ invoiceId: open.id });
    expect(code).toMatchObject({ source: "platform_gateway", amountMinor: 4900, txid: null });
    expect(isValidBrCode(code!.brCode)).toBe(true);
    // Asked again (the page, the PDF, a reminder): the same charge, not a second one.
    expect((await platformInvoicePix({ invoiceId: open.id }))!.chargeId).toBe(code!.chargeId);
    const charge = await prisma.platformPixCharge.findUniqueOrThrow({ where: { id: code!.chargeId! } });
    expect(charge).toMatchObject({ amountCentavos: 4900, status: "pending", gateway: "pushinpay" });
    expect(charge.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 86_400_000);
    // No PixCharge of the seller's: the platform's money never shows in the store's PIX list.
    expect(await prisma.pixCharge.count({ where: { storeId: open.storeId } })).toBe(0);

    const { delivery } = await pix.sim().markPaid("pushinpay", charge.transactionId!);
    expect(delivery?.status).toBe(200);
    const hook = pix.forwarded.at(-1)!;
    expect(hook.path).toBe(`/api/webhooks/pix/pushinpay/${TOKEN}`);
    expect(hook.body).toMatchObject({ received: true, outcome: "accepted" });
    const paid = await prisma.invoice.findUniqueOrThrow({ where: { id: open.id } });
    expect(paid).toMatchObject({ status: "paid", paymentMethod: "pix", amountPaid: 4900, amountDue: 0 });
    expect((await stripe().stripe.invoices.retrieve(open.stripeInvoiceId!)).status).toBe("paid");

    // The gateway retries its webhook; the reconciler runs later anyway.
    pix.sim().advanceClock(61_000);
    const again = await callRoute(webhookRoute, {
      raw: hook.request.body,
      contentType: hook.request.contentType,
      params: { gateway: "pushinpay", token: TOKEN },
    });
    expect(again.status).toBe(200);
    pix.sim().advanceClock(61_000);
    await reconcilePlatformPixCharges({ now: new Date(Date.now() + 20 * 60_000) });
    await syncStripeEvents({ lookbackMinutes: 60 * 24 * 90 });
    expect(await paidAudits(open.id)).toBe(1);
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: open.id } })).toMatchObject({
      status: "paid",
      paymentMethod: "pix",
      paidAt: paid.paidAt,
    });
    expect(await platformInvoicePix({ invoiceId: open.id })).toBeNull();
  });

  it("a lost webhook: the reconciler finds the payment at the gateway and marks the invoice paid once", async () => {
    const open = await openPlanInvoice("reconciler");
    const code = await platformInvoicePix({ invoiceId: open.id });
    const charge = await prisma.platformPixCharge.findUniqueOrThrow({ where: { id: code!.chargeId! } });
    const lost = await startReceiver();
    try {
      pix.sim().charge("pushinpay", charge.transactionId!)!.webhookUrl = `${lost.url}/lost`;
      await pix.sim().markPaid("pushinpay", charge.transactionId!);
      expect(lost.received).toHaveLength(1);
    } finally {
      await lost.close();
    }
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("open");

    // Not due yet: nothing is read.
    expect((await reconcilePlatformPixCharges()).checked).toBe(0);
    pix.sim().advanceClock(61_000);
    const later = new Date(Date.now() + 3 * 60_000);
    const first = await reconcilePlatformPixCharges({ now: later });
    expect(first).toMatchObject({ checked: 1, paid: 1 });
    const second = await reconcilePlatformPixCharges({ now: new Date(later.getTime() + 20 * 60_000) });
    expect(second.checked).toBe(0);
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: open.id } })).toMatchObject({
      status: "paid",
      paymentMethod: "pix",
      amountPaid: 4900,
    });
    expect(await paidAudits(open.id)).toBe(1);
    expect((await stripe().stripe.invoices.retrieve(open.stripeInvoiceId!)).status).toBe("paid");
  });

  it("a webhook naming no charge of ours, or on a wrong token, pays nothing", async () => {
    const open = await openPlanInvoice("forged");
    await platformInvoicePix({ invoiceId: open.id });
    const forged = JSON.stringify({ id: "not-ours", status: "paid", value: 4900 });
    const r = await callRoute(webhookRoute, { raw: forged, params: { gateway: "pushinpay", token: TOKEN } });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ outcome: "ignored" });
    const wrong = await callRoute(webhookRoute, {
      raw: forged,
      params: { gateway: "pushinpay", token: "test_platform_pix_webhook_token_02" },
    });
    expect(wrong.status).toBe(404);
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("open");
  });
});
