// Buying credits through the real routes and the Stripe emulator, with the emulator's webhooks
// delivered to the real platform webhook route: credited once, failures recorded, saved cards.
import { describe, expect, it } from "vitest";
import type Stripe from "stripe";
import { useTestDatabase } from "../support/db";
import { usePlatformWebhooks, waitFor } from "../webhooks/support";
import { creditWrites, packageOf, params, seller } from "./support";
import { prisma } from "@/lib/db/client";
import { verifyCreditLedger } from "@/lib/credits/ledger";
import { POST as purchasesRoute } from "@/app/api/v1/credits/purchases/route";
import { GET as purchaseRoute } from "@/app/api/v1/credits/purchases/[id]/route";
import { POST as confirmRoute } from "@/app/api/v1/credits/confirm/route";
import { GET as balanceRoute } from "@/app/api/v1/credits/balance/route";
import { GET as packagesRoute } from "@/app/api/v1/credits/packages/route";
import { GET as paymentMethodsRoute } from "@/app/api/v1/credits/payment-methods/route";
import { GET as paymentMethodRoute } from "@/app/api/v1/credits/payment-methods/[id]/route";

const SECRET = "whsec_credits_platform";

describe("credit purchases on the platform account", () => {
  useTestDatabase();
  const { stripe } = usePlatformWebhooks(SECRET);

  async function balanceOf(call: Awaited<ReturnType<typeof seller>>["call"]) {
    return (await (await balanceRoute(call("/api/v1/credits/balance"), params())).json()) as {
      balance: number;
      held: number;
    };
  }

  it("lists packages in the store's currency with the custom-amount rules", async () => {
    const usd = await seller("USD");
    const body = await (await packagesRoute(usd.call("/api/v1/credits/packages"), params())).json();
    expect(
      body.packages.map((p: { slug: string; credits: number; amount: number; currency: string }) => [
        p.slug,
        p.credits,
        p.amount,
        p.currency,
      ]),
    ).toEqual([
      ["basic", 100, 1000, "USD"],
      ["standard", 500, 4500, "USD"],
    ]);
    expect(body.custom).toEqual({ currency: "USD", creditsPerUnit: 10, minAmount: 500, maxAmount: 100000 });
    const brl = await seller("BRL");
    const brlBody = await (await packagesRoute(brl.call("/api/v1/credits/packages"), params())).json();
    expect(brlBody.packages.map((p: { amount: number; currency: string }) => `${p.amount} ${p.currency}`)).toEqual([
      "5000 BRL",
      "22500 BRL",
    ]);
    expect(brlBody.custom.creditsPerUnit).toBe(2);
  });

  it("creates the PaymentIntent on the platform with the package's amount, credits once (webhook, confirm, re-sent event)", async () => {
    const s = await seller("USD");
    const basic = await packageOf("USD", "basic");
    const res = await purchasesRoute(
      s.call("/api/v1/credits/purchases", "POST", { packageId: basic.id }, { "idempotency-key": "attempt-1" }),
      params(),
    );
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created.purchase).toMatchObject({
      status: "PENDING",
      credits: 100,
      amount: 1000,
      currency: "USD",
      packageId: basic.id,
    });
    expect(created.clientSecret).toMatch(/^pi_.+_secret_/);
    expect(created.publishableKey).toMatch(/^pk_test_/);
    // The same attempt key returns the same purchase and PaymentIntent.
    const again = await (
      await purchasesRoute(
        s.call("/api/v1/credits/purchases", "POST", { packageId: basic.id }, { "idempotency-key": "attempt-1" }),
        params(),
      )
    ).json();
    expect(again.purchase.id).toBe(created.purchase.id);
    expect(again.purchase.paymentIntentId).toBe(created.purchase.paymentIntentId);

    const piId: string = created.purchase.paymentIntentId;
    const pi = await stripe().stripe.paymentIntents.retrieve(piId); // platform: no Stripe-Account header
    const storeRow = await prisma.store.findUniqueOrThrow({ where: { id: s.store.id } });
    expect(pi).toMatchObject({
      amount: 1000,
      currency: "usd",
      customer: storeRow.platformCustomerId,
      metadata: {
        vitrinePurpose: "credits",
        storeId: s.store.id,
        purchaseId: created.purchase.id,
        packageId: basic.id,
        credits: "100",
      },
    });

    // Not paid yet: confirm answers 409 with the PaymentIntent's status, and nothing is credited.
    const early = await confirmRoute(s.call("/api/v1/credits/confirm", "POST", { paymentIntentId: piId }), params());
    expect(early.status).toBe(409);
    expect((await early.json()).error).toMatchObject({
      code: "payment_not_succeeded",
      details: { status: "requires_payment_method" },
    });
    expect(await balanceOf(s.call)).toMatchObject({ balance: 0 });

    await stripe().stripe.paymentIntents.confirm(piId, { payment_method: "pm_card_visa" });
    await waitFor(
      async () =>
        (await prisma.creditPurchase.findUniqueOrThrow({ where: { id: created.purchase.id } })).status === "SUCCEEDED",
    );
    const confirmed = await confirmRoute(
      s.call("/api/v1/credits/confirm", "POST", { paymentIntentId: piId }),
      params(),
    );
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toMatchObject({ credited: false, purchase: { status: "SUCCEEDED", credits: 100 } });

    const succeeded = (await stripe().stripe.events.list({ type: "payment_intent.succeeded", limit: 20 })).data.find(
      (e) => (e.data.object as Stripe.PaymentIntent).id === piId,
    )!;
    await stripe().controls.resendEvent(succeeded.id);
    await new Promise((r) => setTimeout(r, 300));
    expect(await balanceOf(s.call)).toMatchObject({ balance: 100, held: 0 });
    const entries = await prisma.creditLedgerEntry.findMany({ where: { storeId: s.store.id } });
    expect(entries.map((e) => [e.seq, e.kind, e.amount, e.balanceAfter, e.reference])).toEqual([
      [1, "PURCHASE", 100, 100, piId],
    ]);
    expect(
      await prisma.auditLog.count({ where: { action: "credits.purchase_credited", targetId: created.purchase.id } }),
    ).toBe(1);
    const polled = await (
      await purchaseRoute(
        s.call(`/api/v1/credits/purchases/${created.purchase.id}`),
        params({ id: created.purchase.id }),
      )
    ).json();
    expect(polled.purchase).toMatchObject({ status: "SUCCEEDED", creditedAt: expect.any(String) });
    expect((await verifyCreditLedger(s.store.id)).ok).toBe(true);
  });

  it("buys a custom amount at the server's rate; the client cannot send credits or an amount with a package", async () => {
    const s = await seller("BRL");
    const res = await purchasesRoute(s.call("/api/v1/credits/purchases", "POST", { amount: 3_000 }), params());
    expect(res.status).toBe(201);
    expect((await res.json()).purchase).toMatchObject({ credits: 60, amount: 3000, currency: "BRL", packageId: null });
    const basic = await packageOf("BRL", "basic");
    for (const body of [
      { packageId: basic.id, amount: 1 },
      { packageId: basic.id, credits: 100000 },
      { amount: 3000, credits: 1 },
    ]) {
      const bad = await purchasesRoute(s.call("/api/v1/credits/purchases", "POST", body), params());
      expect(bad.status).toBe(422);
    }
  });

  it("records a declined payment with its code and message; insufficient funds too; balance unchanged", async () => {
    const s = await seller("USD");
    const basic = await packageOf("USD", "basic");
    for (const [pm, code] of [
      ["pm_card_chargeDeclined", "generic_decline"],
      ["pm_card_chargeDeclinedInsufficientFunds", "insufficient_funds"],
    ] as const) {
      const created = await (
        await purchasesRoute(s.call("/api/v1/credits/purchases", "POST", { packageId: basic.id }), params())
      ).json();
      await stripe()
        .stripe.paymentIntents.confirm(created.purchase.paymentIntentId, { payment_method: pm })
        .catch(() => null);
      const failed = await waitFor(async () => {
        const p = await prisma.creditPurchase.findUniqueOrThrow({ where: { id: created.purchase.id } });
        return p.status === "FAILED" && p;
      });
      expect(failed.failureCode).toBe(code);
      expect(failed.failureMessage).toBeTruthy();
      const confirm = await confirmRoute(
        s.call("/api/v1/credits/confirm", "POST", { paymentIntentId: created.purchase.paymentIntentId }),
        params(),
      );
      expect(confirm.status).toBe(409);
      expect((await confirm.json()).error.details).toMatchObject({
        status: "requires_payment_method",
        purchaseStatus: "FAILED",
        failureCode: code,
      });
      expect(
        await prisma.auditLog.count({ where: { action: "credits.purchase_failed", targetId: created.purchase.id } }),
      ).toBe(1);
    }
    expect(await balanceOf(s.call)).toMatchObject({ balance: 0 });
    expect(await prisma.creditLedgerEntry.count({ where: { storeId: s.store.id } })).toBe(0);
  });

  it("saves the card, lists it, pays with it (succeeded at once), and refuses another store's card", async () => {
    const s = await seller("USD");
    const basic = await packageOf("USD", "basic");
    expect(
      (await (await paymentMethodsRoute(s.call("/api/v1/credits/payment-methods"), params())).json()).paymentMethods,
    ).toEqual([]);
    const first = await (
      await purchasesRoute(
        s.call("/api/v1/credits/purchases", "POST", { packageId: basic.id, savePaymentMethod: true }),
        params(),
      )
    ).json();
    await stripe().stripe.paymentIntents.confirm(first.purchase.paymentIntentId, { payment_method: "pm_card_visa" });
    const { paymentMethods } = await waitFor(async () => {
      const b = await (await paymentMethodsRoute(s.call("/api/v1/credits/payment-methods"), params())).json();
      return b.paymentMethods.length > 0 && b;
    });
    expect(paymentMethods[0]).toMatchObject({
      id: expect.stringMatching(/^pm_/),
      brand: "visa",
      last4: "4242",
      expMonth: expect.any(Number),
      expYear: expect.any(Number),
    });
    const one = await paymentMethodRoute(
      s.call(`/api/v1/credits/payment-methods/${paymentMethods[0].id}`),
      params({ id: paymentMethods[0].id }),
    );
    expect((await one.json()).paymentMethod.last4).toBe("4242");

    const saved = await purchasesRoute(
      s.call("/api/v1/credits/purchases", "POST", { packageId: "standard", paymentMethodId: paymentMethods[0].id }),
      params(),
    );
    expect(saved.status).toBe(201);
    expect((await saved.json()).purchase).toMatchObject({ status: "SUCCEEDED", credits: 500 });
    await waitFor(async () => (await balanceOf(s.call)).balance === 600);

    const other = await seller("USD");
    const before = await creditWrites(other.store.id);
    const stolen = await purchasesRoute(
      other.call("/api/v1/credits/purchases", "POST", { packageId: "basic", paymentMethodId: paymentMethods[0].id }),
      params(),
    );
    expect(stolen.status).toBe(404);
    expect(
      (
        await paymentMethodRoute(
          other.call(`/api/v1/credits/payment-methods/${paymentMethods[0].id}`),
          params({ id: paymentMethods[0].id }),
        )
      ).status,
    ).toBe(404);
    expect(await creditWrites(other.store.id)).toEqual(before);
  });

  it("a saved card that declines answers FAILED with the decline; one that needs 3-D Secure answers REQUIRES_ACTION, then succeeds", async () => {
    const s = await seller("USD");
    const customer =
      (await (
        await purchasesRoute(s.call("/api/v1/credits/purchases", "POST", { packageId: "basic" }), params())
      ).json()) && (await prisma.store.findUniqueOrThrow({ where: { id: s.store.id } })).platformCustomerId!;
    const declining = await stripe().stripe.paymentMethods.attach("pm_card_chargeCustomerFail", { customer });
    const declined = await (
      await purchasesRoute(
        s.call("/api/v1/credits/purchases", "POST", { packageId: "basic", paymentMethodId: declining.id }),
        params(),
      )
    ).json();
    expect(declined.purchase).toMatchObject({
      status: "FAILED",
      failureCode: expect.any(String),
      failureMessage: expect.any(String),
    });
    const threeDs = await stripe().stripe.paymentMethods.attach("pm_card_authenticationRequired", { customer });
    const pending = await (
      await purchasesRoute(
        s.call("/api/v1/credits/purchases", "POST", { packageId: "basic", paymentMethodId: threeDs.id }),
        params(),
      )
    ).json();
    expect(pending.purchase.status).toBe("REQUIRES_ACTION");
    expect(pending.clientSecret).toBeTruthy();
    await stripe().controls.authenticate(pending.purchase.paymentIntentId, "complete");
    const done = await waitFor(async () => {
      const b = await (
        await purchaseRoute(
          s.call(`/api/v1/credits/purchases/${pending.purchase.id}`),
          params({ id: pending.purchase.id }),
        )
      ).json();
      return b.purchase.status === "SUCCEEDED" && b.purchase;
    });
    expect(done.credits).toBe(100);
    expect(await balanceOf(s.call)).toMatchObject({ balance: 100 });
  });
});
