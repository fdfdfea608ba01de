// Connect onboarding, catalog and buyer payments through the real SDK against the emulator.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { useStripeEmulator } from "../support/stripe";
import { APP, sellerWithStore, sellingSeller, systemCtx } from "../support/seller";
import {
  createAccountLink,
  createConnectedAccount,
  CreateAccountInput,
  refreshAccountStatus,
} from "@/lib/connect/accounts";
import { createProduct, setPriceActive, updateProduct, listProducts } from "@/lib/catalog/products";
import { CreateProductInput } from "@/lib/catalog/schemas";
import { createCheckoutSession, CreateCheckoutSessionInput } from "@/lib/checkout/create-checkout-session";
import { createPaymentIntent } from "@/lib/checkout/create-payment-intent";
import { BuyerInput } from "@/lib/checkout/sellable";
import { refreshOrderFromStripe } from "@/lib/checkout/orders";
import { createBuyerPortalSession } from "@/lib/checkout/portal";
import { prisma } from "@/lib/db/client";

const system = systemCtx;

describe("Connect, catalog and checkout", () => {
  useTestDatabase();
  const stripe = useStripeEmulator();

  async function onboardedSeller(domain?: string) {
    const s = await sellingSeller(stripe(), {
      domain,
      account: { email: "seller@example.com" },
      productName: "Caneca",
      prices: [
        { unitAmount: 8990, currency: "brl" },
        { unitAmount: 4990, currency: "BRL", type: "recurring", interval: "month", trialDays: 7 },
      ],
    });
    expect(s.returnedTo).toBe(`${APP}/dashboard/connect?returned=1`);
    return {
      ...s,
      oneTime: s.product.prices.find((p) => p.type === "ONE_TIME")!,
      monthly: s.product.prices.find((p) => p.type === "RECURRING")!,
    };
  }

  it("onboards an Express account: nothing enabled until the seller completes the hosted form", async () => {
    const s = await sellerWithStore({ domain: "https://loja.example" });
    const created = await createConnectedAccount(
      s.store,
      CreateAccountInput.parse({ country: "br", businessType: "individual" }),
      s.audit,
    );
    expect(created).toMatchObject({ chargesEnabled: false, payoutsEnabled: false, detailsSubmitted: false });
    expect(created.requirementsDue.length).toBeGreaterThan(0);
    const onStripe = await stripe().stripe.accounts.retrieve(created.accountId);
    expect(onStripe.type).toBe("express");
    expect(onStripe.metadata?.storeId).toBe(s.store.id);
    await expect(createConnectedAccount(s.store, CreateAccountInput.parse({}), s.audit)).rejects.toMatchObject({
      code: "already_exists",
      status: 409,
    });
    const link = await createAccountLink(s.store.id, "account_onboarding", APP);
    expect(await stripe().completeOnboarding(link.url)).toBe(`${APP}/dashboard/connect?returned=1`);
    const refreshed = await refreshAccountStatus(s.store.id, s.audit);
    expect(refreshed).toMatchObject({
      chargesEnabled: true,
      payoutsEnabled: true,
      detailsSubmitted: true,
      requirementsDue: [],
    });
  });

  it("keeps requirements due when the seller leaves them, and says the store cannot sell", async () => {
    const s = await sellerWithStore();
    await createConnectedAccount(s.store, CreateAccountInput.parse({}), s.audit);
    const link = await createAccountLink(s.store.id, "account_onboarding", APP);
    await stripe().completeOnboarding(link.url, "leave_due");
    const status = await refreshAccountStatus(s.store.id, s.audit);
    expect(status.chargesEnabled).toBe(false);
    expect(status.requirementsDue.length).toBeGreaterThan(0);
    const product = await createProduct(
      s.store.id,
      CreateProductInput.parse({ name: "X", prices: [{ unitAmount: 1000, currency: "BRL" }] }),
      s.audit,
    );
    await expect(
      createCheckoutSession(s.store.id, CreateCheckoutSessionInput.parse({ priceId: product.prices[0]!.id }), {
        appUrl: APP,
        audit: system,
      }),
    ).rejects.toMatchObject({ code: "charges_not_enabled", status: 409 });
    expect(await prisma.order.count({ where: { storeId: s.store.id } })).toBe(0);
  });

  it("creates products and prices on the connected account only", async () => {
    const s = await onboardedSeller();
    const account = (await prisma.stripeAccount.findUniqueOrThrow({ where: { storeId: s.store.id } })).accountId;
    const onAccount = await stripe().stripe.products.retrieve(s.product.stripeProductId!, undefined, {
      stripeAccount: account,
    });
    expect(onAccount.name).toBe("Caneca");
    await expect(stripe().stripe.products.retrieve(s.product.stripeProductId!)).rejects.toMatchObject({
      statusCode: 404,
    });
    const monthly = await stripe().stripe.prices.retrieve(s.monthly.stripePriceId!, undefined, {
      stripeAccount: account,
    });
    expect(monthly).toMatchObject({ unit_amount: 4990, currency: "brl", recurring: { interval: "month" } });
    await updateProduct(s.store.id, s.product.id, { name: "Caneca grande", active: false }, s.audit);
    expect(
      (await stripe().stripe.products.retrieve(s.product.stripeProductId!, undefined, { stripeAccount: account }))
        .active,
    ).toBe(false);
    expect(await listProducts(s.store.id, { status: "active" })).toHaveLength(0);
    expect((await listProducts(s.store.id, { status: "archived", q: "grande" }))[0]?.name).toBe("Caneca grande");
  });

  it("sells a one-time price through hosted Checkout with the platform fee, once per idempotency key", async () => {
    const s = await onboardedSeller();
    const input = CreateCheckoutSessionInput.parse({
      priceId: s.oneTime.id,
      quantity: 2,
      orderId: "pedido-42",
      customerEmail: "buyer@example.com",
    });
    const first = await createCheckoutSession(s.store.id, input, {
      appUrl: APP,
      idempotencyKey: "idem-1",
      audit: system,
    });
    const again = await createCheckoutSession(s.store.id, input, {
      appUrl: APP,
      idempotencyKey: "idem-1",
      audit: system,
    });
    expect(again.sessionId).toBe(first.sessionId);
    expect(await prisma.order.count({ where: { storeId: s.store.id } })).toBe(1);
    expect(first.order).toMatchObject({
      status: "PENDING",
      amountTotal: 17980,
      currency: "BRL",
      // No plan chosen: Free's 4.99 % + R$ 0,50 (897.2 → 897, + 50).
      applicationFeeAmount: 947,
      externalOrderId: "pedido-42",
    });
    const session = await stripe().stripe.checkout.sessions.retrieve(
      first.sessionId,
      { expand: ["line_items"] },
      { stripeAccount: first.order.stripeAccountId },
    );
    expect(session).toMatchObject({
      mode: "payment",
      client_reference_id: "pedido-42",
      metadata: { vitrineOrderId: first.order.id, orderId: "pedido-42" },
    });
    expect(session.line_items?.data[0]?.quantity).toBe(2);
    expect(session.success_url).toBe(`${APP}/receipt/${first.order.id}?session_id={CHECKOUT_SESSION_ID}`);

    await stripe().controls.completeCheckout(first.sessionId, { card: "4242424242424242" });
    const paid = await refreshOrderFromStripe(first.order.id, system);
    expect(paid.status).toBe("PAID");
    expect(paid.paymentIntentId).toMatch(/^pi_/);
    const fees = await stripe().stripe.applicationFees.list({ limit: 10 });
    expect(
      fees.data.find(
        (f) =>
          f.account === first.order.stripeAccountId ||
          (typeof f.account === "object" && f.account?.id === first.order.stripeAccountId),
      )?.amount,
    ).toBe(947);
  });

  it("sells a recurring price as a subscription with trial and fee percent", async () => {
    const s = await onboardedSeller();
    const res = await createCheckoutSession(s.store.id, CreateCheckoutSessionInput.parse({ priceId: s.monthly.id }), {
      appUrl: APP,
      audit: system,
    });
    const session = await stripe().stripe.checkout.sessions.retrieve(res.sessionId, undefined, {
      stripeAccount: res.order.stripeAccountId,
    });
    expect(session.mode).toBe("subscription");
    await stripe().controls.completeCheckout(res.sessionId, { card: "4242424242424242", email: "sub@example.com" });
    const paid = await refreshOrderFromStripe(res.order.id, system);
    // No plan chosen: Free's 4.99 % (a subscription takes only the percentage).
    expect(paid).toMatchObject({ status: "PAID", applicationFeePercentBps: 499 });
    const sub = await stripe().stripe.subscriptions.retrieve(paid.subscriptionId!, undefined, {
      stripeAccount: res.order.stripeAccountId,
    });
    expect(sub.status).toBe("trialing");
    expect(sub.application_fee_percent).toBe(4.99);
    // The buyer manages it from the receipt: a customer portal session on the seller's account.
    const portal = await createBuyerPortalSession(res.order.id, APP);
    expect(portal.url).toMatch(/\/portal\//);
    await expect(
      createBuyerPortalSession(
        (
          await createCheckoutSession(s.store.id, CreateCheckoutSessionInput.parse({ priceId: s.oneTime.id }), {
            appUrl: APP,
            audit: system,
          })
        ).order.id,
        APP,
      ),
    ).rejects.toMatchObject({ status: 409 });
  });

  it("refuses bad buyer input with stable codes and creates nothing", async () => {
    const s = await onboardedSeller("https://loja.example");
    const other = await onboardedSeller();
    const count = () => prisma.order.count({ where: { storeId: s.store.id } });
    await expect(
      createCheckoutSession(s.store.id, CreateCheckoutSessionInput.parse({ priceId: other.oneTime.id }), {
        appUrl: APP,
        audit: system,
      }),
    ).rejects.toMatchObject({ code: "not_found", status: 404 });
    await expect(
      createCheckoutSession(s.store.id, CreateCheckoutSessionInput.parse({ priceId: s.oneTime.id, currency: "usd" }), {
        appUrl: APP,
        audit: system,
      }),
    ).rejects.toMatchObject({ code: "currency_mismatch", status: 422 });
    await expect(
      createCheckoutSession(
        s.store.id,
        CreateCheckoutSessionInput.parse({ priceId: s.oneTime.id, successUrl: "https://evil.example/steal" }),
        { appUrl: APP, audit: system },
      ),
    ).rejects.toMatchObject({ code: "url_not_allowed", param: "successUrl" });
    expect(BuyerInput.safeParse({ priceId: s.oneTime.id, quantity: 0 }).success).toBe(false);
    expect(BuyerInput.safeParse({ priceId: s.oneTime.id, quantity: 10_000 }).success).toBe(false);
    await setPriceActive(s.store.id, s.oneTime.id, false, s.audit);
    await expect(
      createCheckoutSession(s.store.id, CreateCheckoutSessionInput.parse({ priceId: s.oneTime.id }), {
        appUrl: APP,
        audit: system,
      }),
    ).rejects.toMatchObject({ code: "price_archived", status: 409 });
    await expect(
      createPaymentIntent(s.store.id, BuyerInput.parse({ priceId: s.monthly.id }), { audit: system }),
    ).rejects.toMatchObject({ code: "price_not_one_time", status: 422 });
    expect(await count()).toBe(0);
    const ok = await createCheckoutSession(
      s.store.id,
      CreateCheckoutSessionInput.parse({ priceId: s.monthly.id, successUrl: "https://loja.example/obrigado" }),
      { appUrl: APP, audit: system },
    );
    expect(ok.order.successUrl).toBe("https://loja.example/obrigado");
  });

  it("takes an Elements payment: declined first, then paid, and the amount is the price's", async () => {
    const s = await onboardedSeller();
    const pay = await createPaymentIntent(s.store.id, BuyerInput.parse({ priceId: s.oneTime.id }), {
      audit: system,
      idempotencyKey: "pi-1",
    });
    expect(pay).toMatchObject({ amount: 8990, currency: "BRL" });
    expect(pay.clientSecret).toMatch(/^pi_.+_secret_/);
    const again = await createPaymentIntent(s.store.id, BuyerInput.parse({ priceId: s.oneTime.id }), {
      audit: system,
      idempotencyKey: "pi-1",
    });
    expect(again.paymentIntentId).toBe(pay.paymentIntentId);
    const opts = { stripeAccount: pay.stripeAccount };
    const pi = await stripe().stripe.paymentIntents.retrieve(pay.paymentIntentId, undefined, opts);
    // Free's 4.99 % + R$ 0,50: 448.6 → 449, + 50.
    expect(pi).toMatchObject({ amount: 8990, application_fee_amount: 499 });
    await expect(
      stripe().stripe.paymentIntents.confirm(pay.paymentIntentId, { payment_method: "pm_card_chargeDeclined" }, opts),
    ).rejects.toMatchObject({ code: "card_declined" });
    expect(await refreshOrderFromStripe(pay.orderId, system)).toMatchObject({
      status: "FAILED",
      failureCode: "generic_decline",
    });
    await stripe().stripe.paymentIntents.confirm(pay.paymentIntentId, { payment_method: "pm_card_visa" }, opts);
    expect(await refreshOrderFromStripe(pay.orderId, system)).toMatchObject({ status: "PAID", failureCode: null });
  });
});
