// The events Vitrine itself raises reach the seller's inbox: each producer writes its notification
// in its own transaction, and the sender delivers it through the mail catcher over SMTP.
import { describe, expect, it } from "vitest";
import Stripe from "stripe";
import { POST as platformRoute } from "@/app/api/webhooks/stripe/route";
import { changePassword } from "@/lib/account/settings";
import { syncPlanCatalog } from "@/lib/billing/catalog";
import { subscribeToPlan } from "@/lib/billing/plans";
import { recordAttempt } from "@/lib/callbacks/outcome";
import { prisma } from "@/lib/db/client";
import { sendDueNotifications } from "@/lib/notifications/send";
import { updateNotificationSettings } from "@/lib/notifications/settings";
import { recordOrderDispute } from "@/lib/orders/transition";
import { applyPixStatus } from "@/lib/pix/service/apply";
import { ctx as reqCtx, useTestDatabase } from "../support/db";
import { sellerWithStore, systemCtx } from "../support/seller";
import { useStripeEmulator } from "../support/stripe";
import { signedStripeDelivery } from "../support/stripe-webhook";
import { notificationsOf, useMailCatcher } from "./support";

const nbsp = (s: string | null) => (s ?? "").replace(/\u00a0/g, " ");

describe("notification producers", () => {
  useTestDatabase();
  const mail = useMailCatcher();
  const stripe = useStripeEmulator();

  it("a password change emails the account holder (not the store's other addresses), with no password in it", async () => {
    const ana = await sellerWithStore({ tag: "pw" });
    await updateNotificationSettings(ana.store.id, { extraEmails: ["team@loja.example"] }, ana.audit);
    await changePassword(
      ana.user.id,
      { currentPassword: "correct-horse-9", newPassword: "brand-new-horse-42" },
      { ...ana.audit, ip: "203.0.113.9" },
    );
    await sendDueNotifications();
    const [message] = mail.to(ana.user.email);
    expect(message!.subject).toBe("Sua senha da Vitrine foi alterada");
    expect(message!.text).toContain("Se não foi você, redefina sua senha imediatamente");
    expect(message!.text).toContain("203.0.113.9");
    expect(message!.raw.toString("utf8")).not.toContain("brand-new-horse-42");
    expect(mail.to("team@loja.example")).toHaveLength(0);
    const rows = await notificationsOf(ana.store.id, "password_changed");
    expect(rows.map((r) => r.channel)).toEqual(["email"]);
  });

  it("an opened dispute emails the store once, however often Stripe reports it", async () => {
    const ana = await sellerWithStore({ tag: "dispute" });
    const product = await prisma.product.create({ data: { storeId: ana.store.id, name: "Vaso" } });
    const price = await prisma.price.create({
      data: { storeId: ana.store.id, productId: product.id, unitAmount: 12990, currency: "BRL", type: "ONE_TIME" },
    });
    const order = await prisma.order.create({
      data: {
        storeId: ana.store.id,
        priceId: price.id,
        amountTotal: 12990,
        currency: "BRL",
        status: "PAID",
        channel: "CHECKOUT",
        stripeAccountId: "acct_test_dispute",
      },
    });
    const facts = {
      id: "dp_once",
      amount: 12990,
      currency: "brl",
      status: "needs_response",
      reason: "product_not_received",
    };
    await recordOrderDispute(order.id, facts, systemCtx);
    await recordOrderDispute(order.id, facts, systemCtx);
    await sendDueNotifications();
    const got = mail.to(ana.user.email);
    expect(got).toHaveLength(1);
    expect(nbsp(got[0]!.subject)).toBe("Contestação aberta em um pedido de R$ 129,90");
    expect(got[0]!.text).toContain("Produto não recebido");
    expect(got[0]!.text).toContain(order.id);
  });

  it("a callback endpoint stopped after a 410 tells the store, without the URL's token", async () => {
    const ana = await sellerWithStore({ tag: "cb" });
    const endpoint = await prisma.callbackEndpoint.create({
      data: {
        storeId: ana.store.id,
        url: "https://hooks.loja.example/vitrine?token=tok_store_secret",
        secretEnc: "unused",
        secretPrefix: "whsec_te",
      },
    });
    const delivery = await prisma.callbackDelivery.create({
      data: {
        storeId: ana.store.id,
        endpointId: endpoint.id,
        eventId: "evt_cb_1",
        eventType: "payment.succeeded",
        payload: {},
        status: "DELIVERING",
        attempts: 1,
      },
    });
    await recordAttempt(
      { id: delivery.id, storeId: ana.store.id, endpointId: endpoint.id, attempts: 1 },
      { kind: "gone", statusCode: 410, error: null, latencyMs: 5, excerpt: null, retryAfterSeconds: null },
      new Date(),
    );
    await sendDueNotifications();
    const [message] = mail.to(ana.user.email);
    expect(message!.subject).toBe("A Vitrine parou de enviar callbacks para hooks.loja.example");
    expect(message!.text).toContain("https://hooks.loja.example/vitrine");
    expect(message!.raw.toString("utf8")).not.toContain("tok_store_secret");
  });

  it("a paid PIX charge emails the store only when it asked for it", async () => {
    const ana = await sellerWithStore({ tag: "pix" });
    const charge = (reference: string) =>
      prisma.pixCharge.create({
        data: { storeId: ana.store.id, reference, amountCentavos: 4590, description: "Pedido 77", status: "pending" },
      });
    const first = await charge(`ref_${Date.now()}_a`);
    await applyPixStatus(first.id, { status: "paid", verified: true, source: "seller" }, systemCtx);
    expect(await notificationsOf(ana.store.id, "pix_charge_paid")).toHaveLength(0);

    await updateNotificationSettings(ana.store.id, { events: { pix_charge_paid: { email: true } } }, ana.audit);
    const second = await charge(`ref_${Date.now()}_b`);
    await applyPixStatus(second.id, { status: "paid", verified: true, source: "seller" }, systemCtx);
    await applyPixStatus(second.id, { status: "paid", verified: true, source: "webhook" }, systemCtx);
    await sendDueNotifications();
    const got = mail.to(ana.user.email);
    expect(got).toHaveLength(1);
    expect(nbsp(got[0]!.subject)).toBe("PIX recebido: R$ 45,90");
    expect(got[0]!.text).toContain("Pedido 77");
  });

  it("trial_will_end through the real webhook route tells the owner when the trial ends, once", async () => {
    process.env.STRIPE_WEBHOOK_SECRET = "whsec_test_notifications";
    await syncPlanCatalog();
    const ana = await sellerWithStore({ tag: "trial" });
    const audit = { ...reqCtx, actor: { type: "user" as const, id: ana.user.id } };
    const started = await subscribeToPlan(
      ana.store,
      ana.user.email,
      { planCode: "starter" },
      {
        appUrl: "http://localhost:3000",
        audit,
      },
    );
    const sessionId = started.checkoutUrl!.split("/checkout/")[1]!;
    await stripe().controls.completeCheckout(sessionId, { card: "4242424242424242" });
    // Stripe says so three days before the trial ends.
    await stripe().controls.advanceClock("12d");
    const events = await stripe().stripe.events.list({ type: "customer.subscription.trial_will_end", limit: 10 });
    const event = events.data.find(
      (e) => (e.data.object as Stripe.Subscription).metadata?.storeId === ana.store.id,
    ) as Stripe.Event;
    expect(event).toBeTruthy();
    for (let i = 0; i < 2; i++) {
      const res = await platformRoute(signedStripeDelivery(event, "whsec_test_notifications"));
      expect(res.status).toBe(200);
    }
    const rows = await notificationsOf(ana.store.id, "trial_ending");
    expect(rows).toHaveLength(1);
    await sendDueNotifications();
    const [message] = mail.to(ana.user.email);
    const trialEnd = (await prisma.platformSubscription.findUniqueOrThrow({ where: { storeId: ana.store.id } }))
      .trialEnd!;
    const date = new Intl.DateTimeFormat("pt-BR", { dateStyle: "medium", timeZone: "America/Sao_Paulo" }).format(
      trialEnd,
    );
    expect(message!.subject).toBe(`Seu teste do plano Starter termina em ${date}`);
  });
});
