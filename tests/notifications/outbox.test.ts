// The notification outbox end to end: enqueue inside a transaction, the sender over real SMTP to
// the mail catcher (and HTTP to a local Slack stand-in), retries, give-ups, languages, preferences
// and what a message must never carry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { MAX_ATTEMPTS } from "@/lib/notifications/config";
import { enqueueNotification, type EnqueueNotificationInput } from "@/lib/notifications/enqueue";
import { sendDueNotifications } from "@/lib/notifications/send";
import { setSlackWebhook, updateNotificationSettings } from "@/lib/notifications/settings";
import { notifyUsageAlerts } from "@/lib/notifications/usage-alerts";
import { resetMailTransport } from "@/lib/notifications/transport";
import { useTestDatabase } from "../support/db";
import { sellerWithStore } from "../support/seller";
import { later, notificationsOf, startSlackReceiver, useMailCatcher, type SlackReceiver } from "./support";

const nbsp = (s: string | null) => (s ?? "").replace(/\u00a0/g, " ");

async function owner(locale: "pt-BR" | "en", storeName = "Loja da Ana") {
  const seller = await sellerWithStore({ tag: "notify", storeName });
  await prisma.user.update({ where: { id: seller.user.id }, data: { locale } });
  return seller;
}

function dispute(storeId: string, id = `dp_${Math.random().toString(36).slice(2, 10)}`) {
  return {
    storeId,
    event: "dispute_opened",
    subjectId: id,
    payload: { orderId: "ord_123", disputeId: id, amountMinor: 123456, currency: "brl", reason: "fraudulent" },
  } satisfies EnqueueNotificationInput<"dispute_opened">;
}

describe("notification outbox", () => {
  useTestDatabase();
  const mail = useMailCatcher();

  it("sends an event enqueued twice once, with an HTML and a text part in the owner's pt-BR", async () => {
    const ana = await owner("pt-BR");
    const input = dispute(ana.store.id, "dp_twice");
    expect(await prisma.$transaction((tx) => enqueueNotification(tx, input))).toEqual({ queued: 1, targets: 1 });
    expect(await prisma.$transaction((tx) => enqueueNotification(tx, input))).toEqual({ queued: 0, targets: 1 });

    expect(await sendDueNotifications()).toMatchObject({ claimed: 1, sent: 1 });
    expect((await sendDueNotifications()).claimed).toBe(0);

    const got = mail.to(ana.user.email);
    expect(got).toHaveLength(1);
    const [message] = got;
    expect(nbsp(message!.subject)).toBe("Contestação aberta em um pedido de R$ 1.234,56");
    expect(message!.from).toContain("no-reply@vitrine.local");
    expect(message!.html).toContain('lang="pt-BR"');
    expect(nbsp(message!.html)).toContain("Um comprador contestou um pagamento");
    expect(message!.html).toContain("Fraude");
    expect(message!.html).toContain("http://localhost:3000/dashboard/orders");
    expect(message!.html).toContain("http://localhost:3000/dashboard/settings/notifications");
    const text = nbsp(message!.text);
    expect(text).toContain("Uma contestação de R$ 1.234,56 foi aberta");
    expect(text).toContain("Loja da Ana");
    expect(text).toContain("Gerenciar notificações");

    const [row] = await notificationsOf(ana.store.id, "dispute_opened");
    expect(row).toMatchObject({ status: "sent", attempts: 1, channel: "email", recipient: ana.user.email });
    expect(message!.messageId).toBe(`<${row!.id}@vitrine.local>`);
    expect(row!.providerId).toBe(message!.messageId);
  });

  it("refuses an event about a store that does not exist, and writes nothing", async () => {
    const before = await prisma.notification.count();
    await expect(
      prisma.$transaction((tx) => enqueueNotification(tx, dispute("store_that_is_not_there"))),
    ).rejects.toThrow(/store store_that_is_not_there does not exist/);
    expect(await prisma.notification.count()).toBe(before);
  });

  it("writes to an English owner in English, money and dates in their format", async () => {
    const bruno = await owner("en", "Bruno's Shop");
    await enqueueNotification(prisma, {
      storeId: bruno.store.id,
      event: "trial_ending",
      subjectId: "sub_en",
      payload: { planName: "Pro", trialEndsAt: new Date("2030-03-05T15:00:00Z"), amountMinor: 4990, currency: "USD" },
    });
    await sendDueNotifications();
    const [message] = mail.to(bruno.user.email);
    expect(message!.subject).toBe("Your Pro trial ends on Mar 5, 2030");
    expect(message!.html).toContain('lang="en"');
    expect(message!.text).toContain("The free trial of the Pro plan ends on Mar 5, 2030.");
    expect(message!.text).toContain("$49.90");
    expect(message!.text).toContain("Manage notifications");
  });

  describe("when the SMTP server fails", () => {
    it("retries with backoff after the server was down, and sends once it is back", async () => {
      const ana = await owner("pt-BR");
      await enqueueNotification(prisma, dispute(ana.store.id));
      await mail.stop();
      const t0 = new Date();
      expect(await sendDueNotifications({ now: t0 })).toMatchObject({ claimed: 1, retrying: 1 });
      const [failed] = await notificationsOf(ana.store.id);
      expect(failed).toMatchObject({ status: "failed", attempts: 1 });
      expect(failed!.lastError).toMatch(/ECONNREFUSED|connect/i);
      const delay = failed!.nextAttemptAt.getTime() - t0.getTime();
      expect(delay).toBeGreaterThanOrEqual(27_000);
      expect(delay).toBeLessThanOrEqual(33_000);
      // Not due before its time.
      expect((await sendDueNotifications({ now: new Date(t0.getTime() + 10_000) })).claimed).toBe(0);

      await mail.restart();
      await sendDueNotifications({ now: later(t0) });
      expect(mail.to(ana.user.email)).toHaveLength(1);
      const [sent] = await notificationsOf(ana.store.id);
      expect(sent).toMatchObject({ status: "sent", attempts: 2 });
    });

    it(`gives up (dead) after ${MAX_ATTEMPTS} attempts of a passing failure`, async () => {
      const ana = await owner("pt-BR");
      await enqueueNotification(prisma, dispute(ana.store.id));
      mail.catcher().failWith({ code: 451, message: "Mailbox busy, try later" });
      try {
        let now = new Date();
        for (let i = 1; i <= MAX_ATTEMPTS; i++) {
          now = later(now);
          await sendDueNotifications({ now });
          const [row] = await notificationsOf(ana.store.id);
          expect(row!.attempts).toBe(i);
          expect(row!.status).toBe(i < MAX_ATTEMPTS ? "failed" : "dead");
        }
        expect((await sendDueNotifications({ now: later(now, 48) })).claimed).toBe(0);
        const [row] = await notificationsOf(ana.store.id);
        expect(row!.lastError).toContain("451");
      } finally {
        mail.catcher().failWith(null);
      }
      expect(mail.to(ana.user.email)).toHaveLength(0);
    });

    it("does not retry a refused mailbox (5xx)", async () => {
      const ana = await owner("pt-BR");
      await enqueueNotification(prisma, dispute(ana.store.id));
      mail.catcher().failWith({ code: 550, message: "No such mailbox" });
      try {
        expect(await sendDueNotifications()).toMatchObject({ claimed: 1, dead: 1 });
      } finally {
        mail.catcher().failWith(null);
      }
      const [row] = await notificationsOf(ana.store.id);
      expect(row).toMatchObject({ status: "dead", attempts: 1 });
    });

    it("never stores the SMTP password in an error", async () => {
      const ana = await owner("pt-BR");
      await enqueueNotification(prisma, dispute(ana.store.id));
      const saved = process.env.SMTP_URL;
      // Nothing listens on port 9: connection refused, with credentials in the URL.
      process.env.SMTP_URL = "smtp://vitrine-mailer:Sup3rS3cretPassw0rd@127.0.0.1:9";
      resetMailTransport();
      try {
        await sendDueNotifications();
      } finally {
        process.env.SMTP_URL = saved;
        resetMailTransport();
      }
      const [row] = await notificationsOf(ana.store.id);
      expect(row!.status).toBe("failed");
      expect(row!.lastError).toBeTruthy();
      expect(row!.lastError).not.toContain("Sup3rS3cretPassw0rd");
      expect(row!.lastError).not.toContain("vitrine-mailer");
    });
  });

  describe("Slack", () => {
    let slack: SlackReceiver;
    beforeAll(async () => {
      slack = await startSlackReceiver();
    });
    afterAll(() => slack.close());

    it("posts the same facts to the store's webhook; a 5xx is retried and the error never shows the URL", async () => {
      const ana = await owner("pt-BR");
      await setSlackWebhook(ana.store.id, slack.url, ana.audit);
      // Stored encrypted: the row holds no part of the URL's secret path.
      const settings = await prisma.notificationSettings.findUniqueOrThrow({ where: { storeId: ana.store.id } });
      expect(settings.slackWebhookEncrypted).not.toContain("s3cr3t");

      slack.answer(500, "internal_error");
      await enqueueNotification(prisma, dispute(ana.store.id, "dp_slack"));
      const t0 = new Date();
      expect(await sendDueNotifications({ now: t0 })).toMatchObject({ claimed: 2, sent: 1, retrying: 1 });
      const [failed] = (await notificationsOf(ana.store.id)).filter((r) => r.channel === "slack");
      expect(failed).toMatchObject({ status: "failed", recipient: "slack:store" });
      expect(failed!.lastError).toContain("500");
      expect(failed!.lastError).not.toContain("s3cr3t");
      expect(JSON.stringify(failed)).not.toContain("s3cr3t");

      slack.answer(200);
      await sendDueNotifications({ now: later(t0) });
      const [sent] = (await notificationsOf(ana.store.id)).filter((r) => r.channel === "slack");
      expect(sent).toMatchObject({ status: "sent", attempts: 2 });
      expect(slack.bodies).toHaveLength(1);
      const text = nbsp(slack.bodies[0]!.text);
      expect(text).toContain("*Um comprador contestou um pagamento* · Loja da Ana");
      expect(text).toContain("• Valor: R$ 1.234,56");
      expect(text).toContain("• Motivo: Fraude");
      expect(text).toContain("<http://localhost:3000/dashboard/orders|Abrir pedidos>");
    });

    it("names why Slack could not be reached, without the webhook's secret path", async () => {
      const ana = await owner("en");
      // A port nothing listens on any more.
      const closed = await startSlackReceiver();
      const url = closed.url;
      await closed.close();
      await setSlackWebhook(ana.store.id, url, ana.audit);
      await updateNotificationSettings(ana.store.id, { events: { dispute_opened: { email: false } } }, ana.audit);
      await enqueueNotification(prisma, dispute(ana.store.id));
      await sendDueNotifications();
      const [row] = await notificationsOf(ana.store.id);
      expect(row).toMatchObject({ status: "failed", attempts: 1 });
      expect(row!.lastError).toBe("Slack could not be reached: ECONNREFUSED");
    });

    it("gives up at once on a webhook Slack says is gone (404 no_service)", async () => {
      const ana = await owner("en");
      await setSlackWebhook(ana.store.id, slack.url, ana.audit);
      await updateNotificationSettings(ana.store.id, { events: { dispute_opened: { email: false } } }, ana.audit);
      slack.answer(404, "no_service");
      try {
        await enqueueNotification(prisma, dispute(ana.store.id));
        expect(await sendDueNotifications()).toMatchObject({ claimed: 1, dead: 1 });
      } finally {
        slack.answer(200);
      }
      const [row] = await notificationsOf(ana.store.id);
      expect(row!.lastError).toContain("no_service");
      expect(row!.lastError).not.toContain("s3cr3t");
    });
  });

  it("follows the store's preferences and sends extra addresses the owner's language", async () => {
    const ana = await owner("pt-BR");
    await updateNotificationSettings(
      ana.store.id,
      { events: { dispute_opened: { email: false } }, extraEmails: ["Financeiro@Loja.example"] },
      ana.audit,
    );
    expect(await enqueueNotification(prisma, dispute(ana.store.id))).toEqual({ queued: 0, targets: 0 });
    // An event still on reaches the owner and the extra address, both in pt-BR.
    await enqueueNotification(prisma, {
      storeId: ana.store.id,
      event: "callback_endpoint_disabled",
      subjectId: "we_1",
      payload: {
        endpointId: "we_1",
        endpointUrl: "https://loja.example/hooks",
        reason: "gone",
        consecutiveFailures: 3,
      },
    });
    await sendDueNotifications();
    expect(mail.to(ana.user.email)).toHaveLength(1);
    const [extra] = mail.to("financeiro@loja.example");
    expect(extra!.subject).toBe("A Vitrine parou de enviar callbacks para loja.example");
    // Money owed to us is always emailed, whatever the toggles say.
    await expect(
      updateNotificationSettings(ana.store.id, { events: { plan_payment_failed: { email: false } } }, ana.audit),
    ).rejects.toMatchObject({ code: "validation_failed", param: "events.plan_payment_failed.email" });
  });

  it("keeps card numbers, CPFs and secrets out of what it stores and sends", async () => {
    const ana = await owner("pt-BR");
    await enqueueNotification(prisma, {
      storeId: ana.store.id,
      event: "pix_charge_paid",
      subjectId: "pix_secret",
      payload: {
        chargeId: "pix_secret",
        amountMinor: 5000,
        currency: "BRL",
        description: "Cartão 4242 4242 4242 4242, CPF 123.456.789-09, doc 12345678909",
        paidAt: new Date(),
        // Not in the event's schema: dropped, never stored.
        apiKey: "vt_sk_live_should_never_travel",
      } as never,
    });
    // pix_charge_paid is off by default: nothing was written until the store turns it on.
    expect(await notificationsOf(ana.store.id)).toHaveLength(0);
    await updateNotificationSettings(ana.store.id, { events: { pix_charge_paid: { email: true } } }, ana.audit);
    await enqueueNotification(prisma, {
      storeId: ana.store.id,
      event: "pix_charge_paid",
      subjectId: "pix_secret",
      payload: {
        chargeId: "pix_secret",
        amountMinor: 5000,
        currency: "BRL",
        description: "Cartão 4242 4242 4242 4242, CPF 123.456.789-09, doc 12345678909",
        paidAt: new Date(),
        apiKey: "vt_sk_live_should_never_travel",
      } as never,
    });
    const [row] = await notificationsOf(ana.store.id);
    const stored = JSON.stringify(row!.payload);
    await sendDueNotifications();
    const [message] = mail.to(ana.user.email);
    for (const place of [stored, message!.html ?? "", message!.text ?? "", message!.raw.toString("utf8")]) {
      expect(place).not.toContain("4242 4242 4242 4242");
      expect(place).not.toContain("123.456.789-09");
      expect(place).not.toContain("12345678909");
      expect(place).not.toContain("vt_sk_live");
    }
    expect(message!.text).toContain("•••• 4242");
    expect(message!.text).toContain("•••.•••.•••-09");
  });

  it("sends a platform message to every active admin in their language (and no one else)", async () => {
    const admins = await Promise.all(
      (["pt-BR", "en"] as const).map((locale, i) =>
        prisma.user.create({
          data: {
            email: `admin${i}-${Date.now()}@vitrine.test`,
            name: "Admin",
            passwordHash: "x",
            role: "ADMIN",
            locale,
          },
        }),
      ),
    );
    await prisma.user.update({ where: { id: admins[1]!.id }, data: { status: "SUSPENDED" } });
    await enqueueNotification(prisma, {
      storeId: null,
      event: "dunning_downgraded",
      subjectId: "store_x:2030-01",
      payload: { fromPlanName: "Pro", toPlanName: "Free", storeName: "Loja X" },
    });
    await sendDueNotifications();
    const [ptAdmin] = mail.to(admins[0]!.email);
    expect(ptAdmin!.subject).toBe("[Loja X] Sua loja passou para o plano Free");
    expect(ptAdmin!.html).toContain("http://localhost:3000/admin");
    expect(mail.to(admins[1]!.email)).toHaveLength(0);
  });

  it("two senders at once send every row once", async () => {
    const ana = await owner("pt-BR");
    for (let i = 0; i < 12; i++) await enqueueNotification(prisma, dispute(ana.store.id, `dp_race_${i}`));
    const reports = await Promise.all([sendDueNotifications(), sendDueNotifications(), sendDueNotifications()]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(12);
    const got = mail.to(ana.user.email);
    expect(got).toHaveLength(12);
    expect(new Set(got.map((m) => m.messageId)).size).toBe(12);
  });

  it("turns each recent usage alert into one notification, and leaves old ones alone", async () => {
    const ana = await owner("pt-BR");
    const periodStart = new Date(Date.UTC(2030, 0, 1));
    const fresh = await prisma.usageAlert.create({
      data: { storeId: ana.store.id, resource: "orders", periodStart, threshold: 80, used: 800, limit: 1000 },
    });
    await prisma.usageAlert.create({
      data: {
        storeId: ana.store.id,
        resource: "orders",
        periodStart: new Date(Date.UTC(2029, 11, 1)),
        threshold: 100,
        used: 1000,
        limit: 1000,
        createdAt: new Date(Date.now() - 3 * 24 * 3_600_000),
      },
    });
    expect(await notifyUsageAlerts()).toBe(1);
    expect(await notifyUsageAlerts()).toBe(0);
    const rows = await notificationsOf(ana.store.id, "usage_threshold");
    expect(rows.map((r) => r.idempotencyKey)).toEqual([`usage_threshold:${fresh.id}:email:${ana.user.email}`]);
    await sendDueNotifications();
    const [message] = mail.to(ana.user.email);
    expect(message!.subject).toBe("Você usou 80 % do limite de pedidos");
    expect(message!.text).toContain("800 de 1.000");
    // The period is a UTC calendar day: not shown as the evening before in São Paulo.
    expect(message!.text).toContain("1 de jan. de 2030");
  });
});
