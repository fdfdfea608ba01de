// A buyer's subscription on a connected account, its renewals driven by the emulator's clock: each
// paid renewal invoice becomes one RENEWAL order with its period, amount and fee, and the store gets
// one payment.succeeded for it (payment.failed for a declined one), whether the webhook, its
// duplicates or the recovery sync bring it. The first invoice is the Checkout order's own payment.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import type Stripe from "stripe";
import { useTestDatabase } from "../support/db";
import { APP } from "../support/seller";
import { paidOrder, postRefund, system, useCardStore, waitFor, type StoreCallback } from "./support";
import { createCheckoutSession, CreateCheckoutSessionInput } from "@/lib/checkout/create-checkout-session";
import { prisma } from "@/lib/db/client";
import { syncStripeEvents } from "@/lib/webhooks/stripe/sync";
import { ingestEvent } from "@/lib/webhooks/stripe/process";
import { GET as orderGet } from "@/app/api/v1/orders/[id]/route";

const MONTHLY = [{ unitAmount: 4990, currency: "BRL", type: "recurring" as const, interval: "month" as const }];
const DAY = 86_400_000;

const renewals = (parentId: string) =>
  prisma.order.findMany({ where: { renewalOfId: parentId }, orderBy: { periodStart: "asc" } });

const paymentCallbacks = (all: StoreCallback[], type: "payment.succeeded" | "payment.failed") =>
  all.filter((c) => c.type === type).map((c) => c.data);

describe("subscription renewals as payments", () => {
  useTestDatabase();
  const { stripe, store, callbacks } = useCardStore();

  async function subscribed(tag: string, orderId: string) {
    const s = await store(tag, { prices: MONTHLY });
    const checkout = await createCheckoutSession(
      s.store.id,
      CreateCheckoutSessionInput.parse({ priceId: s.priceId, orderId }),
      { appUrl: APP, audit: system },
    );
    await stripe().controls.completeCheckout(checkout.sessionId, {
      card: "4242424242424242",
      email: "ana@example.com",
    });
    const first = await waitFor(async () => {
      const o = await prisma.order.findUniqueOrThrow({ where: { id: checkout.order.id } });
      return o.status === "PAID" && !!o.invoiceId && o;
    });
    return { s, first };
  }

  it("the first invoice is the Checkout order; three renewals are three payments, each sent once", async () => {
    const { s, first } = await subscribed("renew", "ASSIN-1");
    expect(first).toMatchObject({
      channel: "CHECKOUT",
      amountTotal: 4990,
      subscriptionId: expect.stringMatching(/^sub_/),
    });
    expect(first.paymentIntentId).toMatch(/^pi_/);
    expect(first.periodEnd!.getTime() - first.periodStart!.getTime()).toBeGreaterThanOrEqual(28 * DAY);

    // Three months pass while the recovery sync runs over the same events as the webhooks arrive.
    let advancing = true;
    await Promise.all([
      (async () => {
        for (let i = 0; i < 3; i++) await stripe().controls.advanceClock("31d");
        advancing = false;
      })(),
      (async () => {
        while (advancing) await syncStripeEvents({ lookbackMinutes: 60 * 24 * 120 });
      })(),
    ]);
    const rows = await waitFor(async () => {
      const r = await renewals(first.id);
      return r.length === 3 && r.every((o) => o.status === "PAID") && r;
    });
    // Stripe resending them, and the same facts under new event ids all at once, change nothing.
    const invoiceEvents = await prisma.stripeEvent.findMany({
      where: { account: s.accountId, type: { in: ["invoice.paid", "invoice.payment_succeeded"] } },
    });
    expect(invoiceEvents.length).toBeGreaterThanOrEqual(6);
    for (const e of invoiceEvents) await stripe().controls.resendEvent(e.id);
    await Promise.all(
      invoiceEvents.map((e) => ingestEvent({ ...(e.payload as unknown as Stripe.Event), id: `${e.id}_copy` }, "sync")),
    );
    await new Promise((r) => setTimeout(r, 400));

    expect(await renewals(first.id)).toHaveLength(3);
    expect(new Set(rows.map((r) => r.invoiceId)).size).toBe(3);
    expect(rows.map((r) => r.invoiceId)).not.toContain(first.invoiceId);
    // Consecutive periods, each starting where the one before ended.
    expect(rows[0]!.periodStart).toEqual(first.periodEnd);
    expect(rows[1]!.periodStart).toEqual(rows[0]!.periodEnd);
    expect(rows[2]!.periodStart).toEqual(rows[1]!.periodEnd);
    for (const r of rows) {
      expect(r).toMatchObject({
        channel: "RENEWAL",
        amountTotal: 4990,
        currency: "BRL",
        externalOrderId: "ASSIN-1",
        subscriptionId: first.subscriptionId,
        customerEmail: "ana@example.com",
      });
      expect(r.applicationFeeAmount).toBeGreaterThan(0);
      expect(r.paymentIntentId).toMatch(/^pi_/);
    }

    const sent = await callbacks(s);
    const succeeded = paymentCallbacks(sent, "payment.succeeded");
    expect(succeeded.filter((d) => d.channel === "checkout").map((d) => d.vitrineOrderId)).toEqual([first.id]);
    const renewed = succeeded.filter((d) => d.channel === "renewal");
    expect(renewed.map((d) => d.invoiceId).sort()).toEqual(rows.map((r) => r.invoiceId).sort());
    expect(renewed[0]).toMatchObject({
      orderId: "ASSIN-1",
      amount: 4990,
      currency: "BRL",
      status: "paid",
      subscriptionId: first.subscriptionId,
    });
    const byInvoice = new Map(rows.map((r) => [r.invoiceId, r]));
    for (const d of renewed) {
      const row = byInvoice.get(d.invoiceId as string)!;
      expect(d.vitrineOrderId).toBe(row.id);
      expect(d.periodStart).toBe(row.periodStart!.getTime() / 1000);
      expect(d.periodEnd).toBe(row.periodEnd!.getTime() / 1000);
    }
    // subscription.updated still speaks of the subscription's own order.
    const updates = sent.filter((c) => c.type === "subscription.updated");
    expect(updates.length).toBeGreaterThan(0);
    expect(new Set(updates.map((u) => u.data.vitrineOrderId))).toEqual(new Set([first.id]));
  });

  it("a declined renewal is one payment.failed (Stripe's retry declining again sends none), then one payment.succeeded when paid", async () => {
    const { s, first } = await subscribed("decline", "ASSIN-2");
    await stripe().controls.setDefaultCard(first.stripeCustomerId!, "4000000000000002");
    await stripe().controls.advanceClock("31d");
    const failed = await waitFor(async () => {
      const [r] = await renewals(first.id);
      return r?.status === "FAILED" && r;
    });
    expect(failed).toMatchObject({ amountTotal: 4990, failureCode: expect.any(String) });
    await syncStripeEvents({ lookbackMinutes: 60 * 24 * 120 });
    expect(paymentCallbacks(await callbacks(s), "payment.failed")).toEqual([
      expect.objectContaining({ channel: "renewal", status: "failed", invoiceId: failed.invoiceId }),
    ]);

    // Stripe's retry three days later declines again (no second callback); then the buyer pays the
    // open invoice with another card (as on its hosted page).
    await stripe().controls.advanceClock("3d");
    const invoice = await stripe().stripe.invoices.retrieve(failed.invoiceId!, undefined, {
      stripeAccount: s.accountId,
    });
    expect(invoice.attempt_count).toBe(2);
    const card = await stripe().controls.setDefaultCard(first.stripeCustomerId!, "4242424242424242");
    await stripe().stripe.invoices.pay(failed.invoiceId!, { payment_method: card.id }, { stripeAccount: s.accountId });
    const paid = await waitFor(async () => {
      const [r] = await renewals(first.id);
      return r?.status === "PAID" && r;
    });
    expect(paid.id).toBe(failed.id);
    expect(paid.failureCode).toBeNull();
    const sent = await callbacks(s);
    expect(paymentCallbacks(sent, "payment.failed")).toHaveLength(1);
    expect(paymentCallbacks(sent, "payment.succeeded").filter((d) => d.channel === "renewal")).toEqual([
      expect.objectContaining({ invoiceId: failed.invoiceId, vitrineOrderId: failed.id, status: "paid" }),
    ]);
  });

  it("with every webhook dropped, the recovery sync alone records each renewal once", async () => {
    const { s, first } = await subscribed("sync", "ASSIN-3");
    await stripe().controls.pauseWebhooks("drop");
    await stripe().controls.advanceClock("31d");
    await stripe().controls.advanceClock("31d");
    await new Promise((r) => setTimeout(r, 200));
    expect(await renewals(first.id)).toHaveLength(0);

    const report = await syncStripeEvents({ lookbackMinutes: 60 * 24 * 120 });
    expect(report.failed).toBe(0);
    const rows = await renewals(first.id);
    expect(rows.map((r) => r.status)).toEqual(["PAID", "PAID"]);

    await syncStripeEvents({ lookbackMinutes: 60 * 24 * 120 });
    await stripe().controls.resumeWebhooks();
    expect(await renewals(first.id)).toHaveLength(2);
    const renewed = paymentCallbacks(await callbacks(s), "payment.succeeded").filter((d) => d.channel === "renewal");
    expect(renewed.map((d) => d.vitrineOrderId).sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it("a renewal is refunded like any order; one-time orders are untouched by invoice events", async () => {
    const { s, first } = await subscribed("refund-renewal", "ASSIN-4");
    const oneTime = await store("one-time");
    const plain = await paidOrder(stripe(), oneTime, "PED-PLAIN");
    await stripe().controls.advanceClock("31d");
    const [renewal] = await waitFor(async () => {
      const r = await renewals(first.id);
      return r.length === 1 && r[0]!.status === "PAID" && r;
    });
    // The API shows the renewal as an order of its own, tied to the subscription's order.
    const viewed = await orderGet(
      new NextRequest(new URL(`/api/v1/orders/${renewal!.id}`, "http://localhost:3000"), {
        headers: { authorization: `Bearer ${s.apiKey}`, "x-forwarded-for": "198.51.100.41" },
      }),
      { params: Promise.resolve({ id: renewal!.id }) },
    );
    expect(await viewed.json()).toMatchObject({
      id: renewal!.id,
      status: "PAID",
      channel: "RENEWAL",
      orderId: "ASSIN-4",
      amountTotal: 4990,
      invoiceId: renewal!.invoiceId,
      periodStart: renewal!.periodStart!.toISOString(),
      renewalOf: first.id,
    });
    const res = await postRefund(s, renewal!.id, { amount: 1990 }, "renewal-refund");
    expect(res.status).toBe(201);
    await waitFor(async () => {
      const o = await prisma.order.findUniqueOrThrow({ where: { id: renewal!.id } });
      return o.status === "PARTIALLY_REFUNDED";
    });
    const refunded = (await callbacks(s)).filter((c) => c.type === "payment.refunded").map((c) => c.data);
    expect(refunded).toEqual([
      expect.objectContaining({ vitrineOrderId: renewal!.id, refundAmount: 1990, amountRefunded: 1990 }),
    ]);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("PAID");
    expect(await prisma.order.count({ where: { renewalOfId: plain.id } })).toBe(0);
  });
});
