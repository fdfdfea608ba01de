// The proof of dunning: a failed plan renewal in the Stripe emulator, its events delivered to the
// real webhook route, the job run at each day of the schedule on the emulator's clock, the mail
// caught by the mail catcher. Unpaid, the store ends on Free and its next sale pays Free's fee; a
// payment by any route (card through Stripe's page, PIX, a voided invoice, the seller canceling)
// stops the schedule at once.
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { useMailCatcher } from "../notifications/support";
import { usePlatformWebhooks, waitFor } from "../webhooks/support";
import { advanceTo, DAY, type FailedRenewal, settle, storeWithFailedRenewal } from "./support";
import { POST as createPaymentIntentRoute } from "@/app/api/v1/payment-intents/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { syncPlanCatalog } from "@/lib/billing/catalog";
import { prisma } from "@/lib/db/client";
import { advanceDueCases } from "@/lib/dunning/advance";
import { getBillingBanner } from "@/lib/dunning/banner";
import { DUNNING_CANCEL_MARK } from "@/lib/dunning/downgrade";
import { DUNNING_SCHEDULE_KEY } from "@/lib/dunning/schedule";
import { platformInvoicePix, recordPlatformPixPayment } from "@/lib/invoices/pix";
import { metrics } from "@/lib/metrics/registry";
import { sendDueNotifications } from "@/lib/notifications/send";

const SECRET = "whsec_dunning_recovery_test";
const DUNNING_EVENTS = ["plan_payment_failed", "dunning_reminder", "dunning_downgraded"];

async function paymentsCounter(status: string, provider: string): Promise<number> {
  const m = await metrics.billing.payments.get();
  return m.values.find((v) => v.labels.status === status && v.labels.provider === provider)?.value ?? 0;
}

async function deliveries(channel: string, outcome: string): Promise<number> {
  const m = await metrics.billing.notificationDeliveries.get();
  return m.values.find((v) => v.labels.channel === channel && v.labels.outcome === outcome)?.value ?? 0;
}

/** The platform fee the emulator is told to take on a R$ 100,00 sale of the store, through the real route. */
async function feeOnNextSale(f: FailedRenewal, stripeClient: import("stripe").default): Promise<number | null> {
  const { secret } = await createApiKey(f.seller.store.id, f.seller.user.id, { name: "fee" }, f.seller.audit);
  const res = await createPaymentIntentRoute(
    new NextRequest("http://localhost:3000/api/v1/payment-intents", {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      body: JSON.stringify({ priceId: f.seller.priceId }),
    }),
    { params: Promise.resolve({}) },
  );
  expect(res.status).toBe(201);
  const body = (await res.json()) as { paymentIntentId: string; stripeAccount: string };
  const pi = await stripeClient.paymentIntents.retrieve(
    body.paymentIntentId,
    {},
    { stripeAccount: body.stripeAccount },
  );
  return pi.application_fee_amount ?? null;
}

describe("dunning on a failed plan renewal", () => {
  useTestDatabase();
  const { stripe } = usePlatformWebhooks(SECRET);
  const mail = useMailCatcher();

  beforeAll(async () => {
    process.env.RATE_LIMIT_CHECKOUT = "100000/minute";
    await syncPlanCatalog();
  });

  afterEach(async () => {
    // Each story ends its own subscriptions and cases: a later story's clock must not renew them.
    const subs = await stripe().stripe.subscriptions.list({ status: "all", limit: 100 });
    for (const sub of subs.data.filter((x) => x.status !== "canceled" && x.status !== "incomplete_expired"))
      await stripe().stripe.subscriptions.cancel(sub.id);
    await settle(stripe());
    await prisma.dunningCase.updateMany({
      where: { status: "active" },
      data: { status: "canceled", nextStepAt: null },
    });
    await prisma.platformSetting.deleteMany({ where: { key: DUNNING_SCHEDULE_KEY } });
  });

  /** The dunning mail caught for `email` (the store also gets its invoices, which are not ours to check here). */
  const dunningMailTo = (email: string) =>
    mail.to(email).filter((m) => DUNNING_EVENTS.includes(m.headers["x-vitrine-event"] ?? ""));

  /** Runs the job at `now` and sends what it queued; returns the new dunning mail to `email`. */
  async function runDay(now: Date, email: string) {
    const seen = new Set(dunningMailTo(email).map((m) => m.id));
    const report = await advanceDueCases({ now });
    await sendDueNotifications();
    return { report, mails: dunningMailTo(email).filter((m) => !seen.has(m.id)) };
  }

  it("walks every reminder of the default schedule with mail at each step and, unpaid, ends on Free with Free's fee on the next sale", async () => {
    const failedBefore = await paymentsCounter("failed", "stripe");
    const deliveredBefore = await deliveries("email", "sent");
    const caughtBefore = mail.catcher().messages().length;
    const f = await storeWithFailedRenewal(stripe(), { tag: "walk", locale: "en" });
    const email = f.seller.user.email;
    const c = f.dunningCase;
    expect(c).toMatchObject({ status: "active", step: -1, amountDue: 4900, currency: "BRL" });
    expect(f.invoice).toMatchObject({ status: "open", billing_reason: "subscription_cycle", amount_remaining: 4900 });
    expect(await prisma.platformSubscription.findUnique({ where: { storeId: f.seller.store.id } })).toMatchObject({
      status: "past_due",
    });
    expect(await feeOnNextSale(f, stripe().stripe)).toBe(549); // past_due pays Free's rate already
    const day = (d: number) => new Date(c.startedAt.getTime() + d * DAY + 60_000);

    const expected = [
      { day: 0, subjects: ["Payment for your Vitrine plan failed", "Reminder 1 of 4: your Vitrine plan is unpaid"] },
      { day: 3, subjects: ["Reminder 2 of 4: your Vitrine plan is unpaid"] },
      { day: 5, subjects: ["Reminder 3 of 4: your Vitrine plan is unpaid"] },
      { day: 7, subjects: ["Reminder 4 of 4: your Vitrine plan is unpaid"] },
    ];
    for (const step of expected) {
      const now = await advanceTo(stripe(), day(step.day));
      const { report, mails } = await runDay(now, email);
      expect(report.reminders, `day ${step.day}`).toBe(1);
      expect(mails.map((m) => m.subject).sort(), `day ${step.day}`).toEqual([...step.subjects].sort());
      for (const m of mails) {
        expect(m.envelope.to).toEqual([email.toLowerCase()]);
        // The pay link is Stripe's hosted invoice page for this invoice.
        expect(m.text).toContain(f.invoice.hosted_invoice_url!);
        expect(m.text).toContain("R$");
      }
      // Run again at the same moment: nothing more is sent.
      expect((await runDay(now, email)).mails).toEqual([]);
      const banner = await getBillingBanner(f.seller.store.id, now);
      expect(banner).toMatchObject({
        kind: "payment_failed",
        overdue: step.day > 0,
        amountMinor: 4900,
        currency: "BRL",
        payUrl: f.invoice.hosted_invoice_url,
      });
      // Free on day 8 (a minute later once the last reminder has gone out a minute late).
      const downgradeIn = (banner as { downgradeAt: Date }).downgradeAt.getTime() - c.startedAt.getTime();
      expect(downgradeIn).toBeGreaterThanOrEqual(8 * DAY);
      expect(downgradeIn).toBeLessThan(8 * DAY + 3_600_000);
    }
    // Stripe's retries (day 3, day 8) failed too: still one case for the invoice.
    expect(await prisma.dunningCase.count({ where: { storeId: f.seller.store.id } })).toBe(1);

    // Day 8: past the last reminder, the store drops to Free.
    const now = await advanceTo(stripe(), day(8));
    const { report, mails } = await runDay(now, email);
    expect(report.downgraded).toBe(1);
    expect(mails.map((m) => m.subject)).toEqual(["Your store moved to the Free plan"]);
    expect(mails[0]!.text).toContain("/dashboard/plan");
    const sub = await stripe().stripe.subscriptions.retrieve(f.subscription.id);
    expect(sub.status).toBe("canceled");
    expect(sub.metadata[DUNNING_CANCEL_MARK]).toBe(c.id);
    expect((await stripe().stripe.invoices.retrieve(f.invoice.id)).status).toBe("uncollectible");
    await settle(stripe());
    // The customer.subscription.deleted that followed did not put Starter back on the row.
    const row = await prisma.platformSubscription.findUniqueOrThrow({
      where: { storeId: f.seller.store.id },
      include: { plan: true },
    });
    expect(row).toMatchObject({ status: "free", stripeSubscriptionId: null, plan: { code: "free" } });
    expect(await prisma.dunningCase.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      status: "downgraded",
      endReason: "downgraded",
      step: 3,
    });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { storeId: f.seller.store.id, action: "billing.dunning_downgraded" },
    });
    expect(audit).toMatchObject({ before: { plan: "starter" }, after: { plan: "free", status: "free" } });
    expect(await feeOnNextSale(f, stripe().stripe)).toBe(549);
    expect(await getBillingBanner(f.seller.store.id, now)).toMatchObject({
      kind: "downgraded",
      fromPlanName: "Starter",
    });

    // Nothing more, ever: the next days send nothing.
    expect((await runDay(await advanceTo(stripe(), day(12)), email)).mails).toEqual([]);
    // Three card attempts failed (the renewal and Stripe's retries on days 3 and 8).
    expect((await paymentsCounter("failed", "stripe")) - failedBefore).toBe(3);
    // Every email the catcher took is counted once as sent.
    expect((await deliveries("email", "sent")) - deliveredBefore).toBe(mail.catcher().messages().length - caughtBefore);
  });

  it("writes in the seller's language (pt-BR)", async () => {
    const f = await storeWithFailedRenewal(stripe(), { tag: "ptbr", locale: "pt-BR" });
    const now = await advanceTo(stripe(), new Date(f.dunningCase.startedAt.getTime() + 60_000));
    const { mails } = await runDay(now, f.seller.user.email);
    expect(mails.map((m) => m.subject).sort()).toEqual([
      "Falha no pagamento do seu plano Vitrine",
      "Lembrete 1 de 4: seu plano Vitrine está em aberto",
    ]);
    for (const m of mails) expect(m.text).toMatch(/R\$\s49,00/);
  });

  it("stops at once when the seller pays by card on Stripe's invoice page at step 2", async () => {
    const f = await storeWithFailedRenewal(stripe(), { tag: "card", locale: "en" });
    const succeededBefore = await paymentsCounter("succeeded", "stripe");
    const email = f.seller.user.email;
    const day = (d: number) => new Date(f.dunningCase.startedAt.getTime() + d * DAY + 60_000);
    await runDay(await advanceTo(stripe(), day(0)), email);
    expect((await runDay(await advanceTo(stripe(), day(3)), email)).report.reminders).toBe(1);

    const res = await fetch(f.invoice.hosted_invoice_url!, {
      method: "POST",
      body: new URLSearchParams({ number: "4242424242424242", exp: "12/40", cvc: "123" }),
      redirect: "manual",
    });
    expect(res.status).toBe(303);
    await settle(stripe());
    const ended = await waitFor(() =>
      prisma.dunningCase.findFirst({ where: { id: f.dunningCase.id, status: "recovered" } }),
    );
    expect(ended).toMatchObject({ endReason: "paid_card", step: 1 });
    expect(await prisma.platformSubscription.findUnique({ where: { storeId: f.seller.store.id } })).toMatchObject({
      status: "active",
    });
    expect((await paymentsCounter("succeeded", "stripe")) - succeededBefore).toBe(1);
    expect(await getBillingBanner(f.seller.store.id, day(3))).toBeNull();

    // The rest of the schedule and the downgrade day pass: no mail, still Starter's fee.
    for (const d of [5, 7, 9]) expect((await runDay(await advanceTo(stripe(), day(d)), email)).mails).toEqual([]);
    expect(await feeOnNextSale(f, stripe().stripe)).toBe(338);
  });

  it("offers PIX in every reminder of a BRL invoice and stops at once when the seller pays by PIX at step 2", async () => {
    process.env.PLATFORM_PIX_KEY = "financeiro@vitrine.example";
    try {
      const f = await storeWithFailedRenewal(stripe(), { tag: "pix", locale: "pt-BR" });
      const email = f.seller.user.email;
      const day = (d: number) => new Date(f.dunningCase.startedAt.getTime() + d * DAY + 60_000);
      const pix = await platformInvoicePix({ stripeInvoiceId: f.invoice.id });
      expect(pix).toMatchObject({ amountMinor: 4900, source: "platform_key" });
      expect(pix!.brCode).toContain("financeiro@vitrine.example");
      expect(pix!.brCode).toContain("540549.00"); // the exact amount, R$ 49,00

      const first = await runDay(await advanceTo(stripe(), day(0)), email);
      const second = await runDay(await advanceTo(stripe(), day(3)), email);
      const reminders = [...first.mails, ...second.mails].filter((m) => m.subject.startsWith("Lembrete"));
      expect(reminders.map((m) => m.subject).sort()).toEqual([
        "Lembrete 1 de 4: seu plano Vitrine está em aberto",
        "Lembrete 2 de 4: seu plano Vitrine está em aberto",
      ]);
      for (const m of reminders) expect(m.text).toContain(pix!.brCode);
      expect(await getBillingBanner(f.seller.store.id, day(3))).toMatchObject({
        kind: "payment_failed",
        pix: { copyPaste: pix!.brCode },
      });

      // The transfer shows on the platform's statement with the invoice's txid: the invoice is paid by
      // PIX once, Stripe is told (out of band) and stops retrying, and the case ends at once.
      const pixBefore = await paymentsCounter("succeeded", "pix");
      await recordPlatformPixPayment(
        { txid: pix!.txid!, amountMinor: 4900, paidAt: day(3), endToEndId: "E0000000020260310PIXDUNNING" },
        { actor: { type: "system", id: "statement" } },
      );
      await settle(stripe());
      expect(
        await waitFor(() => prisma.dunningCase.findFirst({ where: { id: f.dunningCase.id, status: "recovered" } })),
      ).toMatchObject({ endReason: "paid_pix", step: 1 });
      expect((await stripe().stripe.invoices.retrieve(f.invoice.id)).status).toBe("paid");
      expect(await prisma.platformSubscription.findUnique({ where: { storeId: f.seller.store.id } })).toMatchObject({
        status: "active",
      });
      expect((await paymentsCounter("succeeded", "pix")) - pixBefore).toBe(1);
      expect(await getBillingBanner(f.seller.store.id, day(3))).toBeNull();
      for (const d of [5, 7, 9]) expect((await runDay(await advanceTo(stripe(), day(d)), email)).mails).toEqual([]);
      // The seller is told once that the payment was received and the reminders stopped.
      const recovered = mail.to(email).filter((m) => m.headers["x-vitrine-event"] === "dunning_recovered");
      expect(recovered).toHaveLength(1);
      expect(recovered[0]!.subject).toBe("Pagamento recebido: seu plano está em dia");
      expect(recovered[0]!.text!.replace(/\u00a0/g, " ")).toContain("R$ 49,00");
      expect(recovered[0]!.text).toContain("PIX");
      expect(await feeOnNextSale(f, stripe().stripe)).toBe(338);
    } finally {
      delete process.env.PLATFORM_PIX_KEY;
    }
  });

  it("ends the case within a minute when the invoice is paid by PIX with no Stripe event behind it", async () => {
    process.env.PLATFORM_PIX_KEY = "financeiro@vitrine.example";
    try {
      const f = await storeWithFailedRenewal(stripe(), { tag: "pix-quiet", locale: "en" });
      const email = f.seller.user.email;
      const day = (d: number) => new Date(f.dunningCase.startedAt.getTime() + d * DAY + 60_000);
      await runDay(await advanceTo(stripe(), day(0)), email);
      // Stripe is unreachable when the payment is recorded: no invoice.paid arrives.
      await stripe().controls.pauseWebhooks("drop");
      const pix = await platformInvoicePix({ stripeInvoiceId: f.invoice.id });
      await recordPlatformPixPayment(
        { txid: pix!.txid!, amountMinor: 4900, paidAt: day(1) },
        { actor: { type: "system", id: "statement" } },
      );
      await stripe().controls.resumeWebhooks();
      // The next job run, before any further step is due, settles it from our own record.
      const { report, mails } = await runDay(day(1), email);
      expect(report.settled).toBe(1);
      expect(mails).toEqual([]);
      expect(await prisma.dunningCase.findUniqueOrThrow({ where: { id: f.dunningCase.id } })).toMatchObject({
        status: "recovered",
        endReason: "paid_pix",
      });
      // Stripe's events arrive late (resent): they change nothing.
      const dropped = await stripe().stripe.events.list({ limit: 100, delivery_success: false });
      for (const e of dropped.data) await stripe().controls.resendEvent(e.id);
      await settle(stripe());
      expect(await prisma.dunningCase.findUniqueOrThrow({ where: { id: f.dunningCase.id } })).toMatchObject({
        status: "recovered",
        endReason: "paid_pix",
      });
      expect(
        await prisma.auditLog.count({ where: { storeId: f.seller.store.id, action: "dunning.case_recovered" } }),
      ).toBe(1);
    } finally {
      delete process.env.PLATFORM_PIX_KEY;
    }
  });

  it("stops when the invoice is voided", async () => {
    const f = await storeWithFailedRenewal(stripe(), { tag: "void", locale: "en" });
    const email = f.seller.user.email;
    await runDay(await advanceTo(stripe(), new Date(f.dunningCase.startedAt.getTime() + 60_000)), email);
    await stripe().stripe.invoices.voidInvoice(f.invoice.id);
    await settle(stripe());
    expect(
      await waitFor(() => prisma.dunningCase.findFirst({ where: { id: f.dunningCase.id, status: "canceled" } })),
    ).toMatchObject({ endReason: "canceled", step: 0 });
    for (const d of [3, 5, 7, 9])
      expect(
        (await runDay(await advanceTo(stripe(), new Date(f.dunningCase.startedAt.getTime() + d * DAY)), email)).mails,
      ).toEqual([]);
    expect(
      await prisma.notification.count({ where: { storeId: f.seller.store.id, event: "dunning_downgraded" } }),
    ).toBe(0);
  });

  it("stops when the seller cancels the plan, without a downgrade by dunning", async () => {
    const f = await storeWithFailedRenewal(stripe(), { tag: "cancel", locale: "en" });
    const email = f.seller.user.email;
    const start = f.dunningCase.startedAt;
    await runDay(await advanceTo(stripe(), new Date(start.getTime() + 60_000)), email);
    await stripe().stripe.subscriptions.cancel(f.subscription.id);
    await settle(stripe());
    expect(
      await waitFor(() => prisma.dunningCase.findFirst({ where: { id: f.dunningCase.id, status: "canceled" } })),
    ).toMatchObject({ endReason: "canceled", step: 0 });
    // The seller's own cancellation: the plan ends (Free's fee from now on), no "moved to Free by dunning".
    expect(await prisma.platformSubscription.findUnique({ where: { storeId: f.seller.store.id } })).toMatchObject({
      status: "canceled",
    });
    expect((await runDay(await advanceTo(stripe(), new Date(start.getTime() + 9 * DAY)), email)).mails).toEqual([]);
    expect(
      await prisma.notification.count({ where: { storeId: f.seller.store.id, event: "dunning_downgraded" } }),
    ).toBe(0);
    expect(await feeOnNextSale(f, stripe().stripe)).toBe(549);
  });

  it("a replayed failure event changes nothing", async () => {
    const f = await storeWithFailedRenewal(stripe(), { tag: "replay", locale: "en" });
    const failures = await stripe().stripe.events.list({ type: "invoice.payment_failed", limit: 100 });
    const ours = failures.data.find((e) => (e.data.object as { id: string }).id === f.invoice.id)!;
    await stripe().controls.resendEvent(ours.id);
    await settle(stripe());
    expect(await prisma.dunningCase.count({ where: { stripeInvoiceId: f.invoice.id } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { storeId: f.seller.store.id, action: "dunning.case_opened" } })).toBe(
      1,
    );
    expect(await prisma.dunningCase.findUniqueOrThrow({ where: { id: f.dunningCase.id } })).toMatchObject({
      startedAt: f.dunningCase.startedAt,
      step: -1,
    });
  });

  it("when Stripe gives up before the schedule ends, the store moves to Free at that moment", async () => {
    await prisma.platformSetting.create({
      data: { key: DUNNING_SCHEDULE_KEY, value: [0, 3, 5, 7, 14, 20] },
    });
    const f = await storeWithFailedRenewal(stripe(), { tag: "giveup", locale: "en" });
    const email = f.seller.user.email;
    // Stripe's retries: day 3, day 8, day 15 (the last one marks the invoice uncollectible and cancels).
    await advanceTo(stripe(), new Date(f.dunningCase.startedAt.getTime() + 16 * DAY));
    const ended = await waitFor(() =>
      prisma.dunningCase.findFirst({ where: { id: f.dunningCase.id, status: "downgraded" } }),
    );
    expect(ended.endReason).toBe("downgraded");
    expect(
      await prisma.platformSubscription.findUniqueOrThrow({
        where: { storeId: f.seller.store.id },
        include: { plan: true },
      }),
    ).toMatchObject({ status: "free", plan: { code: "free" } });
    await sendDueNotifications();
    expect(dunningMailTo(email).map((m) => m.subject)).toEqual(["Your store moved to the Free plan"]);
  });
});
